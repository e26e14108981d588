using System.Threading.Tasks;
using RandomPurity.Analyzers.KeyFlow;
using Xunit;
using static RandomPurity.Analyzers.Tests.KeyFlow.KeyFlowTestCode;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReuseAnalyzer>;

namespace RandomPurity.Analyzers.Tests.KeyFlow;

public sealed class KeyReuseSmokeTests
{
    [Fact]
    public Task Straight() => VerifyCS.VerifyAnalyzerAsync(InMethod("var a = {|#1:key|}.Uniform(); var b = {|#0:key|}.Normal();"), Reuse("key", ReuseKind.ConsumedTwice));

    [Fact]
    public Task Loop() => VerifyCS.VerifyAnalyzerAsync(InMethod("for (var i = 0; i < n; i++) { var x = {|#0:key|}.Uniform(); }"), Reuse("key", ReuseKind.ConsumedInEarlierIteration, 0));

    [Fact]
    public Task LoopRenewed() => VerifyCS.VerifyAnalyzerAsync(InMethod("for (var i = 0; i < n; i++) { (key, var sub) = key.Split(); var x = sub.Uniform(); }"));

    [Fact]
    public Task TryFinallyAfter() => VerifyCS.VerifyAnalyzerAsync(InMethod("double x, y; try { x = {|#1:key|}.Uniform(); } finally { Console.WriteLine(); } y = {|#0:key|}.Normal();"), Reuse("key", ReuseKind.ConsumedTwice));

    [Fact]
    public Task TryReturnFinally() => VerifyCS.VerifyAnalyzerAsync(InClass("double M(PrngKey key, bool c) { try { if (c) return key.Uniform(); } finally { Console.WriteLine(); } return key.Normal(); }"));
}
