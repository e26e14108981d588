#!/usr/bin/env bash
# Package test: packs RandomPurity with a unique package version, checks the package's file list, then builds
# consumers that restore it from a local folder feed, as a user's projects would, and asserts what the compiler
# reports (never the contents of the configuration files):
#   - each analysis mode (Default, Strict, strict, Migration, None, an unknown value), the test-project defaults
#     (a project referencing Microsoft.NET.Test.Sdk) in Default, Strict and None, RandomPurityTestProjectDefaults=false,
#     and an .editorconfig line and a .globalconfig of the user's that win over the mode: the severity of RP0001
#     (`new Random(1)`) and RP0002 (`Random.Shared`), from the build output for errors and warnings and from the
#     SARIF 2.1 log for suggestions (level "note"), which the console does not show;
#   - `-warnaserror` fails the build because of the RP diagnostics and of nothing else;
#   - a strong-named netstandard2.0 + net462 library builds against the package without CS8002, and the runtime
#     assembly a net10.0 console app loads carries the repository key's token (651cc8810b6ba6c2);
#   - a net45 library (no lib/ folder fits it) gets the RPB001 warning while the analyzers still report;
#   - `dotnet format analyzers --severity warn` leaves a test project's RP0001 alone, and not with the defaults off;
#   - the net10.0 console app compiles against PrngKey and runs.
# One restore and one `dotnet build --no-incremental` of a solution holding every case (so every assertion comes from
# a compiler run, and the cases compile in parallel), then one -warnaserror build and one run. Packages other than
# RandomPurity come from the machine's NuGet cache when they are there (a fallback folder), else from nuget.org;
# RandomPurity itself lands in a private cache in the work folder. `dotnet pack` sets only the package version, so
# after test.sh's Release build nothing recompiles.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-ci.$(date +%s).$$"
start=$SECONDS
fail() { echo "package test FAILED: $*"; exit 1; }

dotnet pack "$root/src/Runtime/RandomPurity.csproj" -c Release -o "$work/feed" -p:PackageVersion="$version" --nologo -v quiet
nupkg="$work/feed/RandomPurity.$version.nupkg"
[ -f "$nupkg" ] || fail "no package produced"
[ -f "$work/feed/RandomPurity.$version.snupkg" ] || fail "no symbol package produced"

files="$(unzip -Z1 "$nupkg")"
for expected in \
  lib/netstandard2.0/RandomPurity.dll lib/netstandard2.0/RandomPurity.xml \
  lib/net8.0/RandomPurity.dll lib/net8.0/RandomPurity.xml \
  analyzers/dotnet/roslyn4.8/cs/RandomPurity.Analyzers.dll \
  analyzers/dotnet/roslyn4.8/cs/RandomPurity.CodeFixes.dll \
  build/RandomPurity.props build/RandomPurity.targets buildTransitive/RandomPurity.props buildTransitive/RandomPurity.targets \
  README.md; do
  grep -qx "$expected" <<<"$files" || fail "missing $expected"
done
for mode in Default Strict Migration None TestProject; do
  for dir in build buildTransitive; do
    grep -qx "$dir/AnalysisMode/RandomPurity.$mode.globalconfig" <<<"$files" || fail "missing $dir/AnalysisMode/RandomPurity.$mode.globalconfig"
  done
done
if grep -qi 'Microsoft.CodeAnalysis' <<<"$files"; then fail "Roslyn assemblies must not ship"; fi
nuspec="$(unzip -p "$nupkg" RandomPurity.nuspec)"
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "license expression"
grep -q '<repository ' <<<"$nuspec" || fail "repository metadata"
echo "package file list OK ($(wc -l <<<"$files") files), packed after $((SECONDS - start)) s"

fallback=""
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
[ -d "$cache" ] && fallback="<fallbackPackageFolders><add key=\"machine\" value=\"$cache\" /></fallbackPackageFolders>"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  $fallback
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="RandomPurity" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
unset NUGET_PACKAGES
# The consumers stand for a user's projects: none of the repository's MSBuild files apply ($work is outside it anyway).
printf '<Project />\n' > "$work/Directory.Build.props"
printf '<Project />\n' > "$work/Directory.Build.targets"

# RP0001 (new Random) at line 9 and RP0002 (Random.Shared) at line 10 in every case that checks severities.
legacy_source='using System;
using RandomPurity;

public static class Legacy
{
    public static int Draw(PrngKey key)
    {
        int a = key.Int32(0, 6);
        var legacy = new Random(1);
        return a + legacy.Next() + Random.Shared.Next();
    }
}'

cases=()
make_case() { # name, target framework(s), extra properties, extra items, source
  local dir="$work/cases/$1"
  mkdir -p "$dir"
  cat > "$dir/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFrameworks>$2</TargetFrameworks>
    <LangVersion>latest</LangVersion>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <ErrorLog>\$(MSBuildProjectDirectory)/build.sarif,version=2.1</ErrorLog>
    $3
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="RandomPurity" Version="$version" />
    $4
  </ItemGroup>
</Project>
XML
  printf '%s\n' "$5" > "$dir/Program.cs"
  cases+=("$1")
}
mode() { echo "<RandomPurityAnalysisMode>$1</RandomPurityAnalysisMode>"; }
test_sdk='<PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />'

make_case ConsoleApp net10.0 "<OutputType>Exe</OutputType>" "" "$legacy_source
public static class Program
{
    public static void Main()
    {
        var (a, b) = PrngKey.Create(42).Split();
        Console.WriteLine(a.UniformSingle() + b.UniformSingle());
        Console.WriteLine(typeof(PrngKey).Assembly.FullName);
    }
}"
make_case Strict net10.0 "$(mode Strict)" "" "$legacy_source"
make_case StrictLowerCase net10.0 "$(mode strict)" "" "$legacy_source"
make_case Migration net10.0 "$(mode Migration)" "" "$legacy_source"
make_case None net10.0 "$(mode None)" "" "$legacy_source"
make_case UnknownMode net10.0 "$(mode Lenient)" "" "$legacy_source"
make_case EditorConfigOverMigration net10.0 "$(mode Migration)" "" "$legacy_source"
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.RP0001.severity = error\n' > "$work/cases/EditorConfigOverMigration/.editorconfig"
make_case EditorConfigOverStrict net10.0 "$(mode Strict)" "" "$legacy_source"
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.RP0001.severity = none\n' > "$work/cases/EditorConfigOverStrict/.editorconfig"
make_case GlobalConfigOverMigration net10.0 "$(mode Migration)" "" "$legacy_source"
printf 'is_global = true\ndotnet_diagnostic.RP0002.severity = warning\n' > "$work/cases/GlobalConfigOverMigration/.globalconfig"
make_case TestProject net10.0 "" "$test_sdk" "$legacy_source"
make_case TestProjectStrict net10.0 "$(mode Strict)" "$test_sdk" "$legacy_source"
make_case TestProjectNone net10.0 "$(mode None)" "$test_sdk" "$legacy_source"
make_case TestProjectDefaultsOff net10.0 "<RandomPurityTestProjectDefaults>false</RandomPurityTestProjectDefaults>" "$test_sdk" "$legacy_source"
# A strong-named library for netstandard2.0 and .NET Framework 4.6.2 (CS8002 if RandomPurity.dll had no strong name),
# signed with its own copy of a key, on C# 7.3. No Random.Shared there: netstandard2.0 has none.
cp "$root/eng/RandomPurity.snk" "$work/consumer.snk"
make_case SignedLibrary 'netstandard2.0;net462' \
  "<SignAssembly>true</SignAssembly><AssemblyOriginatorKeyFile>../../consumer.snk</AssemblyOriginatorKeyFile><LangVersion>7.3</LangVersion>" "" \
  "${legacy_source/ + Random.Shared.Next()/}"
# .NET Framework 4.5: NuGet restores the package (build/ and analyzers/ fit every target) but no lib/ fits it.
make_case Net45Library net45 "" "" 'using System;

public static class Legacy
{
    public static int Draw()
    {
        int a = 0;
        var legacy = new Random(1);
        return a + legacy.Next();
    }
}'

{
  echo "<Solution>"
  for c in "${cases[@]}"; do echo "  <Project Path=\"cases/$c/$c.csproj\" />"; done
  echo "</Solution>"
} > "$work/Consumers.slnx"

(cd "$work" && dotnet restore Consumers.slnx --nologo -v quiet) >"$work/restore.log" 2>&1 ||
  { cat "$work/restore.log"; fail "the consumers do not restore"; }
echo "${#cases[@]} consumers restored after $((SECONDS - start)) s"
log="$work/build.log"
(cd "$work" && dotnet build Consumers.slnx --nologo -v quiet --no-restore --no-incremental) >"$log" 2>&1 || true
echo "consumers built after $((SECONDS - start)) s"

# How the compiler reported RULE in case CASE: error | warning (build output) | note (a suggestion: SARIF only) | none.
# A rule reported as an error or warning must be in the case's SARIF log too.
severity() { # case, rule, [log]
  local in_log in_sarif
  in_log="$(grep -Eo "/$1/Program\.cs\([0-9]+,[0-9]+\): (error|warning) $2:" "${3:-$log}" | awk '{print $2}' | sort -u | tr '\n' ' ')"
  in_sarif="$(awk -v rule="$2" '/"ruleId":/ { r = $2; gsub(/[",]/, "", r) }
    /"level":/ && r != "" { l = $2; gsub(/[",]/, "", l); if (r == rule) print l; r = "" }' "$work/cases/$1/build.sarif" | sort -u | tr '\n' ' ')"
  in_log="${in_log% }"; in_sarif="${in_sarif% }"
  if [ -n "$in_log" ]; then
    [ -n "$in_sarif" ] && echo "$in_log" || echo "in the build output only"
  else
    echo "${in_sarif:-none}"
  fi
}

echo "consumer builds (RP0001: new Random(1), RP0002: Random.Shared):"
expect() { # case, rule=severity ...; the build of the case fails exactly when some expected severity is error
  local name="$1" pair got seen=() want_fail=no has_errors=no; shift
  [ -f "$work/cases/$name/build.sarif" ] || { cat "$log"; fail "$name: no SARIF log (the case did not compile)"; }
  grep -q '"version": "2.1.0"' "$work/cases/$name/build.sarif" || fail "$name: the SARIF log is not version 2.1.0"
  for pair in "$@"; do
    got="$(severity "$name" "${pair%%=*}")"
    seen+=("${pair%%=*} $got")
    [ "$got" = "${pair#*=}" ] || { grep "/$name/" "$log"; fail "$name: ${pair%%=*} is '$got', expected '${pair#*=}'"; }
    [ "${pair#*=}" = error ] && want_fail=yes
  done
  grep -Eq "/$name/[^:]*: error " "$log" && has_errors=yes
  [ "$want_fail" = "$has_errors" ] || { grep "/$name/" "$log"; fail "$name: errors in the build: $has_errors, expected $want_fail"; }
  printf '  %-28s %s\n' "$name" "$(IFS=,; echo "${seen[*]}")"
}
expect ConsoleApp RP0001=warning RP0002=warning
expect Strict RP0001=error RP0002=error
expect StrictLowerCase RP0001=error RP0002=error
expect Migration RP0001=note RP0002=note
expect None RP0001=none RP0002=none
expect UnknownMode RP0001=warning RP0002=warning
grep 'warning RPCFG001' "$log" | grep -q '/UnknownMode/UnknownMode.csproj' || { cat "$log"; fail "UnknownMode: no RPCFG001 warning"; }
expect EditorConfigOverMigration RP0001=error RP0002=note
expect EditorConfigOverStrict RP0001=none RP0002=error
expect GlobalConfigOverMigration RP0001=note RP0002=warning
expect TestProject RP0001=note RP0002=warning
expect TestProjectStrict RP0001=note RP0002=error
expect TestProjectNone RP0001=none RP0002=none
expect TestProjectDefaultsOff RP0001=warning RP0002=warning

# Strong name: both targets of the signed library compile with no CS8002 and report as any consumer does.
if grep -q CS8002 "$log"; then grep CS8002 "$log"; fail "SignedLibrary: CS8002 (RandomPurity.dll has no strong name)"; fi
for tfm in netstandard2.0 net462; do
  grep -Eq "/SignedLibrary/Program\.cs\(9,[0-9]+\): warning RP0001:.*TargetFramework=$tfm" "$log" || { cat "$log"; fail "SignedLibrary $tfm: no RP0001 warning"; }
  [ -f "$work/cases/SignedLibrary/bin/Debug/$tfm/SignedLibrary.dll" ] || { cat "$log"; fail "SignedLibrary $tfm: not built"; }
done
if grep -Eq "/SignedLibrary/[^:]*: error " "$log"; then grep /SignedLibrary/ "$log"; fail "SignedLibrary: errors"; fi
echo "  SignedLibrary                netstandard2.0 and net462 signed: built, no CS8002, RP0001 warning"

# net45: RPB001 says the runtime is not there, the analyzers still report, code without PrngKey builds; no other
# case (net10.0, netstandard2.0, net462) gets RPB001.
expect Net45Library RP0001=warning
[ -f "$work/cases/Net45Library/bin/Debug/net45/Net45Library.dll" ] || fail "Net45Library: not built"
grep 'warning RPB001' "$log" | grep -q '/Net45Library/Net45Library.csproj' || { cat "$log"; fail "Net45Library: no RPB001 warning"; }
if grep 'warning RPB001' "$log" | grep -vq '/Net45Library/Net45Library.csproj'; then grep RPB001 "$log"; fail "RPB001 on a supported target"; fi
echo "  Net45Library                 RPB001 warning"

# The console app runs, and the RandomPurity.dll it loads carries the repository's strong name.
out="$(cd "$work/cases/ConsoleApp" && dotnet run --no-build 2>&1)" || { echo "$out"; fail "the console app does not run"; }
grep -q "^RandomPurity, Version=0.1.0.0, Culture=neutral, PublicKeyToken=651cc8810b6ba6c2$" <<<"$out" ||
  { echo "$out"; fail "the runtime is not signed with eng/RandomPurity.snk"; }
echo "  ConsoleApp runs, loads $(grep PublicKeyToken <<<"$out")"

# dotnet format fixes only what is at least as severe as --severity: in a test project RP0001 is a suggestion, so
# `--severity warn` leaves its fixed-seed test data alone (exit 0 with --verify-no-changes); with the test-project
# defaults off it would fix it (exit 2: changes to make).
for case in TestProject:0 TestProjectDefaultsOff:2; do
  rc=0
  (cd "$work/cases/${case%:*}" && dotnet format analyzers --diagnostics RP0001 --severity warn --verify-no-changes --no-restore) \
    >"$work/format.log" 2>&1 || rc=$?
  [ "$rc" = "${case#*:}" ] || { cat "$work/format.log"; fail "${case%:*}: dotnet format --severity warn exited $rc, expected ${case#*:}"; }
done
echo "  dotnet format --severity warn: TestProject left alone (exit 0), TestProjectDefaultsOff would change (exit 2)"

# -warnaserror fails the build, and the RP diagnostics are why: every error is an RP error, RP0001 and RP0002 among
# them (a restore or compiler error would carry another code). The SARIF 2.1 log is asked for on the command line as
# docs/editors-and-ci.md says (%2C: a plain comma would split the property).
wae="$work/warnaserror.log"; rc=0
(cd "$work/cases/ConsoleApp" && dotnet build --nologo -v quiet --no-restore --no-incremental -warnaserror \
  "-p:ErrorLog=$work/cases/ConsoleApp/build.sarif%2Cversion=2.1") >"$wae" 2>&1 || rc=$?
[ "$rc" -ne 0 ] || { cat "$wae"; fail "-warnaserror: the build passed"; }
for rule in RP0001 RP0002; do
  [ "$(severity ConsoleApp "$rule" "$wae")" = error ] || { cat "$wae"; fail "-warnaserror: $rule is not an error"; }
done
others="$(grep -E ': error ' "$wae" | grep -Ev '/ConsoleApp/Program\.cs\([0-9]+,[0-9]+\): error RP000[1-9]:' || true)"
[ -z "$others" ] || { cat "$wae"; fail "-warnaserror: errors other than the RP diagnostics: $others"; }
echo "  ConsoleApp -warnaserror      fails with error RP0001, error RP0002 and nothing else"
echo "package test passed in $((SECONDS - start)) s"
