using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.Rules.KeyResultDroppedAnalyzer,
    RandomPurity.CodeFixes.RemoveDroppedKeyCallCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests;

public sealed class RemoveDroppedKeyCallCodeFixTests
{
    private static DiagnosticResult Dropped(int location, string member) =>
        VerifyFix.Diagnostic(Descriptors.KeyResultDropped).WithLocation(location).WithArguments(member);

    [Fact]
    public async Task Statement_is_removed_with_its_line()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var sub = key.FoldIn(1);
                    {|#0:sub.Split()|};
                    return sub.Uniform();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var sub = key.FoldIn(1);
                    return sub.Uniform();
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { Dropped(0, "PrngKey.Split") }, fixedSource);
    }

    [Fact]
    public async Task Comment_in_front_of_the_statement_is_kept()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    // renew the key before drawing
                    {|#0:key.FoldIn(7)|}; // trailing note about the call
                    return 1.0;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    // renew the key before drawing
                    return 1.0;
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { Dropped(0, "PrngKey.FoldIn") }, fixedSource);
    }

    [Fact]
    public async Task Block_comment_on_the_same_line_moves_to_its_own_line()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    /* old code */ {|#0:key.Split()|};
                    System.Console.WriteLine();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    /* old code */
                    System.Console.WriteLine();
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { Dropped(0, "PrngKey.Split") }, fixedSource);
    }

    [Fact]
    public async Task Preprocessor_region_around_the_statement_stays_intact()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
            #if DEBUG
                    {|#0:key.Uniform()|};
            #endif
                    System.Console.WriteLine();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
            #if DEBUG
            #endif
                    System.Console.WriteLine();
                }
            }
            """;
        var test = new VerifyFix.Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.Add(Dropped(0, "PrngKey.Uniform"));
        test.SolutionTransforms.Add((solution, id) => solution.WithProjectParseOptions(
            id, ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)solution.GetProject(id)!.ParseOptions!).WithPreprocessorSymbols("DEBUG")));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("PrngKey.Create(42)", "PrngKey.Create")]
    [InlineData("PrngKey.FromWords(Seed, 2u)", "PrngKey.FromWords")]
    [InlineData("_key.FoldIn(count)", "PrngKey.FoldIn")]
    [InlineData("this._key.Split(count)", "PrngKey.Split")]
    [InlineData("key.UniformSingle(0f, (float)count)", "PrngKey.UniformSingle")]
    [InlineData("key.Int32(default, nameof(key) == \"key\" ? 1 : 2)", "PrngKey.Int32")]
    [InlineData("key.Int32(default(int), count)", "PrngKey.Int32")]
    public async Task Side_effect_free_arguments_allow_removal(string call, string member)
    {
        var source = $$"""
            using RandomPurity;

            class C
            {
                private const uint Seed = 1;
                private readonly PrngKey _key = PrngKey.Create(3);

                void M(PrngKey key, int count)
                {
                    {|#0:{{call}}|};
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                private const uint Seed = 1;
                private readonly PrngKey _key = PrngKey.Create(3);

                void M(PrngKey key, int count)
                {
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { Dropped(0, member) }, fixedSource);
    }

    [Theory]
    [InlineData("key.FoldIn(Next())", "PrngKey.FoldIn")]
    [InlineData("GetKey().Split()", "PrngKey.Split")]
    [InlineData("Key.Split()", "PrngKey.Split")]
    [InlineData("keys[0].Split()", "PrngKey.Split")]
    [InlineData("key.FoldIn(count++)", "PrngKey.FoldIn")]
    [InlineData("key.Permutation(count = 3)", "PrngKey.Permutation")]
    [InlineData("key.FoldIn(new Wrapper())", "PrngKey.FoldIn")]
    public async Task Argument_with_a_possible_side_effect_gets_no_fix(string call, string member)
    {
        var source = $$"""
            using RandomPurity;

            class Wrapper
            {
                public static implicit operator int(Wrapper w) => 1;
            }

            class C
            {
                PrngKey Key { get; } = PrngKey.Create(1);

                int Next() => 4;

                PrngKey GetKey() => PrngKey.Create(2);

                void M(PrngKey key, PrngKey[] keys, int count)
                {
                    {|#0:{{call}}|};
                }
            }
            """;
        await VerifyFix.VerifyAnalyzerAsync(source, Dropped(0, member));
    }

    [Fact]
    public async Task Embedded_statement_gets_no_fix()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key, bool flag)
                {
                    if (flag)
                        {|#0:key.Split()|};
                    while (flag) {|#1:key.Normal()|};
                }
            }
            """;
        await VerifyFix.VerifyAnalyzerAsync(source, Dropped(0, "PrngKey.Split"), Dropped(1, "PrngKey.Normal"));
    }

    [Fact]
    public async Task Expression_bodied_lambda_gets_no_fix()
    {
        const string source = """
            using System;
            using RandomPurity;

            class C
            {
                static void Run(Action action) => action();

                void M(PrngKey key)
                {
                    Action a = () => {|#0:key.Split()|};
                    Run(() => {|#1:key.FoldIn(1)|});
                }
            }
            """;
        await VerifyFix.VerifyAnalyzerAsync(source, Dropped(0, "PrngKey.Split"), Dropped(1, "PrngKey.FoldIn"));
    }

    [Fact]
    public async Task Conditional_access_on_a_local_is_removed()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey? key)
                {
                    {|#0:key?.FoldIn(1)|};
                    System.Console.WriteLine();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                void M(PrngKey? key)
                {
                    System.Console.WriteLine();
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { Dropped(0, "PrngKey.FoldIn") }, fixedSource);
    }

    [Fact]
    public async Task Statement_in_a_switch_section_is_removed()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key, int mode)
                {
                    switch (mode)
                    {
                        case 1:
                            {|#0:key.Split()|};
                            break;
                    }
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key, int mode)
                {
                    switch (mode)
                    {
                        case 1:
                            break;
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { Dropped(0, "PrngKey.Split") }, fixedSource);
    }

    [Fact]
    public async Task Top_level_statement_is_removed()
    {
        const string source = """
            using RandomPurity;

            var key = PrngKey.Create(1);
            {|#0:key.Split()|};
            System.Console.WriteLine(key.Uniform());

            """;
        const string fixedSource = """
            using RandomPurity;

            var key = PrngKey.Create(1);
            System.Console.WriteLine(key.Uniform());

            """;
        var test = new VerifyFix.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Dropped(0, "PrngKey.Split"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_all_removes_adjacent_statements_and_keeps_both_comments()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    // first
                    {|#0:key.Split()|};
                    // second
                    {|#1:key.FoldIn(2)|};
                    {|#2:PrngKey.Create(3)|};
                    System.Console.WriteLine();
                }

                void N(PrngKey key)
                {
                    {|#3:key.Bits32()|};
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    // first
                    // second
                    System.Console.WriteLine();
                }

                void N(PrngKey key)
                {
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(
            source,
            new[] { Dropped(0, "PrngKey.Split"), Dropped(1, "PrngKey.FoldIn"), Dropped(2, "PrngKey.Create"), Dropped(3, "PrngKey.Bits32") },
            fixedSource);
    }

    [Fact]
    public async Task Fix_all_leaves_the_statements_it_cannot_remove()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                int Next() => 1;

                void M(PrngKey key)
                {
                    {|#0:key.Split()|};
                    {|#1:key.FoldIn(Next())|};
                    {|#2:key.Normal()|};
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                int Next() => 1;

                void M(PrngKey key)
                {
                    {|#0:key.FoldIn(Next())|};
                }
            }
            """;
        var test = new VerifyFix.Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.Add(Dropped(0, "PrngKey.Split"));
        test.ExpectedDiagnostics.Add(Dropped(1, "PrngKey.FoldIn"));
        test.ExpectedDiagnostics.Add(Dropped(2, "PrngKey.Normal"));
        test.FixedState.ExpectedDiagnostics.Add(Dropped(0, "PrngKey.FoldIn"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CSharp73_statement_is_removed()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    {|#0:key.Split()|};
                    System.Console.WriteLine();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                void M(PrngKey key)
                {
                    System.Console.WriteLine();
                }
            }
            """;
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3,
            References = TestReferences.NetStandard20,
        };
        test.ExpectedDiagnostics.Add(Dropped(0, "PrngKey.Split"));
        await test.RunAsync(CancellationToken.None);
    }
}
