using System.Threading.Tasks;
using RandomPurity.Analyzers.KeyFlow;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReuseAnalyzer>;

namespace RandomPurity.Analyzers.Tests.KeyFlow;

/// <summary>
/// A lambda's control-flow graph numbers its own blocks, but its regions chain up into the enclosing graph's: a lambda
/// inside a foreach over an IEnumerable (a try/finally for the enumerator) once made the engine index the lambda's
/// blocks with the enclosing graph's handler ordinals (IndexOutOfRangeException, found by the robustness corpus).
/// </summary>
public sealed class NestedGraphRegionTests
{
    [Fact]
    public Task Lambda_inside_a_foreach_over_an_enumerable_is_analysed() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class C
            {
                static IEnumerable<int> Sizes => new[] { 1, 2 };

                void M(PrngKey[] keys)
                {
                    foreach (int n in Sizes)
                    {
                        var bits = keys.Select(k => k.Bits32()).ToArray();
                        var sums = keys.Select(k =>
                        {
                            var own = PrngKey.Create(n);
                            return {|#1:own|}.Uniform() + {|#0:own|}.Normal();
                        }).ToArray();
                    }
                }
            }
            """,
            VerifyCS.Diagnostic(Descriptors.KeyReused).WithLocation(0).WithLocation(1)
                .WithArguments("own", KeyFlowFinding.Describe(ReuseKind.ConsumedTwice), FirstUseLine.At(1)));
}
