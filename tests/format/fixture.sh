#!/usr/bin/env bash
# End-to-end check of the migration fixes through the real command line on tests/format/fixture, a legacy solution of
# two projects (Legacy.Core: netstandard2.0 + net10.0 on C# 7.3; Legacy.App: a net10.0 console app):
#   dotnet format analyzers Legacy.sln --diagnostics RP0001 RP0002 --severity info
# on a temporary copy that references the built runtime and loads the built analyzer and code-fix assemblies (what the
# RandomPurity package gives its users). Checks, in order:
#   before: the copy builds for every target framework, its seeded output (stdout) is the same on two runs;
#   after:  it builds for every target framework with no error, no RandomPurity warning (RP0001-RP0009) is left, and
#           its seeded output is the same on two runs.
# Prints every failure (errors and diagnostics with file:line and target framework), a summary, and exits with 1 when
# anything fails.
# Usage: tests/format/fixture.sh [-c Debug|Release] [--mode sln|projects] [--keep] [--out DIR]
#   --mode sln       one dotnet format run on the solution (the default: fixes may change callers in the other project)
#   --mode projects  one run per project, Legacy.Core then Legacy.App
#   --keep           keep the temporary directory (the before/after copies, logs, diff)
#   --out DIR        copy the fixed sources there (whatever the outcome)
set -u
repo="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo/tests/format"
configuration=Debug
mode=sln
keep=0
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    -c|--configuration) configuration="$2"; shift ;;
    --mode) mode="$2"; shift ;;
    --keep) keep=1 ;;
    --out) out="$2"; shift ;;
    *) echo "unknown argument: $1"; exit 2 ;;
  esac
  shift
done
case "$mode" in sln|projects) ;; *) echo "--mode must be sln or projects"; exit 2 ;; esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
start=$SECONDS
work="$(mktemp -d)"
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
echo "work directory: $work"
failures=()
fail() { failures+=("$1"); echo "FAIL: $1"; }
phase() { echo "== $1 ($((SECONDS - start)) s)"; }

phase "building the runtime and the code fixes ($configuration)"
dotnet build "$repo/src/Runtime/RandomPurity.csproj" -c "$configuration" -nodeReuse:false -v q -nologo >"$work/build-runtime.log" 2>&1 \
  || { echo "FAIL: runtime build"; grep -E "error" "$work/build-runtime.log" | sort -u | head -20; exit 1; }
dotnet build "$repo/src/CodeFixes/RandomPurity.CodeFixes.csproj" -c "$configuration" -nodeReuse:false -v q -nologo >"$work/build-fixes.log" 2>&1 \
  || { echo "FAIL: code-fix build"; grep -E "error" "$work/build-fixes.log" | sort -u | head -20; exit 1; }

runtime="$repo/src/Runtime/bin/$configuration"
fixes="$repo/src/CodeFixes/bin/$configuration/netstandard2.0"
sol="$work/Legacy"
mkdir -p "$sol"
(cd "$repo/tests/format/fixture" && tar --exclude=bin --exclude=obj -cf - .) | (cd "$sol" && tar -xf -)
# What the RandomPurity package gives a user: the runtime for the target framework (with its netstandard2.0
# dependencies), the analyzers and fixes, and the analysis-mode presets of build/RandomPurity.props and .targets.
cat >"$sol/Directory.Build.props" <<PROPS
<Project>
  <Import Project="$repo/src/Analyzers/build/RandomPurity.props" />
  <PropertyGroup>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup Condition="'\$(TargetFramework)' == 'netstandard2.0'">
    <Reference Include="RandomPurity" HintPath="$runtime/netstandard2.0/RandomPurity.dll" />
    <PackageReference Include="System.Memory" Version="4.5.5" />
    <PackageReference Include="System.Runtime.CompilerServices.Unsafe" Version="6.0.0" />
  </ItemGroup>
  <ItemGroup Condition="'\$(TargetFramework)' != 'netstandard2.0'">
    <Reference Include="RandomPurity" HintPath="$runtime/net8.0/RandomPurity.dll" />
  </ItemGroup>
  <ItemGroup>
    <Analyzer Include="$fixes/RandomPurity.Analyzers.dll" />
    <Analyzer Include="$fixes/RandomPurity.CodeFixes.dll" />
  </ItemGroup>
</Project>
PROPS
cat >"$sol/Directory.Build.targets" <<TARGETS
<Project>
  <Import Project="$repo/src/Analyzers/build/RandomPurity.targets" />
</Project>
TARGETS

# Build lines of one kind (errors, or RandomPurity warnings), once each, as "file(line,col): id message [tfm]".
diagnostics() { # log, regex
  grep -E "$2" "$1" \
    | sed -E "s|$sol/||g; s| \(https?://[^)]*\)||; s| \[[^]]*::TargetFramework=([^]]*)\]| [\1]|; s| \[[^]]*\.csproj\]| [net10.0]|" \
    | sort -u
}
with_code() { # diagnostic lines on stdin: each followed by its source line in the fixed copy
  local line file number
  while IFS= read -r line; do
    echo "  $line"
    file="${line%%(*}"; number="${line#*(}"; number="${number%%,*}"
    if [ -f "$sol/$file" ] && [[ "$number" =~ ^[0-9]+$ ]]; then
      echo "      | $(sed -n "${number}p" "$sol/$file" | sed -E 's/^[[:space:]]+//')"
    fi
  done
}
build() { # label: builds every project for every target framework, from scratch
  dotnet build "$sol/Legacy.sln" -nodeReuse:false -nologo -v q --no-incremental >"$work/build-$1.log" 2>&1
}
run_twice() { # label: runs the app twice; fails when the exit code is not 0 or stdout differs
  local i
  for i in 1 2; do
    if ! dotnet "$sol/Legacy.App/bin/Debug/net10.0/Legacy.App.dll" >"$work/run-$1-$i.txt" 2>"$work/run-$1-$i.err"; then
      fail "$1: the app exits with an error (run $i)"; sed 's/^/  /' "$work/run-$1-$i.err" | head -20; return
    fi
  done
  if cmp -s "$work/run-$1-1.txt" "$work/run-$1-2.txt"; then
    echo "seeded output ($1) identical on both runs ($(wc -l <"$work/run-$1-1.txt") lines)"
  else
    fail "$1: seeded output differs between runs"; diff "$work/run-$1-1.txt" "$work/run-$1-2.txt" | sed 's/^/  /'
  fi
}

phase "before the fixes: build"
if ! build before; then
  echo "FAIL: the fixture does not build before the fixes (a broken fixture, not a broken fix)"
  diagnostics "$work/build-before.log" " error " | head -20
  exit 1
fi
before_warnings="$(diagnostics "$work/build-before.log" "warning RP[0-9]{4}")"
before_count=$(grep -c . <<<"$before_warnings")
echo "RandomPurity warnings before: $before_count"
grep -Eo "warning RP[0-9]{4}" <<<"$before_warnings" | sort | uniq -c | sed 's/^/  /'
# The fixture is legacy code full of RP0001/RP0002 findings: none means the analyzers did not load, and every later
# check ("no warning left") would pass on nothing.
grep -qE "warning RP000[12]" <<<"$before_warnings" || fail "no RP0001/RP0002 warning before the fixes (did the analyzers load?)"
phase "before the fixes: two runs"
run_twice before
[ ${#failures[@]} -eq 0 ] || { echo "the fixture is broken before the fixes"; exit 1; }

cp -r "$sol" "$work/Legacy.before"
phase "dotnet format analyzers ($mode) --diagnostics RP0001 RP0002 --severity info"
format() { # target
  (cd "$sol" && dotnet format analyzers "$1" --diagnostics RP0001 RP0002 --severity info -v diag) >>"$work/format.log" 2>&1 \
    || fail "dotnet format analyzers $1 exits with $?"
}
if [ "$mode" = sln ]; then
  format Legacy.sln
else
  format Legacy.Core/Legacy.Core.csproj
  format Legacy.App/Legacy.App.csproj
fi
grep -E "^\s*(Unable|Failed|Exception|Unhandled)|warning|error" "$work/format.log" | grep -v "warning NU" | sort -u | head -20
(cd "$work" && diff -ru -x bin -x obj Legacy.before Legacy) >"$work/changes.diff"
changed_lines=$(grep -cE '^[-+][^-+]' "$work/changes.diff" || true)
echo "files changed: $(grep -c '^+++ ' "$work/changes.diff"), lines changed: $changed_lines"
[ "$changed_lines" -gt 0 ] || fail "dotnet format changed no line (did the code fixes load?)"
# The whole diff, so that a CI log shows what the fixes produced (capped: a runaway fix should not flood the log).
sed -E 's/^(---|\+\+\+) ([^[:space:]]+).*/\1 \2/' "$work/changes.diff" | head -400
[ -z "$out" ] || { mkdir -p "$out" && (cd "$sol" && tar --exclude=bin --exclude=obj --exclude='Directory.Build.*' -cf - .) | (cd "$out" && tar -xf -) && echo "fixed sources written to $out"; }

phase "after the fixes: build for every target framework"
build after
built=$?
errors="$(diagnostics "$work/build-after.log" " error ")"
left="$(diagnostics "$work/build-after.log" "warning RP[0-9]{4}")"
if [ $built -ne 0 ] || [ -n "$errors" ]; then
  fail "the fixed copy does not build: $(grep -c . <<<"$errors") errors"; head -40 <<<"$errors" | with_code
fi
# Known gaps (tests/format/fixture-known-gaps.txt) are expected to remain; anything else left is a failure, and so
# is a known gap that has disappeared (the list must be kept exact).
known="$here/fixture-known-gaps.txt"
left_keys="$(sed -E 's/^([^:]+): warning (RP[0-9]{4}).*/\1: \2/' <<<"$left" | grep . | sort -u)"
expected_keys="$( [ -f "$known" ] && grep -vE '^\s*(#|$)' "$known" | sort -u)"
unexpected="$(comm -23 <(printf '%s\n' "$left_keys" | grep .) <(printf '%s\n' "$expected_keys" | grep .))"
closed="$(comm -13 <(printf '%s\n' "$left_keys" | grep .) <(printf '%s\n' "$expected_keys" | grep .))"
if [ -n "$unexpected" ]; then
  fail "RandomPurity warnings left after the fixes: $(grep -c . <<<"$unexpected") not in fixture-known-gaps.txt"
  grep -F -f <(sed -E 's/: (RP[0-9]{4})$/: warning \1/' <<<"$unexpected") <<<"$left" | with_code
fi
if [ -n "$closed" ]; then
  fail "known gaps no longer left (delete them from fixture-known-gaps.txt): $(tr '\n' ' ' <<<"$closed")"
fi
still="$(comm -12 <(printf '%s\n' "$left_keys" | grep .) <(printf '%s\n' "$expected_keys" | grep .))"
[ -z "$still" ] || { echo "known gaps left, as listed in fixture-known-gaps.txt:"; sed 's/^/  /' <<<"$still"; }
if [ $built -eq 0 ]; then
  phase "after the fixes: two runs"
  run_twice after
fi

echo "== summary ($((SECONDS - start)) s)"
if [ ${#failures[@]} -eq 0 ]; then
  echo "PASS: the fixed fixture builds for every target framework with no error and no RandomPurity warning beyond the listed known gaps, and its seeded output repeats"
  exit 0
fi
printf '  %s\n' "${failures[@]}"
if [ "$keep" = 1 ]; then echo "FAILED (logs and changes.diff in $work)"; else echo "FAILED (run with --keep for the logs and the diff)"; fi
exit 1
