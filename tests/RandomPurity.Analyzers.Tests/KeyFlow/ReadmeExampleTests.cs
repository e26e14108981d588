using System.Threading.Tasks;
using RandomPurity.Analyzers.KeyFlow;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReuseAnalyzer>;

namespace RandomPurity.Analyzers.Tests.KeyFlow;

/// <summary>The RP0003 example in the README reports exactly what the README says.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public Task Readme_rp0003_example() => VerifyCS.VerifyAnalyzerAsync(
        """
        using RandomPurity;

        class C
        {
            double M()
            {
                var key = PrngKey.Create(0);
                var (k1, k2) = {|#1:key|}.Split();
                double a = k1.Uniform();
                double b = {|#0:key|}.Uniform();
                var c = {|#3:k2|}.FoldIn(1).Normal();
                var d = {|#2:k2|}.FoldIn(1).Normal();
                return a + b + c + d;
            }
        }
        """,
        VerifyCS.Diagnostic(Descriptors.KeyReused).WithLocation(0).WithLocation(1)
            .WithArguments("key", KeyFlowFinding.Describe(ReuseKind.UsedAfterSplit)),
        VerifyCS.Diagnostic(Descriptors.KeyReused).WithLocation(2).WithLocation(3)
            .WithArguments("k2", KeyFlowFinding.Describe(ReuseKind.FoldedInAtSeveralSites)));
}
