using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using GlobalCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.GlobalRandomnessAnalyzer>;
using UnsplitCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.UnsplitKeyAnalyzer>;

namespace RandomPurity.Analyzers.Tests.Precision;

/// <summary>
/// Issue 19: query syntax is a loop whose range variables vary per iteration (RP0004, class 6), and
/// <c>Random.Shared</c> used only as a value is not randomness (RP0002).
/// </summary>
public sealed class UnsplitAndGlobalPrecisionTests
{
    private static string InMethod(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using RandomPurity;

        class C
        {
            private const int Seed = 42;

            double M(int n, int seed)
            {
                double sum = 0;
        {{body}}
                return sum;
            }
        }
        """;

    private static DiagnosticResult Unsplit(string construct) =>
        UnsplitCS.Diagnostic(Descriptors.UnsplitKeyInLoop).WithLocation(0).WithArguments(construct);

    [Theory]
    [InlineData("sum += (from i in Enumerable.Range(0, n) select {|#0:PrngKey.Create(Seed)|}.Uniform()).Sum();")]
    [InlineData("sum += (from i in Enumerable.Range(0, n) where {|#0:PrngKey.Create(seed)|}.Bernoulli() select i).Count();")]
    [InlineData("sum += (from i in Enumerable.Range(0, n) let s = i * 2 select {|#0:PrngKey.Create(Seed)|}.FoldIn(3).Uniform()).Sum();")]
    public Task Query_with_an_invariant_seed_is_reported(string body) =>
        UnsplitCS.VerifyAnalyzerAsync(InMethod(body), Unsplit("a lambda"));

    [Theory]
    [InlineData("sum += (from i in Enumerable.Range(0, n) select PrngKey.Create(i).Uniform()).Sum();")]
    [InlineData("sum += (from i in Enumerable.Range(0, n) where PrngKey.Create(i).Bernoulli() select i).Count();")]
    [InlineData("sum += (from i in Enumerable.Range(0, n) let s = i * 2 select PrngKey.Create(s).Uniform()).Sum();")]
    [InlineData("sum += (from i in Enumerable.Range(0, n) from j in Enumerable.Range(0, 2) select PrngKey.Create(i).FoldIn(j).Uniform()).Sum();")]
    [InlineData("sum += (from i in Enumerable.Range(0, n) select PrngKey.Create(Seed).FoldIn(i).Uniform()).Sum();")]
    public Task Query_over_range_variables_is_silent(string body) =>
        UnsplitCS.VerifyAnalyzerAsync(InMethod(body));

    private static string WithPeek(string attribute, string loop) => $$"""
        using System;
        using RandomPurity;

        [AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter)]
        sealed class PreservesKey : Attribute { }

        class C
        {
            {{attribute}} static uint Peek(PrngKey k) => k.Word0;

            uint M(int n)
            {
                uint sum = 0;
                {{loop}}
                return sum;
            }
        }
        """;

    /// <summary>RP0004 and RP0003 share one [PreservesKey] test: an attribute class named <c>PreservesKey</c> counts too.</summary>
    [Fact]
    public Task A_method_marked_with_a_PreservesKey_class_only_inspects_the_key() =>
        UnsplitCS.VerifyAnalyzerAsync(WithPeek("[@PreservesKey]", "for (var i = 0; i < n; i++) { sum += Peek(PrngKey.Create(Seed)); }").Replace("Seed", "42"));

    [Fact]
    public Task An_unmarked_method_consumes_the_key() =>
        UnsplitCS.VerifyAnalyzerAsync(
            WithPeek(string.Empty, "for (var i = 0; i < n; i++) { sum += Peek({|#0:PrngKey.Create(42)|}); }"),
            Unsplit("a 'for' loop"));

    private const string SharedMembers = """
        using System;

        class C
        {
            object AsObject() => Random.Shared;
            bool Same(Random r) => r == Random.Shared;
            bool SameObject(object o) => ReferenceEquals(o, Random.Shared);
            bool Eq(object o) => Random.Shared.Equals(o);
            bool IsNull() => Random.Shared is null;
        }
        """;

    [Fact]
    public Task Random_Shared_used_only_as_a_value_is_silent() => GlobalCS.VerifyAnalyzerAsync(SharedMembers);

    [Fact]
    public Task Random_Shared_drawn_from_or_handed_on_as_a_Random_is_reported() =>
        GlobalCS.VerifyAnalyzerAsync(
            """
            using System;

            class C
            {
                int Draw() => {|#0:Random.Shared|}.Next();
                Random Hand() => {|#1:Random.Shared|};
                void Pass() => Use({|#2:Random.Shared|});
                object Boxed() => (object)(Random){|#3:Random.Shared|};
                int Hash() => {|#4:Random.Shared|}.GetHashCode();
                static void Use(Random r) { }
            }
            """,
            Global(0), Global(1), Global(2), Global(3), Global(4));

    private static DiagnosticResult Global(int location) =>
        GlobalCS.Diagnostic(Descriptors.GlobalRandomness).WithLocation(location).WithArguments("Random.Shared", string.Empty);
}
