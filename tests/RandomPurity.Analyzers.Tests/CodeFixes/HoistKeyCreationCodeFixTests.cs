using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyFix = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.Rules.UnsplitKeyAnalyzer,
    RandomPurity.CodeFixes.HoistKeyCreationCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests;

public sealed class HoistKeyCreationCodeFixTests
{
    private static DiagnosticResult Unsplit(int location, string construct) =>
        VerifyFix.Diagnostic(Descriptors.UnsplitKeyInLoop).WithLocation(location).WithArguments(construct);

    private static DiagnosticResult InFor(int location) => Unsplit(location, "a 'for' loop");

    [Fact]
    public async Task Key_declared_in_a_for_loop_is_hoisted_and_folded_with_the_counter()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(int n)
                {
                    double sum = 0;
                    for (int i = 0; i < n; i++)
                    {
                        var k = {|#0:PrngKey.Create(42)|};
                        sum += k.Uniform();
                    }

                    return sum;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(int n)
                {
                    double sum = 0;
                    var kRoot = PrngKey.Create(42);
                    for (int i = 0; i < n; i++)
                    {
                        var k = kRoot.FoldIn(i);
                        sum += k.Uniform();
                    }

                    return sum;
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { InFor(0) }, fixedSource);
    }

    [Fact]
    public async Task Key_used_inline_gets_a_root_key_and_comments_stay_in_front_of_the_loop()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(int n, uint seed)
                {
                    double sum = 0;

                    // one draw per cell
                    for (uint cell = 0; cell < n; cell += 1)
                    {
                        sum += {|#0:PrngKey.FromWords(seed, 7u)|}.Uniform();
                    }

                    return sum;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(int n, uint seed)
                {
                    double sum = 0;

                    // one draw per cell
                    var rootKey = PrngKey.FromWords(seed, 7u);
                    for (uint cell = 0; cell < n; cell += 1)
                    {
                        sum += rootKey.FoldIn(cell).Uniform();
                    }

                    return sum;
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { InFor(0) }, fixedSource);
    }

    [Fact]
    public async Task New_name_avoids_locals_fields_and_nested_declarations()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                private int kRoot;

                double M(int n)
                {
                    double sum = kRoot;
                    PrngKey k = PrngKey.Create(1);
                    for (int i = 0; i < n; i++)
                    {
                        PrngKey key = {|#0:PrngKey.Create(42)|};
                        sum += key.Uniform();
                    }

                    for (int j = 0; j < n; j++)
                    {
                        var keyRoot = 3;
                        sum += keyRoot;
                    }

                    return sum + k.Uniform();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                private int kRoot;

                double M(int n)
                {
                    double sum = kRoot;
                    PrngKey k = PrngKey.Create(1);
                    PrngKey keyRoot2 = PrngKey.Create(42);
                    for (int i = 0; i < n; i++)
                    {
                        PrngKey key = keyRoot2.FoldIn(i);
                        sum += key.Uniform();
                    }

                    for (int j = 0; j < n; j++)
                    {
                        var keyRoot = 3;
                        sum += keyRoot;
                    }

                    return sum + k.Uniform();
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { InFor(0) }, fixedSource);
    }

    [Fact]
    public async Task Foreach_with_an_index_stepped_every_iteration_folds_in_the_index()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(string[] names, int seed)
                {
                    double sum = 0;
                    int index = 0;
                    foreach (var name in names)
                    {
                        var k = {|#0:PrngKey.Create(seed)|};
                        sum += k.Uniform() * name.Length;
                        index++;
                    }

                    return sum;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(string[] names, int seed)
                {
                    double sum = 0;
                    int index = 0;
                    var kRoot = PrngKey.Create(seed);
                    foreach (var name in names)
                    {
                        var k = kRoot.FoldIn(index);
                        sum += k.Uniform() * name.Length;
                        index++;
                    }

                    return sum;
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { Unsplit(0, "a 'foreach' loop") }, fixedSource);
    }

    [Fact]
    public async Task Parallel_For_lambda_hoists_before_the_call_and_folds_in_the_index()
    {
        const string source = """
            using System.Threading.Tasks;
            using RandomPurity;

            static class Work
            {
                public static void Run(double[] results)
                {
                    Parallel.For(0, results.Length, i => results[i] = {|#0:PrngKey.Create(42)|}.Normal());
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using RandomPurity;

            static class Work
            {
                public static void Run(double[] results)
                {
                    var rootKey = PrngKey.Create(42);
                    Parallel.For(0, results.Length, i => results[i] = rootKey.FoldIn(i).Normal());
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { Unsplit(0, "a lambda") }, fixedSource);
    }

    [Fact]
    public async Task Inner_loop_is_hoisted_into_the_outer_loop_body()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(int n)
                {
                    double sum = 0;
                    for (int row = 0; row < n; row++)
                    {
                        for (int col = 0; col < n; col++)
                        {
                            sum += {|#0:PrngKey.Create(row)|}.Uniform();
                        }
                    }

                    return sum;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(int n)
                {
                    double sum = 0;
                    for (int row = 0; row < n; row++)
                    {
                        var rootKey = PrngKey.Create(row);
                        for (int col = 0; col < n; col++)
                        {
                            sum += rootKey.FoldIn(col).Uniform();
                        }
                    }

                    return sum;
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { InFor(0) }, fixedSource);
    }

    [Fact]
    public async Task Fix_all_hoists_every_key_with_distinct_names_in_order()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(int n)
                {
                    double sum = 0;
                    for (int i = 0; i < n; i++)
                    {
                        var a = {|#0:PrngKey.Create(1)|};
                        sum += a.Uniform() + {|#1:PrngKey.Create(2)|}.Uniform() + {|#2:PrngKey.Create(3)|}.Normal();
                    }

                    return sum;
                }

                double N(int n)
                {
                    double sum = 0;
                    for (int t = 0; t < n; ++t)
                    {
                        sum += {|#3:PrngKey.Create(4)|}.Uniform();
                    }

                    return sum;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(int n)
                {
                    double sum = 0;
                    var aRoot = PrngKey.Create(1);
                    var rootKey = PrngKey.Create(2);
                    var rootKey2 = PrngKey.Create(3);
                    for (int i = 0; i < n; i++)
                    {
                        var a = aRoot.FoldIn(i);
                        sum += a.Uniform() + rootKey.FoldIn(i).Uniform() + rootKey2.FoldIn(i).Normal();
                    }

                    return sum;
                }

                double N(int n)
                {
                    double sum = 0;
                    var rootKey = PrngKey.Create(4);
                    for (int t = 0; t < n; ++t)
                    {
                        sum += rootKey.FoldIn(t).Uniform();
                    }

                    return sum;
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, new[] { InFor(0), InFor(1), InFor(2), InFor(3) }, fixedSource);
    }

    [Fact]
    public async Task Loop_in_a_preprocessor_region_keeps_the_new_declaration_inside_it()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(int n, int mode)
                {
                    double sum = 0;
                    switch (mode)
                    {
                        case 1:
            #if DEBUG
                            for (int i = 0; i < n; i++)
                            {
                                sum += {|#0:PrngKey.Create(42)|}.Uniform();
                            }
            #endif
                            break;
                    }

                    return sum;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(int n, int mode)
                {
                    double sum = 0;
                    switch (mode)
                    {
                        case 1:
            #if DEBUG
                            var rootKey = PrngKey.Create(42);
                            for (int i = 0; i < n; i++)
                            {
                                sum += rootKey.FoldIn(i).Uniform();
                            }
            #endif
                            break;
                    }

                    return sum;
                }
            }
            """;
        var test = new VerifyFix.Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.Add(InFor(0));
        test.SolutionTransforms.Add((solution, id) => solution.WithProjectParseOptions(
            id, ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)solution.GetProject(id)!.ParseOptions!).WithPreprocessorSymbols("DEBUG")));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Top_level_loop_is_fixed()
    {
        const string source = """
            using RandomPurity;

            double sum = 0;
            for (int i = 0; i < 10; i++)
            {
                sum += {|#0:PrngKey.Create(5)|}.Uniform();
            }

            System.Console.WriteLine(sum);

            """;
        const string fixedSource = """
            using RandomPurity;

            double sum = 0;
            var rootKey = PrngKey.Create(5);
            for (int i = 0; i < 10; i++)
            {
                sum += rootKey.FoldIn(i).Uniform();
            }

            System.Console.WriteLine(sum);

            """;
        var test = new VerifyFix.Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(InFor(0));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CSharp73_loop_is_fixed()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(int n)
                {
                    double sum = 0;
                    for (int i = 0; i < n; i++)
                    {
                        PrngKey k = {|#0:PrngKey.Create(42)|};
                        sum += k.Uniform();
                    }

                    return sum;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(int n)
                {
                    double sum = 0;
                    PrngKey kRoot = PrngKey.Create(42);
                    for (int i = 0; i < n; i++)
                    {
                        PrngKey k = kRoot.FoldIn(i);
                        sum += k.Uniform();
                    }

                    return sum;
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
        test.ExpectedDiagnostics.Add(InFor(0));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("int i = 0; while (i < n) { sum += {|#0:PrngKey.Create(42)|}.Uniform(); i++; }", "a 'while' loop")]
    [InlineData("int i = 0; do { sum += {|#0:PrngKey.Create(42)|}.Uniform(); i++; } while (i < n);", "a 'do' loop")]
    [InlineData("foreach (var name in names) { sum += {|#0:PrngKey.Create(42)|}.Uniform(); }", "a 'foreach' loop")]
    [InlineData("int x = 0; foreach (var name in names) { if (name.Length == 0) continue; sum += {|#0:PrngKey.Create(42)|}.Uniform(); x++; }", "a 'foreach' loop")]
    [InlineData("int x = 0; foreach (var name in names) { sum += {|#0:PrngKey.Create(42)|}.Uniform(); if (name.Length > 0) { x++; } }", "a 'foreach' loop")]
    [InlineData("long x = 0; foreach (var name in names) { sum += {|#0:PrngKey.Create(42)|}.Uniform(); x++; }", "a 'foreach' loop")]
    [InlineData("for (long i = 0; i < n; i++) { sum += {|#0:PrngKey.Create(42)|}.Uniform(); }", "a 'for' loop")]
    [InlineData("for (int i = 0; i < n;) { sum += {|#0:PrngKey.Create(42)|}.Uniform(); i++; }", "a 'for' loop")]
    [InlineData("for (int i = 0; i < n; i++) { int s = 5; sum += {|#0:PrngKey.Create(s)|}.Uniform(); }", "a 'for' loop")]
    [InlineData("if (n > 0) for (int i = 0; i < n; i++) { sum += {|#0:PrngKey.Create(42)|}.Uniform(); }", "a 'for' loop")]
    [InlineData("for (int i = 0; i < n; i++) { var t = Task.Run(() => {|#0:PrngKey.Create(42)|}.Uniform()); }", "a 'for' loop")]
    [InlineData("sum = names.Select(x => {|#0:PrngKey.Create(42)|}.Uniform()).Sum();", "a lambda")]
    [InlineData("Parallel.For(0L, (long)n, i => { var d = {|#0:PrngKey.Create(42)|}.Uniform(); });", "a lambda")]
    [InlineData("Parallel.ForEach(names, name => { var d = {|#0:PrngKey.Create(42)|}.Uniform(); });", "a lambda")]
    [InlineData("Func<double> f = delegate { return {|#0:PrngKey.Create(42)|}.Uniform(); }; sum = f();", "an anonymous method")]
    public async Task No_fix_where_nothing_per_iteration_can_be_folded_in(string body, string construct)
    {
        var source = $$"""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using RandomPurity;

            class C
            {
                double M(int n, string[] names)
                {
                    double sum = 0;
                    {{body}}
                    return sum;
                }
            }
            """;
        await VerifyFix.VerifyAnalyzerAsync(source, Unsplit(0, construct));
    }

    [Fact]
    public async Task No_fix_for_a_local_function_used_as_a_delegate()
    {
        const string source = """
            using System.Threading.Tasks;
            using RandomPurity;

            static class Work
            {
                public static void Run(int n)
                {
                    Parallel.For(0, n, Body);

                    void Body(int i)
                    {
                        var x = {|#0:PrngKey.Create(42)|}.Uniform();
                    }
                }
            }
            """;
        await VerifyFix.VerifyAnalyzerAsync(source, Unsplit(0, "a local function used as a delegate"));
    }
}
