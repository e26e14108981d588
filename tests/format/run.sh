#!/usr/bin/env bash
# End-to-end check of the migration fixes through the real command line:
#   dotnet format analyzers --diagnostics RP0001 RP0002 --severity info
# on a copy of samples/LegacyDice. The copy references the built runtime and loads the built analyzer and code-fix
# assemblies as Analyzer items. Afterwards the copy must build with no error and no RP0001/RP0002 warning, and its
# seeded output (stdout) must be the same on two runs. Prints what still fails; exit code 1 when anything does.
# Usage: tests/format/run.sh [-c Debug|Release] [--keep] [--out DIR] [--check DIR]
#   --out DIR    copy the fixed sources there when everything passes (how samples/LegacyDice.Fixed is made)
#   --check DIR  fail when the fixed sources differ from DIR's (CI keeps samples/LegacyDice.Fixed generated)
#   --source DIR migrate the .cs files of DIR (a console program) instead of samples/LegacyDice
set -u
repo="$(cd "$(dirname "$0")/../.." && pwd)"
keep=0
out=""
check=""
source=""
configuration=Debug
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --out|--check|--source|-c|--configuration) [ $# -ge 2 ] || { echo "$1 needs a value"; exit 2; } ;;&
    --out) out="$2"; shift ;;
    --check) check="$2"; shift ;;
    --source) source="$2"; shift ;;
    -c|--configuration) configuration="$2"; shift ;;
    *) echo "unknown argument: $1 (usage: see the head of $0)"; exit 2 ;;
  esac
  shift
done

work="$(mktemp -d)"
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
echo "work directory: $work"

echo "== building the runtime and the code fixes"
dotnet build "$repo/src/Runtime/RandomPurity.csproj" -c "$configuration" -f net8.0 -nodeReuse:false -v q -nologo >"$work/build-runtime.log" 2>&1 \
  || { echo "FAIL: runtime build"; tail -20 "$work/build-runtime.log"; exit 1; }
dotnet build "$repo/src/CodeFixes/RandomPurity.CodeFixes.csproj" -c "$configuration" -nodeReuse:false -v q -nologo >"$work/build-fixes.log" 2>&1 \
  || { echo "FAIL: code-fix build"; tail -20 "$work/build-fixes.log"; exit 1; }

runtime="$repo/src/Runtime/bin/$configuration/net8.0/RandomPurity.dll"
fixes="$repo/src/CodeFixes/bin/$configuration/netstandard2.0"
project="$work/LegacyDice"
mkdir -p "$project"
cp "${source:-$repo/samples/LegacyDice}"/*.cs "$project/"
cat >"$project/LegacyDice.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="RandomPurity" HintPath="$runtime" />
    <Analyzer Include="$fixes/RandomPurity.Analyzers.dll" />
    <Analyzer Include="$fixes/RandomPurity.CodeFixes.dll" />
  </ItemGroup>
</Project>
CSPROJ

cp -r "$project" "$work/LegacyDice.before"
echo "== dotnet format analyzers --diagnostics RP0001 RP0002 --severity info"
(cd "$project" && dotnet format analyzers LegacyDice.csproj --diagnostics RP0001 RP0002 --severity info -v diag) >"$work/format.log" 2>&1
format=$?
echo "format exit code: $format"
grep -E "warn|Unable|Failed|fixed|Fixed" "$work/format.log" | head -20
diff -u "$work/LegacyDice.before" "$project" | grep -v '^Only in' >"$work/changes.diff"
changed=$(grep -c '^[-+][^-+]' "$work/changes.diff")
echo "changed lines: $changed"

status=0
if [ $format -ne 0 ]; then
  echo "FAIL: dotnet format exits with $format"; tail -20 "$work/format.log"; status=1
fi
# The legacy program has RP0001/RP0002 findings: a run that changes nothing means the analyzers or fixes did not load.
if [ "$changed" -eq 0 ]; then
  echo "FAIL: dotnet format changed no line (were the analyzer and code-fix assemblies loaded?)"; status=1
fi
echo "== build after the fixes"
dotnet build "$project/LegacyDice.csproj" -nodeReuse:false -nologo -v q >"$work/build.log" 2>&1
build=$?
errors=$(grep -E "error [A-Z]+[0-9]+" "$work/build.log" | sort -u)
left=$(grep -E "warning RP000[12]" "$work/build.log" | sort -u)
if [ $build -ne 0 ] || [ -n "$errors" ]; then
  echo "FAIL: the fixed copy does not build"; echo "$errors" | head -20; status=1
fi
if [ -n "$left" ]; then
  echo "FAIL: RP0001/RP0002 left after the fixes:"; echo "$left" | sed "s|$project/||" ; status=1
fi
grep -E "warning RP" "$work/build.log" | grep -vE "RP000[12]" | sort -u | sed "s|$project/||" | sed 's/^/other RandomPurity warning: /'

if [ $build -eq 0 ]; then
  echo "== two runs"
  dotnet run --project "$project/LegacyDice.csproj" --no-build >"$work/run1.txt" 2>"$work/run1.err"
  dotnet run --project "$project/LegacyDice.csproj" --no-build >"$work/run2.txt" 2>"$work/run2.err"
  if cmp -s "$work/run1.txt" "$work/run2.txt"; then
    echo "seeded output identical on both runs:"; sed 's/^/  /' "$work/run1.txt"
  else
    echo "FAIL: seeded output differs between runs"; diff "$work/run1.txt" "$work/run2.txt"; status=1
  fi
fi

if [ -n "$check" ]; then
  # Compared up to the numbers of the subkey names (sub, sub2, ...): dotnet format applies the RP0001 and RP0002
  # fixers in an order that varies from run to run, and whichever runs first picks "sub" in a method both touch.
  normalize() { sed -E 's/\bsub[0-9]*\b/sub/g' "$1"; }
  for file in "$project"/*.cs; do
    if ! cmp -s <(normalize "$file") <(normalize "$check/$(basename "$file")"); then
      echo "FAIL: $check/$(basename "$file") is not what the code fixes produce (regenerate: tests/format/run.sh --out $check)"
      diff -u "$check/$(basename "$file")" "$file" | head -40
      status=1
    fi
  done
fi

if [ $status -eq 0 ] && [ -n "$out" ]; then
  mkdir -p "$out" && cp "$project"/*.cs "$out/" && echo "fixed sources written to $out"
fi
[ $status -eq 0 ] && echo "PASS" || echo "FAILED (details in $work when run with --keep)"
exit $status
