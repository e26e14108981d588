using System.Threading.Tasks;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.SystemRandomCreatedAnalyzer,
    RandomPurity.CodeFixes.SystemRandomLocalCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests.CodeFixes;

/// <summary>
/// The RP0001 local fix's code action: a title that says honestly how the numbers change, one equivalence key for
/// seeded and unseeded locals (FixAll and <c>dotnet format</c> apply one key), and the simplest shapes.
/// </summary>
public sealed class SystemRandomLocalCodeActionTests
{
    private const string EquivalenceKey = "RandomPurity.RP0001.MigrateLocal";

    [Fact]
    public Task SeededLocal_TitleSaysTheNumbersDiffer() => VerifyTitleAsync(
        "new Random(42)",
        "PrngKey.Create(42)",
        "Use an explicit PrngKey for 'rng' from the same seed (the numbers differ from System.Random's)");

    [Fact]
    public Task UnseededLocal_TitleSaysTheValuesChange() => VerifyTitleAsync(
        "new Random()",
        "PrngKey.FromEntropy()",
        "Use an explicit PrngKey for 'rng' (values change: unseeded, drawn from entropy)");

    [Fact]
    public Task UnusedLocal_OnlyTheCreationChanges() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            void M(int seed)
            {
                Random rng = {|RP0001:new Random(seed)|};
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            void M(int seed)
            {
                PrngKey rng = PrngKey.Create(seed);
            }
        }
        """);

    [Fact]
    public Task FileWithoutUsings_GetsTheUsingFirst() => VerifyCS.VerifyCodeFixAsync(
        """
        class C
        {
            int M()
            {
                var rng = {|RP0001:new System.Random(42)|};
                return rng.Next(6);
            }
        }
        """,
        """
        using RandomPurity;

        class C
        {
            int M()
            {
                return PrngKey.Create(42).UnbiasedInt32(0, 6);
            }
        }
        """);

    [Fact]
    public Task LockedOn_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                lock (rng)
                {
                    return rng.Next(6);
                }
            }
        }
        """);

    [Fact]
    public Task ConditionalAccess_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            int? M()
            {
                var rng = {|RP0001:new Random(42)|};
                return rng?.Next(6);
            }
        }
        """);

    private static Task VerifyTitleAsync(string creation, string key, string title) => new VerifyCS.Test
    {
        TestCode = $$"""
            using System;

            class C
            {
                double M()
                {
                    var rng = {|RP0001:{{creation}}|};
                    return rng.NextDouble();
                }
            }
            """,
        FixedCode = $$"""
            using System;
            using RandomPurity;

            class C
            {
                double M()
                {
                    return {{key}}.Uniform();
                }
            }
            """,
        CodeActionEquivalenceKey = EquivalenceKey,
        CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title),
    }.RunAsync();
}
