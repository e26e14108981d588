using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace RandomPurity.Analyzers.Tests;

/// <summary>
/// The contents of the presets in src/Analyzers/build/AnalysisMode, loaded as the compiler loads them
/// (<see cref="AnalyzerConfigSet"/>): every mode names every rule, and Default is the descriptors' own severities.
/// What a consumer of the package gets from them (each mode, test projects, .editorconfig and .globalconfig precedence)
/// is tested by building consumers of the packed package: tests/package/run.sh.
/// </summary>
public sealed class AnalysisModeTests
{
    private static readonly string[] AllRules = ["RP0001", "RP0002", "RP0003", "RP0004", "RP0005", "RP0006", "RP0007", "RP0008", "RP0009"];

    private static string BuildDirectory => Path.Combine(HelpLinkTests.RepositoryRoot(), "src", "Analyzers", "build");

    private static AnalyzerConfig Load(string name)
    {
        var path = Path.Combine(BuildDirectory, "AnalysisMode", "RandomPurity." + name + ".globalconfig");
        return AnalyzerConfig.Parse(File.ReadAllText(path), path);
    }

    /// <summary>The file's global_level line (AnalyzerConfig keeps the parsed value internal).</summary>
    private static int GlobalLevel(string name)
    {
        var path = Path.Combine(BuildDirectory, "AnalysisMode", "RandomPurity." + name + ".globalconfig");
        var lines = File.ReadAllLines(path).Select(l => l.Replace(" ", string.Empty)).ToList();
        Assert.Contains("is_global=true", lines);
        var level = Assert.Single(lines, l => l.StartsWith("global_level=", System.StringComparison.Ordinal));
        return int.Parse(level.Substring("global_level=".Length), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ImmutableDictionary<string, ReportDiagnostic> Effective(params string[] names)
    {
        var set = AnalyzerConfigSet.Create(names.Select(Load).ToImmutableArray(), out var diagnostics);
        Assert.Empty(diagnostics);
        return set.GlobalConfigOptions.TreeOptions;
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Strict")]
    [InlineData("Migration")]
    [InlineData("None")]
    public void Mode_is_global_names_every_rule_and_nothing_else(string mode)
    {
        Assert.Equal(-90, GlobalLevel(mode));
        // The compiler lower-cases keys and looks diagnostic IDs up case-insensitively.
        Assert.Equal(AllRules, Effective(mode).Keys.Select(k => k.ToUpperInvariant()).OrderBy(k => k, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Default_mode_matches_the_descriptors_default_severities()
    {
        var effective = Effective("Default");
        foreach (var descriptor in typeof(Descriptors).GetFields().Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>())
        {
            var expected = descriptor.DefaultSeverity switch
            {
                DiagnosticSeverity.Error => ReportDiagnostic.Error,
                DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                DiagnosticSeverity.Info => ReportDiagnostic.Info,
                _ => ReportDiagnostic.Hidden,
            };
            Assert.Equal(expected, effective[descriptor.Id]);
        }
    }
}
