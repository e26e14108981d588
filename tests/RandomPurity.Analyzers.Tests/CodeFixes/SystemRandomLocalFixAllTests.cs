using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.SystemRandomCreatedAnalyzer,
    RandomPurity.CodeFixes.SystemRandomLocalCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests.CodeFixes;

/// <summary>
/// FixAll of the RP0001 local fix: several locals of one method (which share new names and the same statements),
/// several methods and several documents give the same code as the single fixes applied one after another.
/// </summary>
public sealed class SystemRandomLocalFixAllTests
{
    [Fact]
    public Task TwoLocalsDrawingInTheSameStatements_FixTogether() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M(int n)
            {
                var dice = {|RP0001:new Random(1)|};
                var coins = {|RP0001:new Random()|};
                int total = 0;
                for (int i = 0; i < n; i++)
                    total += dice.Next(1, 7) * coins.Next(2);
                return total + dice.Next(6);
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
                var dice = PrngKey.Create(1);
                PrngKey sub;
                var coins = PrngKey.FromEntropy();
                PrngKey sub2;
                int total = 0;
                for (int i = 0; i < n; i++)
                {
                    (dice, sub) = dice.Split();
                    (coins, sub2) = coins.Split();
                    total += sub.UnbiasedInt32(1, 7) * sub2.UnbiasedInt32(0, 2);
                }
                (dice, sub) = dice.Split();
                return total + sub.UnbiasedInt32(0, 6);
            }
        }
        """);

    [Fact]
    public Task SeedComputedFromAnotherLocalsDraw_BothMigrate() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            int M()
            {
                var first = {|RP0001:new Random(1)|};
                var second = {|RP0001:new Random(first.Next(100) + 1)|};
                return second.Next(6);
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
                var second = PrngKey.Create(PrngKey.Create(1).UnbiasedInt32(0, 100) + 1);
                return second.UnbiasedInt32(0, 6);
            }
        }
        """);

    [Fact]
    public Task ChildOfAnEscapingParent_IsMigratedAlone()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;

                class C
                {
                    void Deal(object r) { }

                    long M()
                    {
                        var dealer = {|RP0001:new Random(1)|};
                        Deal(dealer);
                        var loot = {|RP0001:new Random(dealer.Next())|};
                        return loot.NextInt64(1000L);
                    }
                }
                """,
            FixedCode = """
                using System;
                using RandomPurity;

                class C
                {
                    void Deal(object r) { }

                    long M()
                    {
                        var dealer = {|RP0001:new Random(1)|};
                        Deal(dealer);
                        var loot = PrngKey.Create(dealer.Next());
                        return loot.UnbiasedInt64(0, 1000L);
                    }
                }
                """,
        };
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    [Fact]
    public Task LocalDeclaredInsideALambda_IsMigratedWithinTheLambda() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Threading.Tasks;

        class C
        {
            Task<int> M() => Task.Run(() =>
            {
                var rng = {|RP0001:new Random(3)|};
                return rng.Next(6);
            });
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        using RandomPurity;

        class C
        {
            Task<int> M() => Task.Run(() =>
            {
                return PrngKey.Create(3).UnbiasedInt32(0, 6);
            });
        }
        """);

    [Fact]
    public Task LocalsInSeveralMethodsAndDocuments_FixTogether()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/Dice.cs", """
            using System;

            class Dice
            {
                int Roll()
                {
                    var rng = {|RP0001:new Random(6)|};
                    return rng.Next(1, 7);
                }

                double Noise()
                {
                    var rng = {|RP0001:new Random(7)|};
                    return rng.NextDouble();
                }
            }
            """));
        test.TestState.Sources.Add(("/0/Cards.cs", """
            using System;

            namespace Game
            {
                class Cards
                {
                    void Deal(int[] deck)
                    {
                        var rng = {|RP0001:new Random()|};
                        rng.Shuffle(deck);
                    }
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Dice.cs", """
            using System;
            using RandomPurity;

            class Dice
            {
                int Roll()
                {
                    return PrngKey.Create(6).UnbiasedInt32(1, 7);
                }

                double Noise()
                {
                    return PrngKey.Create(7).Uniform();
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/Cards.cs", """
            using System;
            using RandomPurity;

            namespace Game
            {
                class Cards
                {
                    void Deal(int[] deck)
                    {
                        PrngKey.FromEntropy().Shuffle<int>(deck);
                    }
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task FixableAndUnfixableLocals_OnlyTheFixableOneChanges()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;

                class C
                {
                    int Use(object r) => r.GetHashCode();

                    int M()
                    {
                        var kept = {|RP0001:new Random(1)|};
                        var fixedOne = {|RP0001:new Random(2)|};
                        return Use(kept) + fixedOne.Next(3);
                    }
                }
                """,
            FixedCode = """
                using System;
                using RandomPurity;

                class C
                {
                    int Use(object r) => r.GetHashCode();

                    int M()
                    {
                        var kept = {|RP0001:new Random(1)|};
                        return Use(kept) + PrngKey.Create(2).UnbiasedInt32(0, 3);
                    }
                }
                """,
        };

        // The local it cannot migrate keeps its diagnostic, with FixAll too: wrapping it as
        // PrngKey.Create(1).AsRandom() would keep a stateful Random made on the spot.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }
}
