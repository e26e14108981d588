using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.SystemRandomCreatedAnalyzer,
    RandomPurity.CodeFixes.SystemRandomFieldCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests.CodeFixes.Threading;

/// <summary>
/// RP0001 field fix (the default <c>stateful</c> strategy): the field becomes a <c>StatefulPrng</c> from the same
/// seed and every draw maps onto its samplers; fields that escape get no fix. The verifier also runs FixAll at every
/// scope and compiles the result.
/// </summary>
public sealed class SystemRandomFieldCodeFixTests
{
    [Fact]
    public Task SeededInitializer_DrawsInSeveralMembers() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class Dice
        {
            // The table's generator.
            private readonly Random _rng = {|RP0001:new Random(42)|};

            public int Roll(int sides) => _rng.Next(1, sides + 1);

            public int Any() => _rng.Next();

            public long Gold() => _rng.NextInt64(1000L) + _rng.NextInt64();

            public bool Critical() => _rng.NextDouble() < 0.05;

            public void Fill(byte[] buffer, int[] order)
            {
                _rng.NextBytes(buffer);
                _rng.Shuffle(order);
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class Dice
        {
            // The table's generator.
            private readonly StatefulPrng _rng = new StatefulPrng(PrngKey.Create(42));

            public int Roll(int sides) => _rng.UnbiasedInt32(1, sides + 1);

            public int Any() => _rng.UnbiasedInt32(0, int.MaxValue);

            public long Gold() => _rng.UnbiasedInt64(0, 1000L) + _rng.UnbiasedInt64(0, long.MaxValue);

            public bool Critical() => _rng.Uniform() < 0.05;

            public void Fill(byte[] buffer, int[] order)
            {
                _rng.Bits(buffer);
                _rng.Shuffle<int>(order);
            }
        }
        """);

    // RogueSharp's DotNetRandom replays draws to restore a state: the dropped draws become discards at their own
    // indentation (the receiver's leading trivia once landed between `_ =` and the call).
    [Fact]
    public Task DroppedDrawsInALoop_BecomeIndentedDiscards() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class Replay
        {
            private Random _random = {|RP0001:new Random(7)|};

            public void Skip(long count)
            {
                for (long i = 0; i < count; i++)
                {
                    _random.Next();
                }
                // then one more
                _random.NextDouble();
            }
        }
        """,
        """
        using System;
        using RandomPurity;

        class Replay
        {
            private StatefulPrng _random = new StatefulPrng(PrngKey.Create(7));

            public void Skip(long count)
            {
                for (long i = 0; i < count; i++)
                {
                    _ = _random.UnbiasedInt32(0, int.MaxValue);
                }
                // then one more
                _ = _random.Uniform();
            }
        }
        """);

    [Fact]
    public Task SeededInTheConstructor_TheLegacyDiceShape() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Collections.Generic;

        namespace LegacyDice;

        internal sealed class DiceGame
        {
            private readonly Random _random;

            public DiceGame(int seed)
            {
                _random = {|RP0001:new Random(seed)|};
            }

            public int Roll(int sides) => _random.Next(1, sides + 1);

            public DiceGame SpawnSideTable() => new(_random.Next());

            public bool IsCritical() => this._random.NextDouble() < 0.05;
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using RandomPurity;

        namespace LegacyDice;

        internal sealed class DiceGame
        {
            private readonly StatefulPrng _random;

            public DiceGame(int seed)
            {
                _random = new StatefulPrng(PrngKey.Create(seed));
            }

            public int Roll(int sides) => _random.UnbiasedInt32(1, sides + 1);

            public DiceGame SpawnSideTable() => new(_random.UnbiasedInt32(0, int.MaxValue));

            public bool IsCritical() => this._random.Uniform() < 0.05;
        }
        """);

    [Fact]
    public Task UnseededStaticField_DrawsFromEntropy_InLambdasToo() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using System.Linq;

        static class Noise
        {
            private static Random s_random = {|RP0001:new()|};

            public static int[] Many(int n) => Enumerable.Range(0, n).Select(_ => s_random.Next(10)).ToArray();
        }
        """,
        """
        using System;
        using System.Linq;
        using RandomPurity;

        static class Noise
        {
            private static StatefulPrng s_random = new StatefulPrng(PrngKey.FromEntropy());

            public static int[] Many(int n) => Enumerable.Range(0, n).Select(_ => s_random.UnbiasedInt32(0, 10)).ToArray();
        }
        """);

    [Fact]
    public Task SeveralConstructors_NestedDraws_AndAnExistingImport() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;
        using RandomPurity;

        class Table
        {
            private System.Random _rng;

            public Table() => _rng = {|RP0001:new Random()|};

            public Table(int seed) { _rng = {|RP0001:new Random(seed * 2)|}; }

            public int Nested() => _rng.Next(_rng.Next(1, 5), 10);
        }
        """,
        """
        using System;
        using RandomPurity;

        class Table
        {
            private StatefulPrng _rng;

            public Table() => _rng = new StatefulPrng(PrngKey.FromEntropy());

            public Table(int seed) { _rng = new StatefulPrng(PrngKey.Create(seed * 2)); }

            public int Nested() => _rng.UnbiasedInt32(_rng.UnbiasedInt32(1, 5), 10);
        }
        """);

    [Fact]
    public async Task ThirdPartyApiDemandingARandom_GetsAKeyBackedRandom()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using Numerics;

                class Model
                {
                    private readonly Random _rng = {|RP0001:new Random(7)|};

                    public double Sample() => new Normal(0, 1).Sample(_rng) + _rng.NextDouble();
                }
                """,
            FixedCode = """
                using System;
                using Numerics;
                using RandomPurity;

                class Model
                {
                    private readonly StatefulPrng _rng = new StatefulPrng(PrngKey.Create(7));

                    public double Sample() => new Normal(0, 1).Sample(_rng.NextKey().AsRandom()) + _rng.Uniform();
                }
                """,
        };
        // A compiled library, as a package is: its method cannot gain a key overload.
        var library = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Numerics",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                namespace Numerics
                {
                    public sealed class Normal
                    {
                        private readonly double _mean;
                        private readonly double _sd;
                        public Normal(double mean, double sd) { _mean = mean; _sd = sd; }
                        public double Sample(System.Random random) => _mean + _sd * random.NextDouble();
                    }
                }
                """) },
            TestReferences.Net100,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Emit(image).Success);
        test.References = TestReferences.Net100.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray()));
        await test.RunAsync();
    }

    // A type that exists to adapt System.Random (a wrapper kept for backward-compatible streams): its members only
    // forward to the field. Rewriting it would silently change the stream it provides; users suppress RP0001 there.
    [Fact]
    public Task WrapperThatOnlyForwardsToItsRandom_GetsNoFix()
    {
        const string source = """
            using System;

            public interface IRandomSource
            {
                int Next(int maxValue);
                double NextDouble();
            }

            public sealed class SystemRandomSource : IRandomSource
            {
                private readonly Random _random;

                public SystemRandomSource(int seed)
                {
                    _random = {|RP0001:new Random(seed)|};
                }

                public int Next(int maxValue) => _random.Next(maxValue);

                public double NextDouble()
                {
                    return _random.NextDouble();
                }
            }
            """;
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    // A subclass of Random that draws from an inner generator: the same purpose, the same refusal.
    [Fact]
    public Task SubclassOfRandomWithAnInnerGenerator_GetsNoFix()
    {
        const string source = """
            using System;

            public sealed class LoggedRandom : Random
            {
                private readonly Random _inner = {|RP0001:new Random(7)|};

                public int Draws { get; private set; }

                public override int Next(int maxValue)
                {
                    Draws++;
                    return _inner.Next(maxValue);
                }
            }
            """;
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task TwoFieldsInOneClass_FixAll() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class Game
        {
            private readonly Random _dice;
            private readonly Random _cards = {|RP0001:new Random(2)|};

            public Game(int seed)
            {
                _dice = {|RP0001:new Random(seed)|};
            }

            public int Turn() => _dice.Next(6) + _cards.Next(52);
        }
        """,
        """
        using System;
        using RandomPurity;

        class Game
        {
            private readonly StatefulPrng _dice;
            private readonly StatefulPrng _cards = new StatefulPrng(PrngKey.Create(2));

            public Game(int seed)
            {
                _dice = new StatefulPrng(PrngKey.Create(seed));
            }

            public int Turn() => _dice.UnbiasedInt32(0, 6) + _cards.UnbiasedInt32(0, 52);
        }
        """);

    [Fact]
    public Task FixAll_MigratesTheLocalsOfTheDocumentToo() => new VerifyCS.Test
    {
        // dotnet format hands one RP0001 diagnostic set to each RP0001 provider in turn (spans go stale after the
        // first), so this provider's FixAll also runs the local fix; the single fix touches the field only.
        TestCode = """
            using System;

            class Game
            {
                private readonly Random _dice = {|RP0001:new Random(1)|};

                public int Turn()
                {
                    var coin = {|RP0001:new Random(2)|};
                    return _dice.Next(6) + coin.Next(2);
                }
            }
            """,
        FixedCode = """
            using System;
            using RandomPurity;

            class Game
            {
                private readonly StatefulPrng _dice = new StatefulPrng(PrngKey.Create(1));

                public int Turn()
                {
                    var coin = {|RP0001:new Random(2)|};
                    return _dice.UnbiasedInt32(0, 6) + coin.Next(2);
                }
            }
            """,
        BatchFixedCode = """
            using System;
            using RandomPurity;

            class Game
            {
                private readonly StatefulPrng _dice = new StatefulPrng(PrngKey.Create(1));

                public int Turn()
                {
                    return _dice.UnbiasedInt32(0, 6) + PrngKey.Create(2).UnbiasedInt32(0, 2);
                }
            }
            """,
        FixedState = { MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow },
    }.RunAsync();

    [Fact]
    public Task CSharp73_NetStandard20_NoTargetTypedNew() => new VerifyCS.Test
    {
        TestCode = """
            using System;

            namespace Library
            {
                internal class Dice
                {
                    private readonly Random _rng;

                    public Dice(int seed)
                    {
                        _rng = {|RP0001:new Random(seed)|};
                    }

                    public int Roll()
                    {
            #if DEBUG
                        Console.WriteLine("roll");
            #endif
                        return _rng.Next(1, 7);
                    }
                }
            }
            """,
        FixedCode = """
            using System;
            using RandomPurity;

            namespace Library
            {
                internal class Dice
                {
                    private readonly StatefulPrng _rng;

                    public Dice(int seed)
                    {
                        _rng = new StatefulPrng(PrngKey.Create(seed));
                    }

                    public int Roll()
                    {
            #if DEBUG
                        Console.WriteLine("roll");
            #endif
                        return _rng.UnbiasedInt32(1, 7);
                    }
                }
            }
            """,
        LanguageVersion = LanguageVersion.CSharp7_3,
        References = TestReferences.NetStandard20,
    }.RunAsync();

    [Theory]
    [InlineData("randompurity.RP0001.field_strategy = stateful")]
    [InlineData("randompurity.rp0001.field_strategy = Stateful")]
    public Task StatefulStrategyOption_IsTheDefault(string option) => new VerifyCS.Test
    {
        TestCode = """
            using System;
            class C
            {
                private Random _r = {|RP0001:new Random(1)|};
                int M() => _r.Next(3);
            }
            """,
        FixedCode = """
            using System;
            using RandomPurity;
            class C
            {
                private StatefulPrng _r = new StatefulPrng(PrngKey.Create(1));
                int M() => _r.UnbiasedInt32(0, 3);
            }
            """,
        AnalyzerConfig = option,
    }.RunAsync();

    [Fact]
    public Task ThreadStrategyOption_IsReserved_NoFix() => new VerifyCS.Test
    {
        TestCode = """
            using System;
            class C
            {
                private Random _r = {|RP0001:new Random(1)|};
                int M() => _r.Next(3);
            }
            """,
        AnalyzerConfig = "randompurity.RP0001.field_strategy = thread",
    }.RunAsync();

    [Fact]
    public Task ParameterlessDrawAsAMethodGroup_BecomesALambda() => VerifyCS.VerifyCodeFixAsync(
        """
        using System;

        class C
        {
            private readonly Random _r = {|RP0001:new Random(1)|};

            Func<int> Group() => _r.Next;

            Func<double> Unit() => this._r.NextDouble;
        }
        """,
        """
        using System;
        using RandomPurity;

        class C
        {
            private readonly StatefulPrng _r = new StatefulPrng(PrngKey.Create(1));

            Func<int> Group() => () => _r.UnbiasedInt32(0, int.MaxValue);

            Func<double> Unit() => () => this._r.Uniform();
        }
        """);

    [Theory]
    [InlineData("public Random Exposed => _r;")]
    [InlineData("Random Get() { return _r; }")]
    [InlineData("void Swap(Random other) { _r = other; }")]
    [InlineData("void ByRef() => Use(ref _r);  static void Use(ref Random r) { }")]
    [InlineData("System.Func<int, int> Group() => _r.Next;")]
    [InlineData("int? Maybe() => _r?.Next();")]
    [InlineData("int Sample() => _r.GetHashCode();")]
    [InlineData("System.Linq.Expressions.Expression<System.Func<int>> Tree() => () => _r.Next();")]
    [InlineData("object Boxed() => _r;")]
    [InlineData("Random Chained() => _r = new Random(3);")]
    public Task FieldThatEscapes_NoFix(string member) => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        class C
        {
            private Random _r = {|RP0001:new Random(1)|};
            int M() => _r.Next(3);
            MEMBER
        }
        """.Replace("MEMBER", member.Replace("new Random(3)", "{|RP0001:new Random(3)|}")));

    [Theory]
    [InlineData("public")]
    [InlineData("protected")]
    [InlineData("protected internal")]
    public Task FieldVisibleOutsideTheAssembly_NoFix(string accessibility) => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        public class C
        {
            ACCESS Random R = {|RP0001:new Random(1)|};
            int M() => R.Next(3);
        }
        """.Replace("ACCESS", accessibility));

    [Fact]
    public Task InternalFieldUsedInAnotherDocument_NoFix() => new VerifyCS.Test
    {
        TestState =
        {
            Sources =
            {
                """
                using System;
                class C
                {
                    internal Random R = {|RP0001:new Random(1)|};
                }
                """,
                """
                class D
                {
                    int M(C c) => c.R.Next();
                }
                """,
            },
        },
    }.RunAsync();

    [Fact]
    public Task TwoFieldsInOneDeclaration_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        class C
        {
            private Random _a = {|RP0001:new Random(1)|}, _b = {|RP0001:new Random(2)|};
            int M() => _a.Next() + _b.Next();
        }
        """);

    [Fact]
    public Task FieldUsedInAnInactiveIfRegion_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        class C
        {
            private Random _r = {|RP0001:new Random(1)|};
            int M()
            {
        #if NEVER
                return _r.Sample();
        #else
                return _r.Next(3);
        #endif
            }
        }
        """);

    [Fact]
    public Task AnotherTypeNamedStatefulPrngInScope_NoFix() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        class StatefulPrng { }
        class C
        {
            private Random _r = {|RP0001:new Random(1)|};
            int M() => _r.Next(3);
        }
        """);

    [Fact]
    public Task LocalRandom_IsNotThisFixersBusiness() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        class C
        {
            int M()
            {
                var r = {|RP0001:new Random(1)|};
                return r.Next(3);
            }
        }
        """);
}
