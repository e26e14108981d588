using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace RandomPurity.Analyzers.Tests;

/// <summary>
/// The presets in src/Analyzers/build: each AnalysisMode/*.globalconfig is loaded as the compiler loads it
/// (<see cref="AnalyzerConfigSet"/>) and its effective severities checked, alone and combined as the targets combine them.
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

    public static TheoryData<string, string, ReportDiagnostic> ModeSeverities() => new()
    {
        { "Default", "RP0001", ReportDiagnostic.Warn },
        { "Default", "RP0002", ReportDiagnostic.Warn },
        { "Default", "RP0003", ReportDiagnostic.Warn },
        { "Default", "RP0006", ReportDiagnostic.Info },
        { "Default", "RP0007", ReportDiagnostic.Info },
        { "Default", "RP0009", ReportDiagnostic.Warn },
        { "Strict", "RP0001", ReportDiagnostic.Error },
        { "Strict", "RP0002", ReportDiagnostic.Error },
        { "Strict", "RP0003", ReportDiagnostic.Error },
        { "Strict", "RP0006", ReportDiagnostic.Warn },
        { "Strict", "RP0007", ReportDiagnostic.Warn },
        { "Strict", "RP0008", ReportDiagnostic.Error },
        { "Migration", "RP0001", ReportDiagnostic.Info },
        { "Migration", "RP0002", ReportDiagnostic.Info },
        { "Migration", "RP0003", ReportDiagnostic.Warn },
        { "Migration", "RP0007", ReportDiagnostic.Info },
        { "Migration", "RP0009", ReportDiagnostic.Warn },
        { "None", "RP0001", ReportDiagnostic.Suppress },
        { "None", "RP0005", ReportDiagnostic.Suppress },
        { "None", "RP0009", ReportDiagnostic.Suppress },
    };

    [Theory]
    [MemberData(nameof(ModeSeverities))]
    public void Mode_sets_the_documented_severity(string mode, string id, ReportDiagnostic expected)
    {
        Assert.Equal(expected, Effective(mode)[id]);
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

    [Theory]
    [InlineData("Default", ReportDiagnostic.Warn)]
    [InlineData("Strict", ReportDiagnostic.Error)]
    [InlineData("Migration", ReportDiagnostic.Info)]
    public void Test_project_defaults_override_the_mode_for_their_rules_only(string mode, ReportDiagnostic rp0002)
    {
        Assert.True(GlobalLevel("TestProject") > GlobalLevel(mode), "the test-project file must win over the mode file");

        // Same result in either order: the level decides, not the order the build lists the files in.
        var effective = Effective(mode, "TestProject");
        Assert.Equal(effective, Effective("TestProject", mode));
        Assert.Equal(ReportDiagnostic.Info, effective["RP0001"]);
        Assert.Equal(ReportDiagnostic.Suppress, effective["RP0007"]);
        Assert.Equal(rp0002, effective["RP0002"]);
        Assert.Equal(Effective(mode)["RP0003"], effective["RP0003"]);
    }

    [Fact]
    public void User_globalconfig_at_the_default_level_wins_over_every_mode()
    {
        var user = AnalyzerConfig.Parse("is_global = true\ndotnet_diagnostic.RP0001.severity = error\n", "/repo/.globalconfig");
        var set = AnalyzerConfigSet.Create(ImmutableArray.Create(Load("Migration"), Load("TestProject"), user), out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(ReportDiagnostic.Error, set.GlobalConfigOptions.TreeOptions["RP0001"]);
    }

    [Fact]
    public void Targets_reference_existing_files_for_every_mode()
    {
        var targets = XDocument.Load(Path.Combine(BuildDirectory, "RandomPurity.targets"));
        var modes = targets.Descendants("_RandomPurityModeName").Select(e => e.Value).Where(v => v.Length > 0).ToArray();
        Assert.Equal(new[] { "Default", "Strict", "Migration", "None" }, modes);
        foreach (var mode in modes.Append("TestProject"))
        {
            Assert.True(File.Exists(Path.Combine(BuildDirectory, "AnalysisMode", "RandomPurity." + mode + ".globalconfig")), mode);
        }

        var includes = targets.Descendants("GlobalAnalyzerConfigFiles").Select(e => (string?)e.Attribute("Include")).ToList();
        Assert.Contains("$(_RandomPurityConfigDirectory)RandomPurity.$(_RandomPurityModeName).globalconfig", includes);
        Assert.Contains("$(_RandomPurityConfigDirectory)RandomPurity.TestProject.globalconfig", includes);

        var props = XDocument.Load(Path.Combine(BuildDirectory, "RandomPurity.props"));
        Assert.Equal("Default", props.Descendants("RandomPurityAnalysisMode").Single().Value);
    }
}
