using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.GlobalRandomnessAnalyzer,
    RandomPurity.CodeFixes.SharedRandomCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests.CodeFixes.Threading;

/// <summary>
/// RP0002 fix for <c>Random.Shared</c>: one key per method, split before each draw; a parameter for private and
/// internal methods (callers pass <c>PrngKey.FromEntropy()</c>, a recursive call a subkey), a local
/// <c>PrngKey.FromEntropy()</c> where the signature stays. The verifier runs FixAll at every scope and compiles.
/// </summary>
public sealed class SharedRandomCodeFixTests
{
    [Fact]
    public Task PrivateMethod_GainsAKeyParameter_CallersPassAnEntropyRoot() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class Dice
        {
            public int Play() => Roll(6) + Roll(20);

            private int Roll(int sides)
            {
                // Two draws, two subkeys.
                var bonus = {|RP0002:Random.Shared|}.Next(2);
                return {|RP0002:Random.Shared|}.Next(1, sides + 1) + bonus;
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class Dice
        {
            public int Play() => Roll(6, PrngKey.FromEntropy()) + Roll(20, PrngKey.FromEntropy());

            private int Roll(int sides, PrngKey key)
            {
                // Two draws, two subkeys.
                PrngKey sub;
                (key, sub) = key.Split();
                var bonus = sub.UnbiasedInt32(0, 2);
                (key, sub) = key.Split();
                return sub.UnbiasedInt32(1, sides + 1) + bonus;
            }
        }
        """);

    [Fact]
    public Task PublicMethod_KeepsItsSignature_WithAnExplicitEntropyRoot() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        public class Weather
        {
            public string Today()
            {
                if ({|RP0002:Random.Shared|}.NextDouble() < 0.5)
                {
                    return "rain";
                }

                return "sun";
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        public class Weather
        {
            public string Today()
            {
                if (PrngKey.FromEntropy().Uniform() < 0.5)
                {
                    return "rain";
                }

                return "sun";
            }
        }
        """);

    [Fact]
    public Task ExpressionBody_BecomesABlock_TwoDrawsInOneStatement() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            internal long Pair() => {|RP0002:Random.Shared|}.NextInt64(10) * {|RP0002:Random.Shared|}.Next();

            internal void Fill(byte[] buffer) => {|RP0002:Random.Shared|}.NextBytes(buffer);

            void Use() { Fill(new byte[2]); }
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            internal long Pair(PrngKey key)
            {
                PrngKey sub, sub2;
                (key, sub) = key.Split();
                (key, sub2) = key.Split();
                return sub.UnbiasedInt64(0, 10) * sub2.UnbiasedInt32(0, int.MaxValue);
            }

            internal void Fill(byte[] buffer, PrngKey key) => key.Bits(buffer);

            void Use() { Fill(new byte[2], PrngKey.FromEntropy()); }
        }
        """);

    [Fact]
    public Task DrawInALoopBody_SplitsPerIteration_RecursiveCallGetsASubkey_NamesDoNotClash() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;

        class C
        {
            private readonly Dictionary<string, int> key = new Dictionary<string, int>();

            private int Walk(int depth)
            {
                var total = 0;
                for (var i = 0; i < depth; i++)
                {
                    total += {|RP0002:Random.Shared|}.Next(6);
                }

                return depth == 0 ? total : total + Walk(depth - 1);
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using RandomPurity;

        class C
        {
            private readonly Dictionary<string, int> key = new Dictionary<string, int>();

            private int Walk(int depth, PrngKey key2)
            {
                PrngKey sub;
                var total = 0;
                for (var i = 0; i < depth; i++)
                {
                    (key2, sub) = key2.Split();
                    total += sub.UnbiasedInt32(0, 6);
                }

                (key2, sub) = key2.Split();
                return depth == 0 ? total : total + Walk(depth - 1, sub);
            }
        }
        """);

    [Theory]
    [InlineData("interface IRoll { int Roll(); }\nclass C : IRoll\n{\n    public int Roll()")]
    [InlineData("abstract class B { protected abstract int Roll(); }\nclass C : B\n{\n    protected override int Roll()")]
    public Task InterfaceImplementationOrOverride_IsARoot(string header) => VerifyCS.VerifyCodeFixAsync(
        "using System;\n" + header + " => {|RP0002:Random.Shared|}.Next(6);\n}\n",
        "using System;\nusing RandomPurity;\n" + header + " => PrngKey.FromEntropy().UnbiasedInt32(0, 6);\n}\n");

    [Fact]
    public Task PrivateMethodUsedAsAMethodGroup_IsARoot() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            private int Roll() => {|RP0002:Random.Shared|}.Next(6);

            Func<int> Roller() => Roll;
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            private int Roll() => PrngKey.FromEntropy().UnbiasedInt32(0, 6);

            Func<int> Roller() => Roll;
        }
        """);

    [Fact]
    public Task CallerInAnotherDocument_GetsTheArgumentAndTheImport() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System;

                static class Dice
                {
                    internal static int Roll() => {|RP0002:Random.Shared|}.Next(1, 7);
                }
                """,
                """
                static class Game
                {
                    public static int Turn() => Dice.Roll();
                }
                """,
            },
        },
        FixedState =
        {
            Sources =
            {
                """
                using System;
                using RandomPurity;

                static class Dice
                {
                    internal static int Roll(PrngKey key) => key.UnbiasedInt32(1, 7);
                }
                """,
                """
                using RandomPurity;

                static class Game
                {
                    public static int Turn() => Dice.Roll(PrngKey.FromEntropy());
                }
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public Task CSharp73_NoMixedDeconstruction() => new VerifyCS.Test
    {
        TestCode = """
            using System;

            namespace Library
            {
                public class Coin
                {
                    public bool Flip()
                    {
            #if DEBUG
                        Console.WriteLine("flip");
            #endif
                        return {|RP0002:Random.Shared|}.Next(2) == 0 && {|RP0002:Random.Shared|}.Next(3) > 0;
                    }
                }
            }
            """,
        FixedCode = """
            using System;
            using RandomPurity;

            namespace Library
            {
                public class Coin
                {
                    public bool Flip()
                    {
            #if DEBUG
                        Console.WriteLine("flip");
            #endif
                        var key = PrngKey.FromEntropy();
                        PrngKey sub, sub2;
                        (key, sub) = key.Split();
                        (key, sub2) = key.Split();
                        return sub.UnbiasedInt32(0, 2) == 0 && sub2.UnbiasedInt32(0, 3) > 0;
                    }
                }
            }
            """,
        LanguageVersion = LanguageVersion.CSharp7_3,
    }.RunAsync();

    [Fact]
    public Task TwoMethodsCallingEachOther_PublicRootSplitsItsKeyForTheCallee() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        public class C
        {
            public int Outer() => Inner() + {|RP0002:Random.Shared|}.Next(3);

            private int Inner() => {|RP0002:Random.Shared|}.Next(5);
        }
        """,
        """
        using System;
        using RandomPurity;

        public class C
        {
            public int Outer()
            {
                var key = PrngKey.FromEntropy();
                PrngKey sub;
                (key, sub) = key.Split();
                (key, var sub2) = key.Split();
                return Inner(sub2) + sub.UnbiasedInt32(0, 3);
            }

            private int Inner(PrngKey key) => key.UnbiasedInt32(0, 5);
        }
        """);

    [Fact]
    public Task TwoMethodsCallingEachOther_InternalSurface_ThreadsOneKeyThroughBoth() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            public int Outer() => Inner() + {|RP0002:Random.Shared|}.Next(3);

            private int Inner() => {|RP0002:Random.Shared|}.Next(5);
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            public int Outer(PrngKey key)
            {
                PrngKey sub;
                (key, sub) = key.Split();
                (key, var sub2) = key.Split();
                return Inner(sub2) + sub.UnbiasedInt32(0, 3);
            }

            private int Inner(PrngKey key) => key.UnbiasedInt32(0, 5);
        }
        """);

    [Fact]
    public Task LinqShufflesReturnedAsAnArray_BecomeAKeyedShuffleOfACopy() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Linq;

        internal static class Deck
        {
            public static string[] ShuffleByGuid(string[] cards) => cards.OrderBy(_ => {|RP0002:Guid.NewGuid()|}).ToArray();

            public static string[] ShuffleWithLinq(string[] cards)
            {
                return {|RP0002:cards.Shuffle()|}.ToArray();
            }
        }
        """,
        """
        using System;
        using System.Linq;
        using RandomPurity;

        internal static class Deck
        {
            public static string[] ShuffleByGuid(string[] cards, PrngKey key)
            {
                var shuffled = cards.ToArray();
                key.Shuffle<string>(shuffled);
                return shuffled;
            }

            public static string[] ShuffleWithLinq(string[] cards, PrngKey key)
            {
                var shuffled = cards.ToArray();
                key.Shuffle<string>(shuffled);
                return shuffled;
            }
        }
        """);

    [Fact]
    public Task OtherLinqShuffles_PassASubkeyToTheKeyedShuffle() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Linq;

        class C
        {
            int First(int[] c) => {|RP0002:c.Shuffle()|}.First();

            int[] Copy(int[] c)
            {
                var a = {|RP0002:c.Shuffle()|}.Take(3).ToArray();
                return a;
            }
        }
        """,
        """
        using System;
        using System.Linq;
        using RandomPurity;

        class C
        {
            int First(int[] c, PrngKey key) => c.Shuffle(key).First();

            int[] Copy(int[] c, PrngKey key)
            {
                var a = c.Shuffle(key).Take(3).ToArray();
                return a;
            }
        }
        """);

    [Theory]
    [InlineData("int[] M(int[] c) => Enumerable.Shuffle(c).ToArray();", "Enumerable.Shuffle(c)")]
    [InlineData("int[] M(int[] c) => c.OrderBy(x => Guid.NewGuid().GetHashCode()).ToArray();", "Guid.NewGuid()")]
    [InlineData("int[] M(int[] c) => c.OrderBy(x => Guid.NewGuid()).Take(2).ToArray();", "Guid.NewGuid()")]
    public Task OtherLinqShuffleShapes_NoFix(string member, string flagged) => VerifyCS.VerifyAnalyzerAsync(
        "using System;\nusing System.Linq;\nclass C\n{\n    " + member.Replace(flagged, "{|RP0002:" + flagged + "|}") + "\n}\n");

    // A draw inside a lambda or local function runs once per call of the delegate, maybe on several threads at once
    // (Polly's chaos-generator snippets), or in a static lambda that cannot capture: it takes its own entropy, and the
    // method's other draws still thread a key.
    [Theory]
    [InlineData("int M() { Func<int> f = () => [|Random.Shared|].Next(); return f(); }",
                "int M() { Func<int> f = () => PrngKey.FromEntropy().UnbiasedInt32(0, int.MaxValue); return f(); }")]
    [InlineData("int M() { return Next(); int Next() => [|Random.Shared|].Next(); }",
                "int M() { return Next(); int Next() => PrngKey.FromEntropy().UnbiasedInt32(0, int.MaxValue); }")]
    [InlineData("int M() { Func<int> f = () => { var x = [|Random.Shared|].Next(350); return x; }; return f(); }",
                "int M() { Func<int> f = () => { var x = PrngKey.FromEntropy().UnbiasedInt32(0, 350); return x; }; return f(); }")]
    [InlineData("int M() { Func<int, int> f = static a => { var x = [|Random.Shared|].Next(a); return x; }; return f(3); }",
                "int M() { Func<int, int> f = static a => { var x = PrngKey.FromEntropy().UnbiasedInt32(0, a); return x; }; return f(3); }")]
    [InlineData("int M() { return Next(); int Next() { var x = [|Random.Shared|].Next(); return x; } }",
                "int M() { return Next(); int Next() { var x = PrngKey.FromEntropy().UnbiasedInt32(0, int.MaxValue); return x; } }")]
    public Task DrawsInLambdasAndLocalFunctions_TakeTheirOwnEntropy(string member, string fixedMember) => VerifyCS.VerifyCodeFixAsync(
        "using System;\nclass C\n{\n    " + member.Replace("[|", "{|RP0002:") + "\n}\n",
        "using System;\nusing RandomPurity;\nclass C\n{\n    " + fixedMember + "\n}\n");

    [Fact]
    public Task DrawsInsideAndOutsideALambda_TheMethodThreadsAKeyTheLambdaTakesEntropy() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            private int Roll()
            {
                Func<int> house = () => { var h = {|RP0002:Random.Shared|}.Next(6); return h; };
                var mine = {|RP0002:Random.Shared|}.Next(6);
                return mine + house();
            }

            public int Play() => Roll();
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            private int Roll(PrngKey key)
            {
                Func<int> house = () => { var h = PrngKey.FromEntropy().UnbiasedInt32(0, 6); return h; };
                var mine = key.UnbiasedInt32(0, 6);
                return mine + house();
            }

            public int Play() => Roll(PrngKey.FromEntropy());
        }
        """);

    [Theory]
    [InlineData("int M() { var n = 0; while ({|RP0002:Random.Shared|}.Next(2) == 0) n++; return n; }")]
    [InlineData("int M() { var r = {|RP0002:Random.Shared|}; return r.Next(); }")]
    [InlineData("int M(bool b) { if (b) return {|RP0002:Random.Shared|}.Next(); return 0; }")]
    [InlineData("int M() => {|RP0002:Random.Shared|}.GetHashCode();")]
    [InlineData("int M(int x) { switch (x) { case 1: return {|RP0002:Random.Shared|}.Next(); default: return 0; } }")]
    public Task UnsupportedShapes_NoFix(string member)
    {
        var code = "using System;\nclass C\n{\n    " + member + "\n}\n";
        return VerifyCS.VerifyCodeFixAsync(code, code);
    }

    [Fact]
    public Task GetItems_BecomesAnArrayChoice() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            string[] Dip(string[] c) => {|RP0002:Random.Shared|}.GetItems(c, 2);
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            string[] Dip(string[] c, PrngKey key) => key.Choice<string>(c, 2);
        }
        """);

    [Fact]
    public Task TopLevelStatements_TakeExplicitEntropyAtEachUse()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Linq;

                string[] players = ["Ann", "Bob", "Cid"];
                Console.WriteLine({|RP0002:Random.Shared|}.Next(1, 7));
                Console.WriteLine(string.Join(" ", {|RP0002:players.Shuffle()|}));
                Console.WriteLine(House());

                static int House() => {|RP0002:Random.Shared|}.Next(1, 7);
                """,
            FixedCode = """
                using System;
                using System.Linq;
                using RandomPurity;

                string[] players = ["Ann", "Bob", "Cid"];
                Console.WriteLine(PrngKey.FromEntropy().UnbiasedInt32(1, 7));
                Console.WriteLine(string.Join(" ", players.Shuffle(PrngKey.FromEntropy())));
                Console.WriteLine(House());

                static int House() => PrngKey.FromEntropy().UnbiasedInt32(1, 7);
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task PropertyAndConstructor_TakeExplicitEntropy() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            private readonly double _start;

            public C()
            {
                _start = {|RP0002:Random.Shared|}.NextDouble();
            }

            int P => {|RP0002:Random.Shared|}.Next();
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            private readonly double _start;

            public C()
            {
                _start = PrngKey.FromEntropy().Uniform();
            }

            int P => PrngKey.FromEntropy().UnbiasedInt32(0, int.MaxValue);
        }
        """);

    [Fact]
    public Task ADrawInALambda_DoesNotBlockTheMethod() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        class C
        {
            int M()
            {
                Func<int> f = () => {|RP0002:Random.Shared|}.Next();
                return {|RP0002:Random.Shared|}.Next() + f();
            }
        }
        """,
        """
        using System;
        using RandomPurity;
        class C
        {
            int M(PrngKey key)
            {
                Func<int> f = () => PrngKey.FromEntropy().UnbiasedInt32(0, int.MaxValue);
                return key.UnbiasedInt32(0, int.MaxValue) + f();
            }
        }
        """);
}
