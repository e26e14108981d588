#!/usr/bin/env bash
# Package smoke test: packs RandomPurity with a unique version, checks the package's file list, then restores it
# from a local folder feed into a fresh package cache for a net10.0 console app and a netstandard2.0 library.
# Both must compile against PrngKey, show RP0001/RP0002, and fail with -warnaserror.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.1.0-ci.$(date +%s).$$"
fail() { echo "package test FAILED: $*"; exit 1; }

dotnet pack "$root/src/Runtime/RandomPurity.csproj" -c Release -o "$work/feed" -p:Version="$version" --nologo -v quiet
nupkg="$work/feed/RandomPurity.$version.nupkg"
[ -f "$nupkg" ] || fail "no package produced"
[ -f "$work/feed/RandomPurity.$version.snupkg" ] || fail "no symbol package produced"

files="$(unzip -Z1 "$nupkg")"
for expected in \
  lib/netstandard2.0/RandomPurity.dll lib/netstandard2.0/RandomPurity.xml \
  lib/net8.0/RandomPurity.dll lib/net8.0/RandomPurity.xml \
  analyzers/dotnet/roslyn4.8/cs/RandomPurity.Analyzers.dll \
  analyzers/dotnet/roslyn4.8/cs/RandomPurity.CodeFixes.dll \
  build/RandomPurity.props build/RandomPurity.targets build/AnalysisMode/RandomPurity.Default.globalconfig \
  buildTransitive/AnalysisMode/RandomPurity.Strict.globalconfig \
  buildTransitive/RandomPurity.props buildTransitive/RandomPurity.targets \
  README.md; do
  grep -qx "$expected" <<<"$files" || fail "missing $expected"
done
if grep -qi 'Microsoft.CodeAnalysis' <<<"$files"; then fail "Roslyn assemblies must not ship"; fi
nuspec="$(unzip -p "$nupkg" RandomPurity.nuspec)"
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "license expression"
grep -q '<repository ' <<<"$nuspec" || fail "repository metadata"
echo "package file list OK ($(wc -l <<<"$files") files)"

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
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
export NUGET_PACKAGES="$work/packages"

make_project() { # dir, tfm, langversion, source
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>$2</TargetFramework>
    <LangVersion>$3</LangVersion>
    <OutputType>$( [ "$2" = net10.0 ] && echo Exe || echo Library )</OutputType>
    <Nullable>disable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="RandomPurity" Version="$version" />
  </ItemGroup>
</Project>
XML
  printf '%s\n' "$4" > "$work/$1/Program.cs"
}

make_project ConsoleApp net10.0 latest '
using System;
using RandomPurity;

var key = PrngKey.Create(42);
var (a, b) = key.Split();
Console.WriteLine(a.UniformSingle() + b.UniformSingle());
var legacy = new Random(1);
Console.WriteLine(legacy.Next() + Random.Shared.Next());'

make_project NetStandardLibrary netstandard2.0 7.3 '
using System;
using System.Collections.Generic;
using System.Linq;
using RandomPurity;

public static class Dice
{
    public static int Roll(PrngKey key) { return key.Int32(1, 7); }
    public static int Legacy() { return new Random(7).Next(1, 7); }
    public static List<int> Scramble(List<int> items) { return items.OrderBy(_ => Guid.NewGuid()).ToList(); }
}'

for project in ConsoleApp NetStandardLibrary; do
  dir="$work/$project"
  log="$(cd "$dir" && dotnet build --nologo -v quiet 2>&1)" || { echo "$log"; fail "$project does not build"; }
  grep -q 'RP0001' <<<"$log" || { echo "$log"; fail "$project: no RP0001"; }
  grep -q 'RP0002' <<<"$log" || { echo "$log"; fail "$project: no RP0002"; }
  rm -rf "$dir/obj" "$dir/bin"
  if (cd "$dir" && dotnet build --nologo -v quiet -warnaserror >/dev/null 2>&1); then fail "$project: -warnaserror build passed"; fi
  echo "$project: builds against PrngKey, shows RP0001 and RP0002, fails with -warnaserror"
done
(cd "$work/ConsoleApp" && dotnet build --nologo -v quiet >/dev/null && dotnet run --no-build) || fail "console app does not run"
echo "package test passed"
