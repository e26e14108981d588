using System.Threading.Tasks;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.SystemRandomCreatedAnalyzer,
    RandomPurity.CodeFixes.SystemRandomLocalCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests.CodeFixes;

/// <summary>RP0001 code fix on a <c>System.Random</c> local: exact fixed code for every mapping row and shape.</summary>
public sealed class SystemRandomLocalCodeFixTests
{
    [Fact]
    public Task SeededLocal_NextWithBounds_BecomesInt32OnASubkey() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int Roll()
            {
                var rng = {|RP0001:new Random(42)|};
                int a = rng.Next(1, 7);
                return a;
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            int Roll()
            {
                var rng = PrngKey.Create(42);
                PrngKey sub;
                (rng, sub) = rng.Split();
                int a = sub.Int32(1, 7);
                return a;
            }
        }
        """);
}
