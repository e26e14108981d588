#!/usr/bin/env bash
# Analyzer cost on ordinary code (issue 19). Run by hand, not in CI: timings depend on the machine and its load.
#
#   tests/RandomPurity.Benchmarks/analyzer-cost/run.sh [--runs N] [--lines N] [--out DIR] [--no-build]
#
# Builds the analyzers and the runtime (Release), generates an ordinary code base (generate.py: ~40k lines, loops,
# LINQ, lambdas, string building; System.Random in ~2 % of methods, PrngKey in ~1 %) outside the repository, then
# compiles it N times in each of three configurations (without RandomPurity; with it next to the SDK's own analyzers;
# with it and the SDK analyzers off, where RandomPurity is the first to ask for semantic models and is billed for the
# binding they need):
#   dotnet build --no-incremental -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary
# and reports, per run, the Csc task time (PerformanceSummary), RandomPurity's total analyzer time (ReportAnalyzer),
# its share of the Csc time, and the per-analyzer split; then the medians.
set -euo pipefail

RUNS=3
LINES=40000
OUT="${TMPDIR:-/tmp}/randompurity-analyzer-cost"
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --lines) LINES="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
if [ "$BUILD" = 1 ]; then
  dotnet build "$ROOT/src/Runtime/RandomPurity.csproj" -c Release -v:q -nologo >/dev/null
fi
RUNTIME="$ROOT/src/Runtime/bin/Release/net8.0/RandomPurity.dll"
ANALYZER="$ROOT/src/Analyzers/bin/Release/netstandard2.0/RandomPurity.Analyzers.dll"
for f in "$RUNTIME" "$ANALYZER"; do
  [ -f "$f" ] || { echo "missing $f (build without --no-build)" >&2; exit 1; }
done

rm -rf "$OUT"
mkdir -p "$OUT/src"
python3 "$HERE/generate.py" "$OUT/src" --lines "$LINES"
# Stop MSBuild from importing anything above the generated project.
echo '<Project />' > "$OUT/Directory.Build.props"
echo '<Project />' > "$OUT/Directory.Build.targets"
cat > "$OUT/CostBench.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <NoWarn>\$(NoWarn);CS1998;CA1822;CA1050</NoWarn>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/**/*.cs" />
    <Reference Include="RandomPurity" HintPath="$RUNTIME" />
    <Analyzer Include="$ANALYZER" Condition="'\$(WithRandomPurity)' == 'true'" />
  </ItemGroup>
</Project>
PROJ

dotnet restore "$OUT/CostBench.csproj" -v:q -nologo >/dev/null

LOGS="$OUT/logs"
mkdir -p "$LOGS"
for i in $(seq 1 "$RUNS"); do
  for mode in without with with-nosdk; do
    case "$mode" in
      without) props="-p:WithRandomPurity=false" ;;
      with) props="-p:WithRandomPurity=true" ;;
      with-nosdk) props="-p:WithRandomPurity=true -p:EnableNETAnalyzers=false" ;;
    esac
    # shellcheck disable=SC2086
    dotnet build "$OUT/CostBench.csproj" --no-restore --no-incremental -nologo $props \
      -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$LOGS/$mode-$i.log" 2>&1 \
      || { echo "build failed: $LOGS/$mode-$i.log" >&2; exit 1; }
  done
done

python3 "$HERE/report.py" "$LOGS" "$RUNS"
