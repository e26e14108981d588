#!/usr/bin/env bash
# Runs every test suite of the repository: the command the README and CI use.
#   bash test.sh            restore, build and run all tests (the fast CI set)
# Long batteries (dieharder, the distributed sample) run on demand: see README.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$(mktemp -d)"
passed=0; failed=0
failures=() # what failed, repeated at the end so that a truncated CI log still names it

run_tests() { # name, --min N (the fewest tests the suite may run: a suite that discovers none fails), dotnet test arguments
  local name="$1"; shift
  [ "$1" = --min ] || { echo "run_tests $name: --min N is required"; exit 2; }
  local min="$2"; shift 2
  echo "== $name"
  local log="$results/$name.log"
  set +e
  dotnet test "$@" --nologo 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  set -e
  local p f
  # (grep finds nothing when no test ran: with pipefail that must not end the script)
  p=$({ grep -Eo 'Passed: +[0-9]+' "$log" || true; } | awk '{s+=$2} END {print s+0}')
  f=$({ grep -Eo 'Failed: +[0-9]+' "$log" || true; } | awk '{s+=$2} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  while IFS= read -r line; do failures+=("$name: $line"); done < <(awk '/^ +Failed /{sub(/^ +Failed /,""); name=$0; want=1; next} want && /Error Message:/{getline; sub(/^ +/,""); print name " -- " $0; want=0}' "$log")
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); failures+=("$name: exited with $rc"); echo "!! $name exited with $rc"; fi
  if [ $((p + f)) -lt "$min" ]; then
    failed=$((failed + 1)); failures+=("$name: ran $((p + f)) tests, fewer than its minimum $min"); echo "!! $name ran $((p + f)) tests (minimum $min)"
  fi
}

run_script() { # name, then a command that exits 0 on success
  local name="$1"; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); echo "!! $name failed"; fi
}

dotnet build RandomPurity.sln -c Release --nologo -v minimal

run_tests runtime --min 430 tests/RandomPurity.Tests -c Release --no-build
run_tests analyzers --min 830 tests/RandomPurity.Analyzers.Tests -c Release --no-build
# The same bits without SIMD, and without AVX-512 (the scalar and narrower vector paths).
DOTNET_EnableHWIntrinsic=0 run_tests runtime-no-simd --min 430 tests/RandomPurity.Tests -c Release --no-build
DOTNET_EnableAVX512=0 run_tests runtime-no-avx512 --min 430 tests/RandomPurity.Tests -c Release --no-build
# The runtime's netstandard2.0 build (what .NET Framework and Unity users get).
run_tests runtime-netstandard --min 430 tests/RandomPurity.Tests -c Release -p:RuntimeTargetFramework=netstandard2.0 -o "$results/ns20"
# The NuGet package: file list, then consumers restored from a local feed: every analysis mode, test projects,
# .editorconfig precedence, -warnaserror, a strong-named netstandard2.0/net462 library, net45 (RPB001), dotnet format.
run_script package bash tests/package/run.sh
# End to end through the real `dotnet format analyzers --diagnostics RP0001 RP0002` command line (tests/format): the
# migration fixes on the two-project fixture (a netstandard2.0 + net10.0 library on C# 7.3, a net10.0 app) and on a copy
# of samples/LegacyDice must leave code that builds for every target with no RandomPurity warning and whose seeded
# output repeats; LegacyDice's result must also equal samples/LegacyDice.Fixed. RP_FORMAT_E2E=0 skips both.
if [ "${RP_FORMAT_E2E:-1}" != 0 ]; then
  run_script format-fixture timeout 900 bash tests/format/fixture.sh -c Release
  run_script format-legacydice timeout 900 bash tests/format/run.sh -c Release --check samples/LegacyDice.Fixed
else
  echo "== format end-to-end: skipped (RP_FORMAT_E2E=0)"
fi

# Real code without a build (tests/RealCode): every analyzer, then the RP0001/RP0002 FixAll as dotnet format applies it,
# over a source tree loaded as a Roslyn solution. On the repository's legacy programs: no analyzer or fixer exception,
# no compiler error added, no RP0001/RP0002 left. (Open-source code bases run by hand: tests/RealCode/README.md.)
realcode="tests/RealCode/bin/Release/net10.0/RandomPurity.RealCode.dll"
run_script realcode-legacydice dotnet "$realcode" samples/LegacyDice --require-fixed
# The fixture keeps two RP0001 by design (no fix would leave a Random made on the spot; tests/format/fixture-known-gaps.txt
# lists what the real dotnet format leaves), and this single-target view sees DiceBag's #else use as disabled text:
# errors added and exceptions are checked there, not "nothing left".
run_script realcode-fixture dotnet "$realcode" tests/format/fixture

# The same bits on every machine (tests/CrossArch): a SHA-256 digest of every sampler family in both modes, equal on
# x64 with SIMD, x64 with DOTNET_EnableHWIntrinsic=0 and linux-arm64 under qemu-user. Installs the Debian packages
# when missing.
if ! command -v qemu-aarch64 >/dev/null || [ ! -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq &&
      apt-get install -y -qq qemu-user libc6-arm64-cross libstdc++6-arm64-cross) >/dev/null 2>&1 || true
  fi
fi
run_script cross-arch timeout 900 bash tests/CrossArch/run.sh

# The benchmark suite: every benchmark runs once (BenchmarkDotNet's Dry job, in-process, so no toolchain restore);
# Program exits with 1 when a benchmark throws. The real run is by hand (tests/RandomPurity.Benchmarks/RESULTS.md).
echo "== benchmarks (dry run)"
if dotnet run -c Release --no-build --project tests/RandomPurity.Benchmarks -- \
    --filter '*' --job Dry --inProcess --artifacts "$results/benchmarks" > "$results/benchmarks.log" 2>&1; then
  echo "benchmarks: dry run passed"
else
  tail -n 60 "$results/benchmarks.log"
  echo "!! benchmark dry run failed"
  failed=$((failed + 1)); failures+=("benchmarks (dry run)")
fi

# The fresh-process timing (FreshProcess.cs): every bulk member called twice next to System.Random in one new process.
# Timing on a loaded CI box is noise, so the dry run fails only when a member throws; the real run is by hand.
run_script fresh-process-dry-run dotnet run -c Release --no-build --project tests/RandomPurity.Benchmarks -- --fresh --dry

# Statistical quality: a fast seeded dieharder subset over the seven derived streams in both modes, time-capped
# (the full battery is on demand: bash tests/quality/run.sh). Installs the Debian package dieharder when missing.
if ! command -v dieharder >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq dieharder) >/dev/null 2>&1 || true
fi
if command -v dieharder >/dev/null; then
  run_script quality-quick timeout 900 bash tests/quality/run.sh --quick
else
  echo "!! dieharder is not installed: apt-get install dieharder"
  failed=$((failed + 1)); failures+=("quality-quick: dieharder is not installed")
fi

echo
for f in "${failures[@]}"; do echo "!! failed: $f"; done
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
