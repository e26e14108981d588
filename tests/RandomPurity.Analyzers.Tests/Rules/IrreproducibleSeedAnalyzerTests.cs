using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.IrreproducibleSeedAnalyzer>;

namespace RandomPurity.Analyzers.Tests.Rules;

public sealed class IrreproducibleSeedAnalyzerTests
{
    private static DiagnosticResult Seed(int location, string source) =>
        VerifyCS.Diagnostic(Descriptors.IrreproducibleSeed).WithLocation(location).WithArguments(source);

    [Theory]
    [InlineData("Environment.TickCount", "a tick count ('Environment.TickCount')")]
    [InlineData("(int)Environment.TickCount64", "a tick count ('Environment.TickCount64')")]
    [InlineData("unchecked((int)DateTime.Now.Ticks)", "the clock ('DateTime.Now')")]
    [InlineData("(int)(DateTime.UtcNow.Ticks & 0x7fffffff)", "the clock ('DateTime.UtcNow')")]
    [InlineData("DateTime.Today.DayOfYear", "the clock ('DateTime.Today')")]
    [InlineData("DateTimeOffset.Now.Millisecond", "the clock ('DateTimeOffset.Now')")]
    [InlineData("(int)DateTimeOffset.UtcNow.ToUnixTimeSeconds()", "the clock ('DateTimeOffset.UtcNow')")]
    [InlineData("(int)Stopwatch.GetTimestamp()", "a tick count ('Stopwatch.GetTimestamp()')")]
    [InlineData("(int)Stopwatch.StartNew().ElapsedTicks", "a stopwatch ('Stopwatch.ElapsedTicks')")]
    [InlineData("Guid.NewGuid().GetHashCode()", "'Guid.NewGuid()'")]
    [InlineData("Random.Shared.Next()", "'Random.Shared'")]
    [InlineData("new Random().Next()", "an unseeded Random ('new Random()')")]
    [InlineData("RandomNumberGenerator.GetInt32(int.MaxValue)", "'RandomNumberGenerator'")]
    [InlineData("BitConverter.ToInt32(RandomNumberGenerator.GetBytes(4), 0)", "'RandomNumberGenerator'")]
    [InlineData("Environment.ProcessId", "the process ID ('Environment.ProcessId')")]
    [InlineData("\"player-one\".GetHashCode()", "'string.GetHashCode()', which .NET randomizes per process")]
    [InlineData("HashCode.Combine(1, 2)", "'HashCode.Combine', which .NET randomizes per process")]
    [InlineData("(int)TimeProvider.System.GetTimestamp()", "the clock ('TimeProvider.GetTimestamp()')")]
    [InlineData("42 ^ Environment.TickCount * 31", "a tick count ('Environment.TickCount')")]
    [InlineData("Math.Abs(Environment.TickCount)", "a tick count ('Environment.TickCount')")]
    public async Task New_Random_with_irreproducible_seed(string seed, string description)
    {
        var source = $$"""
            using System;
            using System.Diagnostics;
            using System.Security.Cryptography;
            class C
            {
                Random M() => new Random({|#0:{{seed}}|});
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Seed(0, description));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("seed")]
    [InlineData("seed * 31 + 7")]
    [InlineData("parent.Next()")]
    [InlineData("_parent.Next(1000)")]
    [InlineData("new Random(42).Next()")]
    [InlineData("\"fixed\".Length")]
    [InlineData("new DateTime(2020, 1, 1).Millisecond")]
    [InlineData("(int)TimeSpan.FromSeconds(3).Ticks")]
    [InlineData("Run(() => Environment.TickCount)")]
    [InlineData("localSeed")]
    public async Task New_Random_with_reproducible_seed(string seed)
    {
        var source = $$"""
            using System;
            class C
            {
                private readonly Random _parent = new Random(1);
                static int Run(Func<int> f) => 0;
                Random M(int seed, Random parent)
                {
                    var localSeed = Environment.TickCount;
                    Console.WriteLine(localSeed);
                    return new Random({{seed}});
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Unseeded_new_Random_is_not_a_seed()
    {
        await VerifyCS.VerifyAnalyzerAsync("class C { System.Random R = new System.Random(); }");
    }

    [Fact]
    public async Task Target_typed_new_and_named_argument()
    {
        const string source = """
            using System;
            class C
            {
                Random A = new({|#0:Environment.TickCount|});
                Random B = new Random(Seed: {|#1:Guid.NewGuid().GetHashCode()|});
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Seed(0, "a tick count ('Environment.TickCount')"), Seed(1, "'Guid.NewGuid()'"));
    }

    [Fact]
    public async Task PrngKey_Create_int_and_long_seeds()
    {
        const string source = """
            using System;
            using RandomPurity;
            class C
            {
                PrngKey A = PrngKey.Create({|#0:DateTime.UtcNow.Ticks|});
                PrngKey B = PrngKey.Create({|#1:Environment.TickCount|}, PrngImpl.Threefry2x32Legacy);
                PrngKey D = PrngKey.Create(42L);
                PrngKey E = PrngKey.Create(7, PrngImpl.Threefry2x32);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Seed(0, "the clock ('DateTime.UtcNow')"), Seed(1, "a tick count ('Environment.TickCount')"));
    }

    [Fact]
    public async Task PrngKey_Create_from_global_and_unseeded_generators()
    {
        const string source = """
            using System;
            using System.Security.Cryptography;
            using RandomPurity;
            class C
            {
                PrngKey A = PrngKey.Create({|#0:Random.Shared.NextInt64()|});
                PrngKey B = PrngKey.Create({|#1:new Random().Next()|});
                PrngKey D = PrngKey.Create({|#2:RandomNumberGenerator.GetInt32(int.MaxValue)|});
                PrngKey E(Random parent) => PrngKey.Create(parent.Next());
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Seed(0, "'Random.Shared'"), Seed(1, "an unseeded Random ('new Random()')"), Seed(2, "'RandomNumberGenerator'"));
    }

    [Fact]
    public async Task PrngKey_FromWords_either_word()
    {
        const string source = """
            using System;
            using RandomPurity;
            class C
            {
                PrngKey A = PrngKey.FromWords(1u, {|#0:(uint)Environment.TickCount|});
                PrngKey B = PrngKey.FromWords(1u, 2u);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Seed(0, "a tick count ('Environment.TickCount')"));
    }

    [Fact]
    public async Task PrngKey_FromEntropy_is_the_explicit_choice_and_not_reported()
    {
        const string source = """
            using RandomPurity;
            class C
            {
                PrngKey A = PrngKey.FromEntropy();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task User_type_named_PrngKey_is_not_reported()
    {
        const string source = """
            namespace Other
            {
                static class PrngKey { public static int Create(int seed) => seed; }
                class C { int A = PrngKey.Create(System.Environment.TickCount); }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Without_the_RandomPurity_runtime_Random_seeds_are_still_checked()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                class C { Random A = new Random({|#0:Environment.TickCount|}); }
                """,
            References = Verifiers.TestReferences.Net100WithoutRuntime,
        };
        test.ExpectedDiagnostics.Add(Seed(0, "a tick count ('Environment.TickCount')"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Subclass_creations_and_user_Random_are_not_seed_targets()
    {
        const string source = """
            using System;
            class MyRandom : Random { public MyRandom(int seed) : base(seed) { } }
            namespace Game { class Random { public Random(int seed) { } } }
            class C
            {
                object A = new MyRandom(Environment.TickCount);
                object B = new Game.Random(Environment.TickCount);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Seed_in_lambda_local_function_field_and_top_level()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                Func<Random> f = () => new Random({|#0:DateTime.Now.Millisecond|});
                Random Local() => new Random({|#1:Environment.TickCount|});
                Console.WriteLine(f().Next() + Local().Next());
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Seed(0, "the clock ('DateTime.Now')"));
        test.ExpectedDiagnostics.Add(Seed(1, "a tick count ('Environment.TickCount')"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CSharp73_netstandard20()
    {
        const string source = """
            using System;
            public class Legacy
            {
                private readonly Random _a = new Random({|#0:Environment.TickCount|});
                private readonly Random _b = new Random({|#1:unchecked((int)DateTime.Now.Ticks)|});
                private readonly Random _c;
                public Legacy(Random parent) { _c = new Random(parent.Next()); }
            }
            """;
        await VerifyCS.VerifyAnalyzerCSharp73Async(source, Seed(0, "a tick count ('Environment.TickCount')"), Seed(1, "the clock ('DateTime.Now')"));
    }

    [Fact]
    public async Task Generated_code_is_skipped()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("Seed.g.cs", "// <auto-generated/>\nclass G { System.Random R = new System.Random(System.Environment.TickCount); }\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Broken_code_does_not_throw()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using RandomPurity;
                class C
                {
                    Random A = new Random({|#0:Environment.TickCount|}, );
                    Random B = new Random(Environment.TickCont);
                    PrngKey D = PrngKey.Create(DateTime.Now.Ticks, 1, 2);
                    PrngKey E = PrngKey.Create(;
                    Random F = new Random(() => );
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }
}
