using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.CodeFixes;
using Xunit;
using Test = RandomPurity.Analyzers.Tests.KeyRenewalTest<RandomPurity.CodeFixes.KeyReuseCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests;

public sealed class KeyReuseCodeFixTests
{
    private const string Consumed = "it was already consumed";

    [Fact]
    public async Task Second_use_gets_the_renewed_key_and_the_first_a_subkey()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var a = {|#1:key|}.Uniform();
                    var b = {|#0:key|}.Normal();
                    return a + b;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    var a = sub.Uniform();
                    var b = key.Normal();
                    return a + b;
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed)).RunAsync();
    }

    [Fact]
    public async Task Third_use_is_renewed_in_a_second_round_and_fix_all_does_both_at_once()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var a = {|#1:key|}.Uniform();
                    var b = {|#0:key|}.Normal();
                    var c = {|#2:key|}.Exponential();
                    return a + b + c;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    var a = sub.Uniform();
                    (key, var sub2) = key.Split();
                    var b = sub2.Normal();
                    var c = key.Exponential();
                    return a + b + c;
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed), Test.Reuse("key", Consumed, site: 2)).RunAsync();
    }

    [Fact]
    public async Task Csharp_7_3_declares_the_subkey_before_the_deconstruction()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var a = {|#1:key|}.Uniform();
                    var b = {|#0:key|}.Normal();
                    return a + b;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    PrngKey sub;
                    (key, sub) = key.Split();
                    var a = sub.Uniform();
                    var b = key.Normal();
                    return a + b;
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed)) { LanguageVersion = LanguageVersion.CSharp7_3 }.RunAsync();
    }

    [Fact]
    public async Task Csharp_7_3_adds_the_using_directive_when_PrngKey_is_not_imported()
    {
        const string source = """
            class C
            {
                double M(RandomPurity.PrngKey key)
                {
                    var a = {|#1:key|}.Uniform();
                    return a + {|#0:key|}.Normal();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(RandomPurity.PrngKey key)
                {
                    PrngKey sub;
                    (key, sub) = key.Split();
                    var a = sub.Uniform();
                    return a + key.Normal();
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed)) { LanguageVersion = LanguageVersion.CSharp7_3 }.RunAsync();
    }

    [Fact]
    public async Task Existing_sub_names_are_not_reused()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                int sub2;

                double M(PrngKey key, double sub)
                {
                    var a = {|#1:key|}.Uniform() + sub + sub2;
                    var b = {|#0:key|}.Normal();
                    return a + b;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                int sub2;

                double M(PrngKey key, double sub)
                {
                    (key, var sub3) = key.Split();
                    var a = sub3.Uniform() + sub + sub2;
                    var b = key.Normal();
                    return a + b;
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed)).RunAsync();
    }

    [Fact]
    public async Task Comments_and_blank_lines_stay_in_front_of_the_first_use()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    double total = 0;

                    // the offset
                    var a = {|#1:key|}.Uniform(); // trailing note
                    var b = {|#0:key|}.Normal();
                    return total + a + b;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    double total = 0;

                    // the offset
                    (key, var sub) = key.Split();
                    var a = sub.Uniform(); // trailing note
                    var b = key.Normal();
                    return total + a + b;
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed)).RunAsync();
    }

    [Fact]
    public async Task Use_after_split_renews_the_key_before_the_split()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var (x, y) = {|#1:key|}.Split();
                    return x.Uniform() + y.Uniform() + {|#0:key|}.Normal();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    var (x, y) = sub.Split();
                    return x.Uniform() + y.Uniform() + key.Normal();
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", "it is used after Split")).RunAsync();
    }

    [Fact]
    public async Task Two_uses_in_one_statement()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key) 
                {
                    return {|#1:key|}.Uniform() * {|#0:key|}.Normal();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key) 
                {
                    (key, var sub) = key.Split();
                    return sub.Uniform() * key.Normal();
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed)).RunAsync();
    }

    [Fact]
    public async Task First_use_on_one_branch_is_renewed_on_that_branch()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key, bool flag)
                {
                    double a = 0;
                    if (flag)
                        a = {|#1:key|}.Uniform();
                    return a + {|#0:key|}.Normal();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key, bool flag)
                {
                    double a = 0;
                    if (flag)
                    {
                        (key, var sub) = key.Split();
                        a = sub.Uniform();
                    }
                    return a + key.Normal();
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", "it may already have been consumed on another path")).RunAsync();
    }

    [Fact]
    public async Task Both_branches_consumed_renews_both_in_one_fix()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key, bool flag)
                {
                    double a;
                    if (flag)
                    {
                        a = {|#1:key|}.Uniform();
                    }
                    else
                    {
                        a = key.Exponential();
                    }

                    return a + {|#0:key|}.Normal();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key, bool flag)
                {
                    double a;
                    if (flag)
                    {
                        (key, var sub) = key.Split();
                        a = sub.Uniform();
                    }
                    else
                    {
                        (key, var sub2) = key.Split();
                        a = sub2.Exponential();
                    }

                    return a + key.Normal();
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed)).RunAsync();
    }

    [Fact]
    public async Task Use_in_a_loop_body_is_renewed_on_every_iteration()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key, int n)
                {
                    double sum = 0;
                    for (var i = 0; i < n; i++)
                        sum += {|#0:key|}.Uniform();
                    return sum;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key, int n)
                {
                    double sum = 0;
                    for (var i = 0; i < n; i++)
                    {
                        (key, var sub) = key.Split();
                        sum += sub.Uniform();
                    }
                    return sum;
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", "it was consumed in an earlier iteration of the loop and is not renewed in the body", first: 0)).RunAsync();
    }

    [Fact]
    public async Task Fold_in_parent_in_a_loop_is_split_before_the_loop()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key, int n)
                {
                    double sum = 0;
                    for (var i = 0; i < n; i++)
                    {
                        sum += {|#1:key|}.FoldIn(i).Uniform();
                    }

                    return sum + {|#0:key|}.Normal();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key, int n)
                {
                    double sum = 0;
                    (key, var sub) = key.Split();
                    for (var i = 0; i < n; i++)
                    {
                        sum += sub.FoldIn(i).Uniform();
                    }

                    return sum + key.Normal();
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", "it is a fold-in parent and is also consumed")).RunAsync();
    }

    [Fact]
    public async Task Preprocessor_regions_stay_intact()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    double a = 0;
            #if DEBUG
                    a = {|#1:key|}.Uniform();
            #endif
                    return a + {|#0:key|}.Normal();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    double a = 0;
            #if DEBUG
                    (key, var sub) = key.Split();
                    a = sub.Uniform();
            #endif
                    return a + key.Normal();
                }
            }
            """;
        var test = new Test(source, fixedSource, Test.Reuse("key", Consumed));
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)project.ParseOptions!;
            return solution.WithProjectParseOptions(projectId, options.WithPreprocessorSymbols("DEBUG"));
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task Local_declared_in_top_level_statements()
    {
        const string source = """
            using RandomPurity;

            var key = PrngKey.Create(7);
            var a = {|#1:key|}.Uniform();
            System.Console.WriteLine(a + {|#0:key|}.Normal());
            """;
        const string fixedSource = """
            using RandomPurity;

            var key = PrngKey.Create(7);
            (key, var sub) = key.Split();
            var a = sub.Uniform();
            System.Console.WriteLine(a + key.Normal());
            """;
        var test = new Test(source, fixedSource, Test.Reuse("key", Consumed));
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_in_document_fixes_every_method()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key) => N({|#1:key|}) + {|#0:key|}.Normal();

                double N(PrngKey key)
                {
                    var a = {|#3:key|}.Uniform();
                    return a + {|#2:key|}.Normal();
                }

                double O(PrngKey seed)
                {
                    var a = {|#5:seed|}.Uniform();
                    return a + {|#4:seed|}.Normal();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    return N(sub) + key.Normal();
                }

                double N(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    var a = sub.Uniform();
                    return a + key.Normal();
                }

                double O(PrngKey seed)
                {
                    (seed, var sub) = seed.Split();
                    var a = sub.Uniform();
                    return a + seed.Normal();
                }
            }
            """;
        var test = new Test(source, fixedSource,
            Test.Reuse("key", Consumed),
            Test.Reuse("key", Consumed, site: 2, first: 3),
            Test.Reuse("seed", Consumed, site: 4, first: 5));
        await test.RunAsync();
    }

    [Fact]
    public async Task In_parameter_gets_no_fix()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(in PrngKey key)
                {
                    var a = {|#1:key|}.Uniform();
                    return a + {|#0:key|}.Normal();
                }
            }
            """;
        await new Test(source, source, Test.Reuse("key", Consumed)).RunAsync();
    }

    [Fact]
    public async Task Foreach_variable_gets_no_fix()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey[] keys)
                {
                    double sum = 0;
                    foreach (var key in keys)
                    {
                        sum += {|#1:key|}.Uniform();
                        sum += {|#0:key|}.Normal();
                    }

                    return sum;
                }
            }
            """;
        await new Test(source, source, Test.Reuse("key", Consumed)).RunAsync();
    }

    [Fact]
    public async Task Expression_bodied_method_becomes_a_block_that_splits_first()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                // Two draws.
                double M(PrngKey key) => {|#1:key|}.Uniform() + {|#0:key|}.Normal(); // trailing

                double N() => 1;
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                // Two draws.
                double M(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    return sub.Uniform() + key.Normal();
                } // trailing

                double N() => 1;
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed)).RunAsync();
    }

    [Fact]
    public async Task Expression_bodied_void_members_evaluate_the_expression_after_the_split()
    {
        const string source = """
            using System.Threading.Tasks;
            using RandomPurity;

            class C
            {
                private double _a, _b;

                C(PrngKey key) => (_a, _b) = ({|#1:key|}.Uniform(), {|#0:key|}.Normal());

                void Set(PrngKey key) => (_a, _b) = ({|#3:key|}.Uniform(), {|#2:key|}.Normal());

                async Task SetLater(PrngKey key) => await Store({|#5:key|}.Uniform() + {|#4:key|}.Normal());

                Task Store(double value) => Task.CompletedTask;
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using RandomPurity;

            class C
            {
                private double _a, _b;

                C(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    (_a, _b) = (sub.Uniform(), key.Normal());
                }

                void Set(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    (_a, _b) = (sub.Uniform(), key.Normal());
                }

                async Task SetLater(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    await Store(sub.Uniform() + key.Normal());
                }

                Task Store(double value) => Task.CompletedTask;
            }
            """;
        await new Test(source, fixedSource,
            Test.Reuse("key", Consumed),
            Test.Reuse("key", Consumed, site: 2, first: 3),
            Test.Reuse("key", Consumed, site: 4, first: 5)).RunAsync();
    }

    [Fact]
    public async Task Expression_bodied_local_function_and_async_result_return_the_expression()
    {
        const string source = """
            using System.Threading.Tasks;
            using RandomPurity;

            class C
            {
                double M(PrngKey seed)
                {
                    return Draw(seed.FoldIn(1));

                    double Draw(PrngKey key) => {|#1:key|}.Uniform() * {|#0:key|}.Normal();
                }

                async Task<double> Later(PrngKey key) => await Task.FromResult({|#3:key|}.Uniform()) + {|#2:key|}.Normal();
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using RandomPurity;

            class C
            {
                double M(PrngKey seed)
                {
                    return Draw(seed.FoldIn(1));

                    double Draw(PrngKey key)
                    {
                        (key, var sub) = key.Split();
                        return sub.Uniform() * key.Normal();
                    }
                }

                async Task<double> Later(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    return await Task.FromResult(sub.Uniform()) + key.Normal();
                }
            }
            """;
        await new Test(source, fixedSource,
            Test.Reuse("key", Consumed),
            Test.Reuse("key", Consumed, site: 2, first: 3)).RunAsync();
    }

    [Fact]
    public async Task Expression_bodied_member_with_three_uses_is_renewed_in_two_rounds_on_Csharp_7_3()
    {
        const string source = """
            namespace App
            {
                class C
                {
                    double M(RandomPurity.PrngKey key) => {|#1:key|}.Uniform() + {|#0:key|}.Normal() + {|#2:key|}.Exponential();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            namespace App
            {
                class C
                {
                    double M(RandomPurity.PrngKey key)
                    {
                        PrngKey sub;
                        (key, sub) = key.Split();
                        PrngKey sub2;
                        (key, sub2) = key.Split();
                        return sub.Uniform() + sub2.Normal() + key.Exponential();
                    }
                }
            }
            """;
        var test = new Test(source, fixedSource, Test.Reuse("key", Consumed), Test.Reuse("key", Consumed, site: 2)) { LanguageVersion = LanguageVersion.CSharp7_3 };
        await test.RunAsync();
    }

    [Fact]
    public async Task Expression_bodied_lambda_renews_its_own_parameter_but_not_a_captured_key()
    {
        const string source = """
            using System;
            using System.Linq;
            using RandomPurity;

            class C
            {
                Func<PrngKey, double> F = key => {|#1:key|}.Uniform() + {|#0:key|}.Normal();

                Action<PrngKey> G = key => Console.WriteLine({|#3:key|}.Uniform() + {|#2:key|}.Normal());

                double H(PrngKey outer)
                {
                    return Local();

                    double Local() => {|#5:outer|}.Uniform() + {|#4:outer|}.Normal();
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Linq;
            using RandomPurity;

            class C
            {
                Func<PrngKey, double> F = key =>
                {
                    (key, var sub) = key.Split();
                    return sub.Uniform() + key.Normal();
                };

                Action<PrngKey> G = key =>
                {
                    (key, var sub) = key.Split();
                    Console.WriteLine(sub.Uniform() + key.Normal());
                };

                double H(PrngKey outer)
                {
                    return Local();

                    double Local() => {|#5:outer|}.Uniform() + {|#4:outer|}.Normal();
                }
            }
            """;

        // The captured key belongs to H, not to Local: a split at Local's start would not renew it for H's later uses.
        var test = new Test(source, fixedSource,
            Test.Reuse("key", Consumed),
            Test.Reuse("key", Consumed, site: 2, first: 3),
            Test.Reuse("outer", Consumed, site: 4, first: 5));
        test.FixedState.ExpectedDiagnostics.Add(Test.Reuse("outer", Consumed, site: 4, first: 5));
        await test.RunAsync();
    }

    [Fact]
    public async Task First_use_through_a_copy_gets_no_fix()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var copy = key;
                    var a = {|#1:copy|}.Uniform();
                    return a + {|#0:key|}.Normal();
                }
            }
            """;
        await new Test(source, source, Test.Reuse("key", Consumed)).RunAsync();
    }

    [Fact]
    public async Task First_use_in_a_loop_condition_gets_no_fix()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                int M(PrngKey key)
                {
                    var n = 0;
                    while ({|#0:key|}.Uniform() < 0.5)
                    {
                        n++;
                    }

                    return n;
                }
            }
            """;
        await new Test(source, source, Test.Reuse("key", "it was consumed in an earlier iteration of the loop and is not renewed in the body", first: 0)).RunAsync();
    }
    [Fact]
    public async Task Await_and_try_finally_follow_the_real_control_flow()
    {
        const string source = """
            using System.Threading.Tasks;
            using RandomPurity;

            class C
            {
                async Task<double> M(PrngKey key)
                {
                    double a = 0, b = 0;
                    try
                    {
                        a = await Task.FromResult({|#1:key|}.Uniform());
                    }
                    finally
                    {
                        b = {|#0:key|}.Normal();
                    }

                    return a + b;
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using RandomPurity;

            class C
            {
                async Task<double> M(PrngKey key)
                {
                    double a = 0, b = 0;
                    try
                    {
                        (key, var sub) = key.Split();
                        a = await Task.FromResult(sub.Uniform());
                    }
                    finally
                    {
                        b = key.Normal();
                    }

                    return a + b;
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", "it may already have been consumed on another path")).RunAsync();
    }

    [Fact]
    public async Task Switch_section_gets_the_split_in_the_section()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key, int mode)
                {
                    switch (mode)
                    {
                        case 1:
                            var a = {|#1:key|}.Uniform();
                            return a + {|#0:key|}.Normal();
                        default:
                            return key.Exponential();
                    }
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key, int mode)
                {
                    switch (mode)
                    {
                        case 1:
                            (key, var sub) = key.Split();
                            var a = sub.Uniform();
                            return a + key.Normal();
                        default:
                            return key.Exponential();
                    }
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed)).RunAsync();
    }
    [Fact]
    public async Task Member_that_does_not_compile_gets_no_fix()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var a = {|#1:key|}.Uniform();
                    return a + {|#0:key|}.Normal() + {|#2:missing|};
                }
            }
            """;
        await new Test(source, source, Test.Reuse("key", Consumed), DiagnosticResult.CompilerError("CS0103").WithLocation(2).WithArguments("missing")).RunAsync();
    }
}
