using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using RandomPurity.Analyzers.KeyFlow;
using Xunit;
using static RandomPurity.Analyzers.Tests.KeyFlow.KeyFlowTestCode;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReuseAnalyzer>;

namespace RandomPurity.Analyzers.Tests.Precision;

/// <summary>
/// RP0003 precision classes of issue 19 (docs/rules/RP0003.md): a renewed copy is not tied to its
/// original (1), collection expressions store (2), list patterns bind tracked keys (3). Each case has a report
/// shape (markup #0 on the second use, #1 on the first) and a silent twin.
/// </summary>
public sealed class KeyReusePrecisionTests
{
    private sealed record Case(string Name, string Key, ReuseKind Kind, string Report, string Silent, bool SameLocation = false);

    private static readonly Case[] Cases =
    {
        // 1. A copy that is renewed stays tied to its original: only at loop heads and joins.
        new("CopyRenewedByDeconstructionInFor", "rng", ReuseKind.ConsumedInEarlierIteration,
            "var rng = key; for (var i = 0; i < n; i++) { var (next, sub) = {|#0:rng|}.Split(); var x = sub.Uniform(); }",
            "var rng = key; for (var i = 0; i < n; i++) { (rng, var sub) = rng.Split(); var x = sub.Uniform(); }", SameLocation: true),
        new("CopyRenewedManuallyInWhile", "key", ReuseKind.MaybeConsumed,
            "var k = key; while (Cond()) { var (next, sub) = {|#1:k|}.Split(); k = next; var x = sub.Uniform(); } var y = {|#0:key|}.Normal();",
            "var k = key; while (Cond()) { var (next, sub) = k.Split(); k = next; var x = sub.Uniform(); }"),
        new("CopyRenewedByForStep", "k", ReuseKind.ConsumedInEarlierIteration,
            "var sub = other; for (var k = key; Cond(); (_, sub) = {|#0:k|}.Split()) { var x = sub.Uniform(); }",
            "var sub = other; for (var k = key; Cond(); (k, sub) = k.Split()) { var x = sub.Uniform(); }", SameLocation: true),
        new("TupleInitialisedLoopVariable", "k", ReuseKind.ConsumedInEarlierIteration,
            "for (var (k, i) = (key, 0); i < n; i++) { var (a, sub) = {|#0:k|}.Split(); var x = sub.Uniform(); }",
            "for (var (k, i) = (key, 0); i < n; i++) { (k, var sub) = k.Split(); var x = sub.Uniform(); }", SameLocation: true),
        new("CopyRenewedOnOneBranch", "rng", ReuseKind.MaybeConsumed,
            "var rng = key; if (c) { var (a, sub) = {|#1:rng|}.Split(); var x = sub.Uniform(); } var y = {|#0:rng|}.Normal();",
            "var rng = key; if (c) { (rng, var sub) = rng.Split(); var x = sub.Uniform(); } var y = rng.Normal();"),
        new("CopyRenewedOnOneBranchInLoop", "rng", ReuseKind.ConsumedInEarlierIteration,
            "var rng = key; for (var i = 0; i < n; i++) { if (c) { var (a, sub) = {|#0:rng|}.Split(); Use(sub); } }",
            "var rng = key; for (var i = 0; i < n; i++) { if (i % 2 == 0) { (rng, var sub) = rng.Split(); Use(sub); } }", SameLocation: true),
        new("UnusedCopyBesideLoop", "initial", ReuseKind.MaybeConsumed,
            "var initial = key; for (var i = 0; i < n; i++) { (key, var sub) = {|#1:key|}.Split(); var x = sub.Uniform(); } var y = {|#0:initial|}.Normal();",
            "var initial = key; for (var i = 0; i < n; i++) { (key, var sub) = key.Split(); var x = sub.Uniform(); }"),
        new("CopyRenewedInForeach", "rng", ReuseKind.ConsumedInEarlierIteration,
            "var rng = key; foreach (var item in Enumerable.Range(0, n)) { var x = {|#0:rng|}.Uniform(); }",
            "var rng = key; foreach (var item in Enumerable.Range(0, n)) { (rng, var sub) = rng.Split(); var x = sub.Uniform(); }", SameLocation: true),
        new("CopyStillAliasesAfterBranchRenewal", "rng", ReuseKind.MaybeConsumed,
            "var rng = key; if (c) { rng = other; } var a = {|#1:key|}.Uniform(); var b = {|#0:rng|}.Normal();",
            "var rng = key.Clone(); if (c) { rng = other; } var a = key.Uniform(); var b = rng.Normal();"),

        // 2. Collection expressions store the key, like `new[] { a }`.
        new("ArrayCollectionExpression", "key", ReuseKind.ConsumedTwice,
            "PrngKey[] ks = [{|#1:key|}, other]; var x = {|#0:key|}.Uniform();",
            "PrngKey[] ks = [key.FoldIn(1), other]; var x = key.FoldIn(2).Uniform();"),
        new("ListCollectionExpression", "key", ReuseKind.ConsumedTwice,
            "List<PrngKey> q = [{|#1:key|}]; var x = {|#0:key|}.Uniform();",
            "List<PrngKey> q = [other]; var x = key.Uniform();"),
        new("SpanCollectionExpression", "key", ReuseKind.ConsumedTwice,
            "Span<PrngKey> s = [{|#1:key|}, other]; var x = {|#0:key|}.Uniform();",
            "Span<PrngKey> s = [key]; var x = s[0].Uniform();"),
        new("SpreadCollectionExpression", "key", ReuseKind.ConsumedTwice,
            "PrngKey[] rest = [other]; PrngKey[] all = [.. rest, {|#1:key|}]; var x = {|#0:key|}.Uniform();",
            "PrngKey[] rest = [other]; PrngKey[] all = [.. rest, key.FoldIn(1)]; var x = key.FoldIn(2).Uniform();"),

        // 3. List patterns bind like deconstruction: the bound variables are tracked.
        new("ListPatternOnSplit", "a", ReuseKind.ConsumedTwice,
            "if (key.Split(2) is [var a, var b]) { var x = {|#1:a|}.Uniform() + {|#0:a|}.Normal(); }",
            "if (key.Split(2) is [var a, var b]) { var x = a.Uniform() + b.Normal(); }"),
        new("ListPatternAliasesElement", "ks[0]", ReuseKind.ConsumedTwice,
            "var ks = key.Split(3); if (ks is [var first, ..]) { var x = {|#1:first|}.Uniform(); var y = {|#0:ks[0]|}.Normal(); }",
            "var ks = key.Split(3); if (ks is [var first, ..]) { var x = first.Uniform(); var y = ks[1].Normal(); }"),
        new("ListPatternInSwitchArm", "a", ReuseKind.ConsumedTwice,
            "var x = key.Split(2) switch { [var a, _] => {|#1:a|}.Uniform() + {|#0:a|}.Normal(), _ => 0 };",
            "var x = key.Split(2) switch { [var a, var b] => a.Uniform() + b.Normal(), _ => 0 };"),
        new("ListPatternAfterSlice", "last", ReuseKind.ConsumedTwice,
            "if (key.Split(3) is [.., var last]) { var x = {|#1:last|}.Uniform() + {|#0:last|}.Normal(); }",
            "if (key.Split(3) is [var first, .., var last]) { var x = first.Uniform() + last.Normal(); }"),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Reports(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        return VerifyCS.VerifyAnalyzerAsync(InMethod(@case.Report), Reuse(@case.Key, @case.Kind, @case.SameLocation ? 0 : 1));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task StaysSilent(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        return VerifyCS.VerifyAnalyzerAsync(InMethod(@case.Silent));
    }

    private const string ParamsSpanHelper = "    private static void All(params ReadOnlySpan<PrngKey> ks) { }\n";

    /// <summary>A <c>params ReadOnlySpan&lt;PrngKey&gt;</c> argument stores the key (C# 13).</summary>
    [Fact]
    public Task A_params_span_argument_consumes_the_key()
    {
        var test = new VerifyCS.Test
        {
            TestCode = InClass(ParamsSpanHelper + "    void M(PrngKey key, PrngKey other) { All({|#1:key|}, other); var x = {|#0:key|}.Uniform(); }"),
            LanguageVersion = LanguageVersion.Preview,
        };
        test.ExpectedDiagnostics.Add(Reuse("key", ReuseKind.ConsumedTwice));
        return test.RunAsync();
    }

    [Fact]
    public Task A_params_span_argument_of_other_keys_leaves_the_key_fresh()
    {
        var test = new VerifyCS.Test
        {
            TestCode = InClass(ParamsSpanHelper + "    void M(PrngKey key, PrngKey other) { All(other, key.FoldIn(1)); var x = key.FoldIn(2).Uniform(); }"),
            LanguageVersion = LanguageVersion.Preview,
        };
        return test.RunAsync();
    }
}
