using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.SystemRandomCreatedAnalyzer,
    RandomPurity.CodeFixes.SystemRandomLocalCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests.CodeFixes;

/// <summary>
/// RP0001 code fix on a <c>System.Random</c> local: the exact fixed code of every mapping row and code shape, and the
/// cases that must get no fix. The testing library also checks that the fixed code compiles, has no RP0001 left, and
/// that FixAll (document, project, solution) gives the same result.
/// </summary>
public sealed partial class SystemRandomLocalCodeFixTests
{
    // Where `_` is a lambda parameter, `_ = ...` would assign it: the draw stays a plain statement there.
    [Fact]
    public Task DrawWhoseValueIsDropped_IsDiscardedExplicitly() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Linq;

        class C
        {
            int M(int[] xs)
            {
                var rnd = {|RP0001:new Random(0)|};
                rnd.Next();
                rnd.NextDouble();
                var ys = xs.Select(_ => { rnd.Next(); return 1; }).ToArray();
                return rnd.Next(100) + ys.Length;
            }
        }
        """,
        """
        using System;
        using System.Linq;
        using RandomPurity;

        class C
        {
            int M(int[] xs)
            {
                var rnd = PrngKey.Create(0);
                PrngKey sub;
                (rnd, sub) = rnd.Split();
                _ = sub.UnbiasedInt32(0, int.MaxValue);
                (rnd, sub) = rnd.Split();
                _ = sub.Uniform();
                (rnd, var lambdaKey) = rnd.Split();
                var ys = xs.Select(_ =>
                {
                    PrngKey sub2;
                    (lambdaKey, sub2) = lambdaKey.Split();
                    sub2.UnbiasedInt32(0, int.MaxValue); return 1;
                }).ToArray();
                (rnd, sub) = rnd.Split();
                return sub.UnbiasedInt32(0, 100) + ys.Length;
            }
        }
        """);

    [Fact]
    public Task NextOverloads_BecomeInt32WithTheSameBounds() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            void M()
            {
                var rng = {|RP0001:new Random(7)|};
                int a = rng.Next();
                int b = rng.Next(10);
                int c = rng.Next(-5, 5);
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            void M()
            {
                var rng = PrngKey.Create(7);
                PrngKey sub;
                (rng, sub) = rng.Split();
                int a = sub.UnbiasedInt32(0, int.MaxValue);
                (rng, sub) = rng.Split();
                int b = sub.UnbiasedInt32(0, 10);
                int c = rng.UnbiasedInt32(-5, 5);
            }
        }
        """);

    [Fact]
    public Task NextInt64Overloads_BecomeInt64() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            long M()
            {
                var rng = {|RP0001:new Random(7)|};
                long a = rng.NextInt64();
                long b = rng.NextInt64(100L);
                return a + b + rng.NextInt64(-3, 3);
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            long M()
            {
                var rng = PrngKey.Create(7);
                PrngKey sub;
                (rng, sub) = rng.Split();
                long a = sub.UnbiasedInt64(0, long.MaxValue);
                (rng, sub) = rng.Split();
                long b = sub.UnbiasedInt64(0, 100L);
                return a + b + rng.UnbiasedInt64(-3, 3);
            }
        }
        """);

    [Fact]
    public Task NextDoubleAndNextSingle_BecomeUniformAndUniformSingle() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            double M()
            {
                var rng = {|RP0001:new Random(1)|};
                float f = rng.NextSingle();
                return rng.NextDouble() * f;
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            double M()
            {
                var rng = PrngKey.Create(1);
                PrngKey sub;
                (rng, sub) = rng.Split();
                float f = sub.UniformSingle();
                return rng.Uniform() * f;
            }
        }
        """);

    [Fact]
    public Task NextBytes_ArrayAndSpan_BecomeBits() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            void M()
            {
                var rng = {|RP0001:new Random(3)|};
                var buffer = new byte[16];
                rng.NextBytes(buffer);
                Span<byte> span = stackalloc byte[8];
                rng.NextBytes(span);
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            void M()
            {
                var rng = PrngKey.Create(3);
                PrngKey sub;
                var buffer = new byte[16];
                (rng, sub) = rng.Split();
                sub.Bits(buffer);
                Span<byte> span = stackalloc byte[8];
                rng.Bits(span);
            }
        }
        """);

    [Fact]
    public Task Shuffle_ArrayGetsAnExplicitTypeArgument_SpanInfersIt() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            void M(int[] values, Span<string> names)
            {
                var rng = {|RP0001:new Random(5)|};
                rng.Shuffle(values);
                rng.Shuffle(names);
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            void M(int[] values, Span<string> names)
            {
                var rng = PrngKey.Create(5);
                PrngKey sub;
                (rng, sub) = rng.Split();
                sub.Shuffle<int>(values);
                rng.Shuffle(names);
            }
        }
        """);

    [Fact]
    public Task GetItemsWithLength_InADeclaration_BecomesArrayAndChoice() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            string[] M(string[] choices)
            {
                var rng = {|RP0001:new Random(9)|};
                var picked = rng.GetItems(choices, 4);
                return picked;
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            string[] M(string[] choices)
            {
                var rng = PrngKey.Create(9);
                var picked = new string[4];
                rng.Choice<string>(choices, picked);
                return picked;
            }
        }
        """);

    [Fact]
    public Task GetItemsIntoADestinationSpan_BecomesChoice() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            void M(ReadOnlySpan<int> choices, Span<int> destination)
            {
                var rng = {|RP0001:new Random(9)|};
                rng.GetItems(choices, destination);
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            void M(ReadOnlySpan<int> choices, Span<int> destination)
            {
                PrngKey.Create(9).Choice(choices, destination);
            }
        }
        """);

    [Fact]
    public Task GetItemsWithLength_OutsideADeclaration_BecomesAnArrayChoice() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M(int[] choices)
            {
                var rng = {|RP0001:new Random(9)|};
                return rng.GetItems(choices, 4).Length;
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            int M(int[] choices)
            {
                return PrngKey.Create(9).Choice<int>(choices, 4).Length;
            }
        }
        """);

    [Fact]
    public Task OptionalSeedConditional_BothBranchesBecomeKeys() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int[] Shuffle(int[] array, int? seed = null)
            {
                var random = seed is null ? {|RP0001:new Random()|} : {|RP0001:new Random(seed.Value)|};
                for (var i = array.Length - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (array[i], array[j]) = (array[j], array[i]);
                }

                return array;
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            int[] Shuffle(int[] array, int? seed = null)
            {
                var random = seed is null ? PrngKey.FromEntropy() : PrngKey.Create(seed.Value);
                PrngKey sub;
                for (var i = array.Length - 1; i > 0; i--)
                {
                    (random, sub) = random.Split();
                    var j = sub.UnbiasedInt32(0, i + 1);
                    (array[i], array[j]) = (array[j], array[i]);
                }

                return array;
            }
        }
        """);

    [Fact]
    public Task Unseeded_BecomesFromEntropy() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random()|};
                return rng.Next(6);
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
                return PrngKey.FromEntropy().UnbiasedInt32(0, 6);
            }
        }
        """);

    [Fact]
    public Task ExplicitTypeAndTargetTypedNew_TypeBecomesPrngKey() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M()
            {
                Random first = {|RP0001:new(11)|};
                Random second = {|RP0001:new Random(12)|};
                return first.Next(6) + second.Next(6);
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
                PrngKey first = PrngKey.Create(11);
                PrngKey second = PrngKey.Create(12);
                return first.UnbiasedInt32(0, 6) + second.UnbiasedInt32(0, 6);
            }
        }
        """);

    [Fact]
    public Task TwoDrawsInOneStatement_GetTwoSubkeys() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(2)|};
                return rng.Next(6) + rng.Next(6);
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
                var rng = PrngKey.Create(2);
                PrngKey sub, sub2;
                (rng, sub) = rng.Split();
                (rng, sub2) = rng.Split();
                return sub.UnbiasedInt32(0, 6) + sub2.UnbiasedInt32(0, 6);
            }
        }
        """);

    [Fact]
    public Task DrawAsArgumentOfADraw_EachGetsItsOwnSubkey() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(2)|};
                return rng.Next(rng.Next(1, 10));
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
                var rng = PrngKey.Create(2);
                PrngKey sub, sub2;
                (rng, sub) = rng.Split();
                (rng, sub2) = rng.Split();
                return sub.UnbiasedInt32(0, sub2.UnbiasedInt32(1, 10));
            }
        }
        """);

    [Fact]
    public Task LoopWithEmbeddedStatement_GetsABlockAndRenewsTheKeyPerIteration() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            double[] M(int n)
            {
                var rng = {|RP0001:new Random(4)|};
                var values = new double[n];
                for (int i = 0; i < n; i++)
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
                for (int i = 0; i < n; i++)
                {
                    (rng, sub) = rng.Split();
                    values[i] = sub.Uniform();
                }
                return values;
            }
        }
        """);

    [Fact]
    public Task LoopWithBlockAndIf_SplitsInsideTheBody() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M(int n)
            {
                var rng = {|RP0001:new Random(4)|};
                int hits = 0;
                foreach (var _ in new int[n])
                {
                    // a roll of six counts
                    if (rng.Next(1, 7) == 6)
                        hits++;
                }

                return hits;
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            int M(int n)
            {
                var rng = PrngKey.Create(4);
                PrngKey sub;
                int hits = 0;
                foreach (var _ in new int[n])
                {
                    // a roll of six counts
                    (rng, sub) = rng.Split();
                    if (sub.UnbiasedInt32(1, 7) == 6)
                        hits++;
                }

                return hits;
            }
        }
        """);

    [Fact]
    public Task DrawInAnEmbeddedIfBranch_GetsABlock() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M(bool flag)
            {
                var rng = {|RP0001:new Random(4)|};
                if (flag)
                    return rng.Next(3);
                else
                    return rng.Next(5);
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            int M(bool flag)
            {
                var rng = PrngKey.Create(4);
                PrngKey sub;
                if (flag)
                {
                    (rng, sub) = rng.Split();
                    return sub.UnbiasedInt32(0, 3);
                }
                else
                {
                    (rng, sub) = rng.Split();
                    return sub.UnbiasedInt32(0, 5);
                }
            }
        }
        """);

    [Fact]
    public Task DrawInASwitchSection_SplitsInTheSection() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M(int mode)
            {
                var rng = {|RP0001:new Random(4)|};
                switch (mode)
                {
                    case 0:
                        return rng.Next(3);
                    default:
                        return 0;
                }
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            int M(int mode)
            {
                switch (mode)
                {
                    case 0:
                        return PrngKey.Create(4).UnbiasedInt32(0, 3);
                    default:
                        return 0;
                }
            }
        }
        """);

    [Fact]
    public Task DrawInAWhileCondition_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(4)|};
                int n = 0;
                while (rng.Next(10) != 0)
                    n++;
                return n;
            }
        }
        """);

    [Fact]
    public Task DrawInAForIncrementor_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(4)|};
                int n = 0;
                for (int i = 0; i < 100; i += rng.Next(1, 3))
                    n++;
                return n;
            }
        }
        """);

    [Fact]
    public Task SelectWithIndex_FoldsTheIndexIntoADedicatedKey() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Linq;

        class C
        {
            double[] M(double[] xs)
            {
                var rng = {|RP0001:new Random(8)|};
                return xs.Select((x, i) => x + rng.NextDouble()).ToArray();
            }
        }
        """,
        """
        using System;
        using System.Linq;
        using RandomPurity;

        class C
        {
            double[] M(double[] xs)
            {
                var rng = PrngKey.Create(8);
                return xs.Select((x, i) => x + rng.FoldIn(i).Uniform()).ToArray();
            }
        }
        """);

    [Fact]
    public Task ParallelFor_FoldsTheLoopIndex() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Threading.Tasks;

        class C
        {
            void M(double[] values)
            {
                var rng = {|RP0001:new Random(8)|};
                Parallel.For(0, values.Length, i =>
                {
                    values[i] = rng.NextDouble();
                });
            }
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        using RandomPurity;

        class C
        {
            void M(double[] values)
            {
                var rng = PrngKey.Create(8);
                Parallel.For(0, values.Length, i =>
                {
                    values[i] = rng.FoldIn(i).Uniform();
                });
            }
        }
        """);

    [Fact]
    public Task SelectWithoutIndex_RenewsADedicatedKeyInsideTheLambda() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Linq;

        class C
        {
            int[] M(int[] xs)
            {
                var rng = {|RP0001:new Random(8)|};
                int first = rng.Next(100);
                return xs.Select(x => x * rng.Next(10)).Append(first).ToArray();
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
                var rng = PrngKey.Create(8);
                PrngKey sub;
                (rng, sub) = rng.Split();
                int first = sub.UnbiasedInt32(0, 100);
                (rng, var lambdaKey) = rng.Split();
                return xs.Select(x =>
                {
                    PrngKey sub2;
                    (lambdaKey, sub2) = lambdaKey.Split();
                    return x * sub2.UnbiasedInt32(0, 10);
                }).Append(first).ToArray();
            }
        }
        """);

    [Fact]
    public Task ListForEachWithBlockLambda_SplitsBeforeEachStatementInside() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;

        class C
        {
            void M(List<int> xs, List<int> output)
            {
                var rng = {|RP0001:new Random(8)|};
                xs.ForEach(x =>
                {
                    output.Add(x + rng.Next(3));
                });
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using RandomPurity;

        class C
        {
            void M(List<int> xs, List<int> output)
            {
                var rng = PrngKey.Create(8);
                (rng, var lambdaKey) = rng.Split();
                xs.ForEach(x =>
                {
                    PrngKey sub;
                    (lambdaKey, sub) = lambdaKey.Split();
                    output.Add(x + sub.UnbiasedInt32(0, 3));
                });
            }
        }
        """);

    [Fact]
    public Task LambdaPassedToAnUnknownApi_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            void Run(Func<int> f) { }

            void M()
            {
                var rng = {|RP0001:new Random(8)|};
                Run(() => rng.Next());
            }
        }
        """);

    [Fact]
    public Task ParallelForEachWithoutIndex_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using System.Threading.Tasks;

        class C
        {
            void M(int[] xs)
            {
                var rng = {|RP0001:new Random(8)|};
                Parallel.ForEach(xs, x => Console.WriteLine(rng.Next()));
            }
        }
        """);

    [Fact]
    public Task ExpressionTree_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using System.Linq;

        class C
        {
            void M(IQueryable<int> xs)
            {
                var rng = {|RP0001:new Random(8)|};
                var q = xs.Select(x => x + rng.Next());
            }
        }
        """);

    [Fact]
    public Task ChildGenerator_BecomesASplit() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                var child = {|RP0001:new Random(rng.Next())|};
                return child.Next(6) + rng.Next(6);
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
                PrngKey sub;
                (rng, var child) = rng.Split();
                (rng, sub) = rng.Split();
                return child.UnbiasedInt32(0, 6) + sub.UnbiasedInt32(0, 6);
            }
        }
        """);

    [Fact]
    public Task NameClash_ExistingSubAndLambdaKeyLocalsAndFields() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Linq;

        class C
        {
            private int lambdaKey;

            int M(Dictionary<string, int> map, int[] xs)
            {
                var rng = {|RP0001:new Random(42)|};
                foreach (var key in map.Keys)
                {
                    var sub = map[key];
                    map[key] = sub + rng.Next(3);
                }

                return xs.Select((x, i) => x + rng.Next(2)).Sum() + lambdaKey;
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
            private int lambdaKey;

            int M(Dictionary<string, int> map, int[] xs)
            {
                var rng = PrngKey.Create(42);
                PrngKey sub2;
                foreach (var key in map.Keys)
                {
                    var sub = map[key];
                    (rng, sub2) = rng.Split();
                    map[key] = sub + sub2.UnbiasedInt32(0, 3);
                }

                (rng, var lambdaKey2) = rng.Split();
                return xs.Select((x, i) => x + lambdaKey2.FoldIn(i).UnbiasedInt32(0, 2)).Sum() + lambdaKey;
            }
        }
        """);

    [Fact]
    public Task ExistingUsing_IsNotAddedTwice() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using RandomPurity;

        class C
        {
            PrngKey Key => PrngKey.Create(1);

            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                return rng.Next(6);
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            PrngKey Key => PrngKey.Create(1);

            int M()
            {
                return PrngKey.Create(42).UnbiasedInt32(0, 6);
            }
        }
        """);

    [Fact]
    public Task FileScopedNamespaceWithUsingsInside_UsingGoesInside() => VerifyCS.VerifyCodeFixAsync(
        """
        namespace Game;

        using System;
        using System.Linq;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                return rng.Next(6);
            }
        }
        """,
        """
        namespace Game;

        using System;
        using System.Linq;
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
    public Task UsingsSortedWithSystemFirst_UsingGoesInItsPlace() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using Xyz;

        namespace Xyz { class Marker { } }

        namespace Game
        {
            class C
            {
                int M()
                {
                    var rng = {|RP0001:new Random(42)|};
                    return rng.Next(6);
                }
            }
        }
        """,
        """
        using System;
        using RandomPurity;
        using Xyz;

        namespace Xyz { class Marker { } }

        namespace Game
        {
            class C
            {
                int M()
                {
                    return PrngKey.Create(42).UnbiasedInt32(0, 6);
                }
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements_AreMigrated()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
        using System;

        var rng = {|RP0001:new Random(42)|};
        Console.WriteLine(rng.Next(6));
        """,
            FixedCode = """
        using System;
        using RandomPurity;

        Console.WriteLine(PrngKey.Create(42).UnbiasedInt32(0, 6));
        """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task DrawInsideAnIfRegion_SplitStaysInsideTheRegion() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                int bonus = 0;
        #if DEBUG
                bonus = 1;
        #else
                bonus = 2;
        #endif
        #if !NOTDEFINED
                bonus += rng.Next(6);
        #endif
                return bonus;
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
                int bonus = 0;
        #if DEBUG
                bonus = 1;
        #else
                bonus = 2;
        #endif
        #if !NOTDEFINED
                bonus += PrngKey.Create(42).UnbiasedInt32(0, 6);
        #endif
                return bonus;
            }
        }
        """);

    [Fact]
    public Task LocalUsedInAnInactiveIfRegion_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                int bonus = rng.Next(6);
        #if NOTDEFINED
                bonus += rng.Next(6);
        #endif
                return bonus;
            }
        }
        """);

    [Fact]
    public Task CommentsAndTriviaAreKept() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M()
            {
                // the table's dice
                var rng = {|RP0001:new Random(42)|}; // fixed seed for the replay

                /* first roll */ int a = rng.Next(1, 7); // d6
                return a;
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
                // the table's dice
                var rng = PrngKey.Create(42); // fixed seed for the replay

                /* first roll */ int a = rng.UnbiasedInt32(1, 7); // d6
                return a;
            }
        }
        """);

    [Fact]
    public Task PassedAsObject_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            int Use(object r) => r.GetHashCode();

            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                return Use(rng) + rng.Next();
            }
        }
        """);

    [Fact]
    public Task Returned_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            Random M()
            {
                var rng = {|RP0001:new Random(42)|};
                rng.Next();
                return rng;
            }
        }
        """);

    [Fact]
    public Task AssignedToAField_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            private Random _random = null!;

            void M()
            {
                var rng = {|RP0001:new Random(42)|};
                _random = rng;
            }
        }
        """);

    [Fact]
    public Task Reassigned_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                int a = rng.Next();
                rng = {|RP0001:new Random(a)|};
                return rng.Next();
            }
        }
        """);

    [Fact]
    public Task PassedByRef_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            void Renew(ref Random r) { }

            void M()
            {
                var rng = {|RP0001:new Random(42)|};
                Renew(ref rng);
            }
        }
        """);

    [Fact]
    public Task MethodGroup_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                Func<int> roll = rng.Next;
                return roll();
            }
        }
        """);

    [Fact]
    public Task UnmappedMember_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            string M()
            {
                var rng = {|RP0001:new Random(42)|};
                return rng.ToString()!;
            }
        }
        """);

    [Fact]
    public Task Field_NoFixInPart1() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            private readonly Random _random = {|RP0001:new Random(42)|};

            int M() => _random.Next();
        }
        """);

    [Fact]
    public Task SubclassOfRandom_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class MyRandom : Random
        {
            public MyRandom(int seed) : base(seed) { }
        }

        class C
        {
            int M()
            {
                var rng = {|RP0001:new MyRandom(42)|};
                return rng.Next();
            }
        }
        """);

    [Fact]
    public Task LocalTypedAsObject_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            object M()
            {
                object rng = {|RP0001:new Random(42)|};
                return rng;
            }
        }
        """);

    [Fact]
    public Task UsedInsideALocalFunction_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var rng = {|RP0001:new Random(42)|};
                int Roll() => rng.Next(6);
                return Roll() + Roll();
            }
        }
        """);
}
