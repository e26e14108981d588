using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.SystemRandomCreatedAnalyzer,
    RandomPurity.CodeFixes.SystemRandomLocalCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests.CodeFixes;

/// <summary>
/// RP0001 local fix in C# 7.3 library code against netstandard2.0: no target-typed <c>new</c>, no mixed
/// deconstruction (<c>(key, var child) = ...</c> is C# 10), and no <c>Span&lt;T&gt;</c> unless it is referenced.
/// </summary>
public sealed class SystemRandomLocalCodeFixCSharp73Tests
{
    [Fact]
    public Task SeededLocal_UsesDeclaredSubkeys() => VerifyAsync(
        """
        using System;

        namespace Library
        {
            public class Dice
            {
                public int Roll()
                {
                    Random rng = {|RP0001:new Random(42)|};
                    double scale = rng.NextDouble();
                    return rng.Next(1, 7) + (int)scale;
                }
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        namespace Library
        {
            public class Dice
            {
                public int Roll()
                {
                    PrngKey rng = PrngKey.Create(42);
                    PrngKey sub;
                    (rng, sub) = rng.Split();
                    double scale = sub.Uniform();
                    return rng.UnbiasedInt32(1, 7) + (int)scale;
                }
            }
        }
        """);

    [Fact]
    public Task ChildGenerator_DeclaresTheChildBeforeTheSplit() => VerifyAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                var child = {|RP0001:new Random(rng.Next())|};
                return child.Next(6);
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            int M()
            {
                var rng = PrngKey.Create(42);
                PrngKey child;
                (rng, child) = rng.Split();
                return child.UnbiasedInt32(0, 6);
            }
        }
        """);

    [Fact]
    public Task SelectWithIndex_DeclaresTheLambdaKeyBeforeTheSplit() => VerifyAsync(
        """
        using System;
        using System.Linq;

        class C
        {
            int[] M(int[] xs)
            {
                var rng = {|RP0001:new Random(42)|};
                return xs.Select((x, i) => x + rng.Next(10)).ToArray();
            }
        }
        """,
        """
        using System;
        using System.Linq;
        using RandomPurity;

        class C
        {
            int[] M(int[] xs)
            {
                var rng = PrngKey.Create(42);
                return xs.Select((x, i) => x + rng.FoldIn(i).UnbiasedInt32(0, 10)).ToArray();
            }
        }
        """);

    [Fact]
    public Task SelectWithoutIndex_DeclaresKeysWithoutVar() => VerifyAsync(
        """
        using System;
        using System.Linq;

        class C
        {
            int[] M(int[] xs)
            {
                var rng = {|RP0001:new Random()|};
                return xs.Select(x => x + rng.Next(10)).ToArray();
            }
        }
        """,
        """
        using System;
        using System.Linq;
        using RandomPurity;

        class C
        {
            int[] M(int[] xs)
            {
                var rng = PrngKey.FromEntropy();
                PrngKey lambdaKey;
                (rng, lambdaKey) = rng.Split();
                return xs.Select(x =>
                {
                    PrngKey sub;
                    (lambdaKey, sub) = lambdaKey.Split();
                    return x + sub.UnbiasedInt32(0, 10);
                }).ToArray();
            }
        }
        """);

    [Fact]
    public Task NextBytesWithoutSpanReferenced_NoFix()
    {
        const string source = """
            using System;

            class C
            {
                byte[] M()
                {
                    var rng = {|RP0001:new Random(42)|};
                    var buffer = new byte[8];
                    rng.NextBytes(buffer);
                    return buffer;
                }
            }
            """;
        return new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            LanguageVersion = LanguageVersion.CSharp7_3,
            References = TestReferences.NetStandard20,
        }.RunAsync();
    }

    [Fact]
    public Task CSharp6_NoFix()
    {
        // Deconstruction is C# 7.0: older code gets no fix rather than code that does not compile.
        const string source = """
            using System;

            class C
            {
                int M()
                {
                    var rng = {|RP0001:new Random(42)|};
                    return rng.Next(6);
                }
            }
            """;
        return new VerifyCS.Test
        {
            TestCode = source,
            FixedCode = source,
            LanguageVersion = LanguageVersion.CSharp6,
            References = TestReferences.NetStandard20,
        }.RunAsync();
    }

    private static Task VerifyAsync(string source, string fixedSource) => new VerifyCS.Test
    {
        TestCode = source,
        FixedCode = fixedSource,
        LanguageVersion = LanguageVersion.CSharp7_3,
        References = TestReferences.NetStandard20,
    }.RunAsync();
}
