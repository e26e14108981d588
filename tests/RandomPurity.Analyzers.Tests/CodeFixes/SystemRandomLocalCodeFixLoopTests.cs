using System.Threading.Tasks;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.SystemRandomCreatedAnalyzer,
    RandomPurity.CodeFixes.SystemRandomLocalCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests.CodeFixes;

/// <summary>RP0001 local fix on loops: array-filling loops become one bulk call; other loops renew the key per iteration.</summary>
public sealed class SystemRandomLocalCodeFixLoopTests
{
    [Fact]
    public Task LoopFillingADoubleArray_BecomesOneUniformCall() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            double[] M(int n)
            {
                var rng = {|RP0001:new Random(4)|};
                var values = new double[n];
                for (int i = 0; i < values.Length; i++)
                    values[i] = rng.NextDouble();
                return values;
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            double[] M(int n)
            {
                var rng = PrngKey.Create(4);
                PrngKey sub;
                var values = new double[n];
                (rng, sub) = rng.Split();
                sub.Uniform(values);
                return values;
            }
        }
        """);

    [Fact]
    public Task LoopFillingAnIntArrayWithInvariantBounds_BecomesOneIntegersCall() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            void M(int[] rolls, int sides)
            {
                var rng = {|RP0001:new Random(4)|};
                for (var i = 0; i < rolls.Length; ++i)
                {
                    rolls[i] = rng.Next(1, sides);
                }
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            void M(int[] rolls, int sides)
            {
                var rng = PrngKey.Create(4);
                PrngKey sub;
                for (var i = 0; i < rolls.Length; ++i)
                {
                    (rng, sub) = rng.Split();
                    rolls[i] = sub.UnbiasedInt32(1, sides);
                }
            }
        }
        """);

    [Fact]
    public Task LoopWhoseBoundDependsOnTheIndex_RenewsPerIteration() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            void M(int[] values)
            {
                var rng = {|RP0001:new Random(4)|};
                for (int i = 0; i < values.Length; i++)
                    values[i] = rng.Next(i + 1);
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            void M(int[] values)
            {
                var rng = PrngKey.Create(4);
                PrngKey sub;
                for (int i = 0; i < values.Length; i++)
                {
                    (rng, sub) = rng.Split();
                    values[i] = sub.UnbiasedInt32(0, i + 1);
                }
            }
        }
        """);

    [Fact]
    public Task WhileLoopBodyAndDoLoopBody_RenewPerIteration() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(4)|};
                int total = 0;
                while (total < 100)
                {
                    total += rng.Next(10);
                }

                do
                {
                    total -= rng.Next(10);
                }
                while (total > 50);
                return total;
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
                var rng = PrngKey.Create(4);
                PrngKey sub;
                int total = 0;
                while (total < 100)
                {
                    (rng, sub) = rng.Split();
                    total += sub.UnbiasedInt32(0, 10);
                }

                do
                {
                    (rng, sub) = rng.Split();
                    total -= sub.UnbiasedInt32(0, 10);
                }
                while (total > 50);
                return total;
            }
        }
        """);

    [Fact]
    public Task DrawInAnElseIfCondition_GetsABlockAroundTheInnerIf() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            string M(bool heads)
            {
                var rng = {|RP0001:new Random(4)|};
                if (heads)
                    return "heads";
                else if (rng.Next(2) == 0)
                    return "edge";
                return "tails";
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            string M(bool heads)
            {
                if (heads)
                    return "heads";
                else if (PrngKey.Create(4).UnbiasedInt32(0, 2) == 0)
                    return "edge";
                return "tails";
            }
        }
        """);

    // Enumerable.Range(...).Select(v => ...): v differs on every call, so the key folds it in; the key's only use.
    [Fact]
    public Task RangeSelect_FoldsInTheElement() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Linq;

        class C
        {
            int[] M(int n)
            {
                var rng = {|RP0001:new Random(4)|};
                return Enumerable.Range(0, n).Select(v => rng.Next(6)).ToArray();
            }
        }
        """,
        """
        using System;
        using System.Linq;
        using RandomPurity;

        class C
        {
            int[] M(int n)
            {
                var rng = PrngKey.Create(4);
                return Enumerable.Range(0, n).Select(v => rng.FoldIn(v).UnbiasedInt32(0, 6)).ToArray();
            }
        }
        """);

    [Fact]
    public Task OrderByWithARandomKey_RenewsInsideTheLambda() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        class C
        {
            List<string> M(List<string> names)
            {
                var rng = {|RP0001:new Random(4)|};
                return names.OrderBy(_ => rng.Next()).ToList();
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using RandomPurity;

        class C
        {
            List<string> M(List<string> names)
            {
                var rng = PrngKey.Create(4);
                (rng, var lambdaKey) = rng.Split();
                return names.OrderBy(_ =>
                {
                    PrngKey sub;
                    (lambdaKey, sub) = lambdaKey.Split();
                    return sub.UnbiasedInt32(0, int.MaxValue);
                }).ToList();
            }
        }
        """);
}
