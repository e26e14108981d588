using System.Threading.Tasks;
using RandomPurity.Analyzers.KeyFlow;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReuseAnalyzer>;

namespace RandomPurity.Analyzers.Tests.KeyFlow;

/// <summary>The RP0003 example in the README, and the batched members that the README and docs/migration.md show.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public Task Batched_fold_in_makes_the_key_a_fold_in_parent_not_a_consumed_key() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RandomPurity;

        class C
        {
            float M(float[] a, int chunks)
            {
                var key = PrngKey.Create(0);
                float sum = 0;
                for (int c = 0; c < chunks; c++)
                {
                    key.FoldInUniformSingle((uint)(c * a.Length), a);
                    sum += a[0];
                }

                return sum;
            }
        }
        """);

    [Fact]
    public Task Batched_fold_in_then_a_draw_from_the_same_key_is_reuse() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RandomPurity;

        class C
        {
            float M(float[] a)
            {
                var key = PrngKey.Create(0);
                {|#1:key|}.FoldInUniformSingle(0, a);
                return {|#0:key|}.UniformSingle();
            }
        }
        """,
        VerifyCS.Diagnostic(Descriptors.KeyReused).WithLocation(0).WithLocation(1)
            .WithArguments("key", KeyFlowFinding.Describe(ReuseKind.ConsumedAfterFoldIn), FirstUseLine.At(1)));

    [Fact]
    public Task Batched_split_of_key_chains_in_place_is_not_reuse() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RandomPurity;

        class C
        {
            float M(int walkers, int time)
            {
                PrngKey[] chains = PrngKey.Create(42).Split(walkers);
                var subkeys = new PrngKey[walkers];
                var steps = new float[walkers];
                float sum = 0;
                for (int t = 0; t < time; t++)
                {
                    PrngKey.Split(chains, chains, subkeys);
                    PrngKey.UniformSingle(subkeys, steps, -1f, 1f);
                    sum += steps[0];
                }

                return sum;
            }
        }
        """);

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
            .WithArguments("key", KeyFlowFinding.Describe(ReuseKind.UsedAfterSplit), FirstUseLine.At(1)),
        VerifyCS.Diagnostic(Descriptors.KeyReused).WithLocation(2).WithLocation(3)
            .WithArguments("k2", KeyFlowFinding.Describe(ReuseKind.FoldedInAtSeveralSites), FirstUseLine.At(3)));
}
