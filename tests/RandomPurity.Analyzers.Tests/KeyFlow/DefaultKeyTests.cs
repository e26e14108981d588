using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static RandomPurity.Analyzers.Tests.KeyFlow.KeyFlowTestCode;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReuseAnalyzer>;

namespace RandomPurity.Analyzers.Tests.KeyFlow;

/// <summary>RP0008 report/silent pairs: markup #0 is the consumed default key, whose text the message quotes.</summary>
public sealed class DefaultKeyTests
{
    private sealed record Case(string Name, string Text, string Report, string Silent, bool Members = false);

    private static readonly Case[] Cases =
    {
        new("DefaultExpression", "k",
            "var k = default(PrngKey); var x = {|#0:k|}.Uniform();",
            "var k = default(PrngKey); k = PrngKey.Create(1); var x = k.Uniform();"),
        new("ParameterlessConstructor", "k",
            "var k = new PrngKey(); Use({|#0:k|});",
            "var k = new PrngKey(); var same = k == other || k.Equals(other);"),
        new("DefaultLiteralPassed", "default",
            "Use({|#0:default|});",
            "Use(PrngKey.Create(0));"),
        new("DefaultThroughCopyFoldedIn", "k",
            "PrngKey d = default; var k = d; var x = {|#0:k|}.FoldIn(1);",
            "PrngKey d = default; var k = c ? d : other; var x = k.Uniform();"),
        new("ArrayElementConstantIndex", "keys[0]",
            "var keys = new PrngKey[3]; var x = {|#0:keys[0]|}.Uniform();",
            "var keys = new PrngKey[3]; keys[0] = key; var x = keys[0].Uniform();"),
        new("ArrayElementAnyIndex", "keys[n - 1]",
            "var keys = new PrngKey[n]; var x = {|#0:keys[n - 1]|}.Uniform();",
            "var keys = new PrngKey[n]; key.Split(keys); var x = keys[n - 1].Uniform();"),
        new("FieldNeverAssigned", "_seedKey",
            "private PrngKey _seedKey; double Draw() => {|#0:_seedKey|}.Uniform();",
            "private PrngKey _seedKey; C(PrngKey k) { _seedKey = k; } double Draw() => _seedKey.Uniform();", Members: true),
        new("StaticFieldNeverAssigned", "s_key",
            "private static PrngKey s_key; static double Draw() => {|#0:s_key|}.Normal();",
            "private static PrngKey s_key = PrngKey.Create(7); static double Draw() => s_key.Normal();", Members: true),
        new("FieldOnlyReadThroughThis", "this._seedKey",
            "private PrngKey _seedKey; double Draw() => {|#0:this._seedKey|}.Uniform();",
            "private PrngKey _seedKey; void Load(PrngKey k) => (this._seedKey, _) = (k, 0); double Draw() => this._seedKey.Uniform();", Members: true),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Reports(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        return VerifyCS.VerifyAnalyzerAsync(@case.Members ? InClass(@case.Report) : InMethod(@case.Report), DefaultKey(@case.Text));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task StaysSilent(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        return VerifyCS.VerifyAnalyzerAsync(@case.Members ? InClass(@case.Silent) : InMethod(@case.Silent));
    }

    [Fact]
    public Task Default_key_consumed_twice_is_both_a_default_key_and_a_reuse() =>
        VerifyCS.VerifyAnalyzerAsync(
            InMethod("var k = default(PrngKey); var x = {|#1:k|}.Uniform(); var y = {|#0:k|}.Normal();"),
            DefaultKey("k", 1),
            DefaultKey("k", 0),
            Reuse("k", RandomPurity.Analyzers.KeyFlow.ReuseKind.ConsumedTwice));
}
