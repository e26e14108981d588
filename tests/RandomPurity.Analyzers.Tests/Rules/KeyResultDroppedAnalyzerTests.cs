using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyResultDroppedAnalyzer>;

namespace RandomPurity.Analyzers.Tests;

public sealed class KeyResultDroppedAnalyzerTests
{
    private static DiagnosticResult Dropped(int location, string member) =>
        VerifyCS.Diagnostic(Descriptors.KeyResultDropped).WithLocation(location).WithArguments(member);

    [Theory]
    [InlineData("key.Split()", "PrngKey.Split")]
    [InlineData("key.Split(4)", "PrngKey.Split")]
    [InlineData("key.FoldIn(1)", "PrngKey.FoldIn")]
    [InlineData("key.FoldIn(1u)", "PrngKey.FoldIn")]
    [InlineData("key.Clone()", "PrngKey.Clone")]
    [InlineData("key.Uniform()", "PrngKey.Uniform")]
    [InlineData("key.UniformSingle(0f, 2f)", "PrngKey.UniformSingle")]
    [InlineData("key.Normal()", "PrngKey.Normal")]
    [InlineData("key.Int32(0, 10)", "PrngKey.Int32")]
    [InlineData("key.Bits32()", "PrngKey.Bits32")]
    [InlineData("key.Bernoulli(0.25f)", "PrngKey.Bernoulli")]
    [InlineData("key.Permutation(5)", "PrngKey.Permutation")]
    [InlineData("key.AsRandom()", "PrngKey.AsRandom")]
    [InlineData("key.ToString()", "PrngKey.ToString")]
    [InlineData("key.Equals(key)", "PrngKey.Equals")]
    [InlineData("PrngKey.Create(42)", "PrngKey.Create")]
    [InlineData("PrngKey.Create(42L)", "PrngKey.Create")]
    [InlineData("PrngKey.FromWords(1u, 2u)", "PrngKey.FromWords")]
    [InlineData("PrngKey.FromEntropy()", "PrngKey.FromEntropy")]
    [InlineData("PrngKey.Parse(\"threefry2x32:000000000000002a\")", "PrngKey.Parse")]
    public async Task Value_returning_member_as_a_statement_is_reported(string call, string member)
    {
        var source = $$"""
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    {|#0:{{call}}|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Dropped(0, member));
    }

    [Theory]
    [InlineData("_ = key.Split();")]
    [InlineData("var (a, b) = key.Split();")]
    [InlineData("var next = key.FoldIn(1);")]
    [InlineData("_ = PrngKey.Create(42);")]
    [InlineData("System.Console.WriteLine(key.Uniform());")]
    [InlineData("var text = key.ToString();")]
    public async Task Used_or_explicitly_discarded_result_is_silent(string statement)
    {
        var source = $$"""
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    {{statement}}
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("key.Bits(new uint[4]);")]
    [InlineData("key.Uniform(new double[4]);")]
    [InlineData("key.Uniform(new float[4], 0f, 2f);")]
    [InlineData("key.Integers(new int[4], 0, 10);")]
    [InlineData("key.Shuffle(new int[] { 1, 2, 3 }.AsSpan());")]
    [InlineData("key.Choice<int>(new int[] { 1, 2, 3 }, new int[2]);")]
    [InlineData("key.Split(new PrngKey[3]);")]
    public async Task Void_bulk_members_are_silent(string statement)
    {
        var source = $$"""
            using System;
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    {{statement}}
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TryParse_writes_through_its_out_parameter_and_is_silent()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                PrngKey M(string text)
                {
                    PrngKey.TryParse(text, out var key);
                    return key;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task StatefulPrng_NextKey_advances_the_counter_and_is_silent()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(StatefulPrng prng)
                {
                    prng.NextKey();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Conditional_access_on_a_nullable_key_is_reported_on_the_whole_expression()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey? key)
                {
                    {|#0:key?.Split()|};
                    _ = key?.Split();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Dropped(0, "PrngKey.Split"));
    }

    [Fact]
    public async Task Chained_call_reports_the_outer_member_once()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    {|#0:key.FoldIn(3).Split()|};
                    {|#1:PrngKey.Create(7).Uniform()|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Dropped(0, "PrngKey.Split"), Dropped(1, "PrngKey.Uniform"));
    }

    [Fact]
    public async Task Statements_in_lambdas_local_functions_and_top_level_code_are_reported()
    {
        const string source = """
            using System;
            using RandomPurity;

            var root = PrngKey.Create(1);
            {|#0:root.Split()|};
            Action<PrngKey> a = k => {|#1:k.FoldIn(2)|};
            Action<PrngKey> b = k => { _ = k.FoldIn(2); };
            void Local(PrngKey k)
            {
                {|#2:k.Normal()|};
            }
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Dropped(0, "PrngKey.Split"));
        test.ExpectedDiagnostics.Add(Dropped(1, "PrngKey.FoldIn"));
        test.ExpectedDiagnostics.Add(Dropped(2, "PrngKey.Normal"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_users_own_method_named_like_a_key_member_is_silent()
    {
        const string source = """
            class Key
            {
                public Key Split() => this;
            }

            class C
            {
                void M(Key key)
                {
                    key.Split();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Extension_method_on_a_key_is_not_a_key_member_and_is_silent()
    {
        const string source = """
            using RandomPurity;

            static class KeyExtensions
            {
                public static int Log(this PrngKey key) => 0;
            }

            class C
            {
                void M(PrngKey key)
                {
                    key.Log();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CSharp73_code_is_reported_and_discard_stays_silent()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    {|#0:key.Split()|};
                    _ = key.Split();
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3,
            References = TestReferences.NetStandard20,
        };
        test.ExpectedDiagnostics.Add(Dropped(0, "PrngKey.Split"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_the_runtime_the_rule_is_silent()
    {
        const string source = """
            namespace RandomPurity
            {
                struct PrngKeyLike
                {
                    public PrngKeyLike Split() => this;
                }
            }

            class C
            {
                void M(RandomPurity.PrngKeyLike key)
                {
                    key.Split();
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, References = TestReferences.Net100WithoutRuntime };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Broken_code_does_not_throw()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    key.Split({|CS1503:"x"|});
                    key.{|CS1061:Missing|}();
                    {|CS0103:undefined|}.Split();
                    key.FoldIn(1{|CS1026:|}{|CS1002:|}
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Generated_code_is_silent()
    {
        const string source = """
            // <auto-generated/>
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    key.Split();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
