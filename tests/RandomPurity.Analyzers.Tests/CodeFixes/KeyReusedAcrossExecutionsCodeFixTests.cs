using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = RandomPurity.Analyzers.Tests.KeyRenewalTest<RandomPurity.CodeFixes.KeyReusedAcrossExecutionsCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests;

public sealed class KeyReusedAcrossExecutionsCodeFixTests
{
    private static DiagnosticResult PassedTo(string method, string key = "key", int site = 0) =>
        Test.AcrossExecutions(key, $"a lambda passed to '{method}', which may run it more than once", site);

    private static DiagnosticResult Member(string member, string key = "_key", int site = 0) =>
        Test.AcrossExecutions(key, $"member '{member}', which does not renew it", site);

    [Fact]
    public async Task Range_value_is_folded_in()
    {
        const string source = """
            using System.Linq;
            using RandomPurity;

            class C
            {
                double[] M(PrngKey key, int n) => Enumerable.Range(0, n).Select(i => {|#0:key|}.Uniform()).ToArray();
            }
            """;
        const string fixedSource = """
            using System.Linq;
            using RandomPurity;

            class C
            {
                double[] M(PrngKey key, int n) => Enumerable.Range(0, n).Select(i => key.FoldIn(i).Uniform()).ToArray();
            }
            """;
        await new Test(source, fixedSource, PassedTo("Select")).RunAsync();
    }

    [Fact]
    public async Task Select_gets_the_indexed_overload()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class C
            {
                List<double> M(PrngKey key, List<double> items, int index)
                {
                    return items.Select(x => x * {|#0:key|}.Uniform() + index).ToList();
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class C
            {
                List<double> M(PrngKey key, List<double> items, int index)
                {
                    return items.Select((x, index2) => x * key.FoldIn(index2).Uniform() + index).ToList();
                }
            }
            """;
        await new Test(source, fixedSource, PassedTo("Select")).RunAsync();
    }

    [Fact]
    public async Task Where_with_an_index_parameter_folds_it_in()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class C
            {
                List<double> M(PrngKey key, List<double> items) =>
                    items.Where((x, i) => {|#0:key|}.Bernoulli(0.5)).ToList();
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class C
            {
                List<double> M(PrngKey key, List<double> items) =>
                    items.Where((x, i) => key.FoldIn(i).Bernoulli(0.5)).ToList();
            }
            """;
        await new Test(source, fixedSource, PassedTo("Where")).RunAsync();
    }

    [Fact]
    public async Task Parallel_for_folds_in_its_index()
    {
        const string source = """
            using System.Threading.Tasks;
            using RandomPurity;

            class C
            {
                void M(PrngKey key, double[] values)
                {
                    Parallel.For(0, values.Length, i =>
                    {
                        values[i] = {|#0:key|}.Normal();
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using RandomPurity;

            class C
            {
                void M(PrngKey key, double[] values)
                {
                    Parallel.For(0, values.Length, i =>
                    {
                        values[i] = key.FoldIn(i).Normal();
                    });
                }
            }
            """;
        await new Test(source, fixedSource, PassedTo("For")).RunAsync();
    }

    [Fact]
    public async Task List_foreach_splits_inside()
    {
        const string source = """
            using System.Collections.Generic;
            using RandomPurity;

            class C
            {
                void M(PrngKey key, List<int> items, List<double> output)
                {
                    items.ForEach(x =>
                    {
                        // one draw per item
                        output.Add(x * {|#0:key|}.Uniform());
                    });
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using RandomPurity;

            class C
            {
                void M(PrngKey key, List<int> items, List<double> output)
                {
                    items.ForEach(x =>
                    {
                        // one draw per item
                        (key, var sub) = key.Split();
                        output.Add(x * sub.Uniform());
                    });
                }
            }
            """;
        await new Test(source, fixedSource, PassedTo("ForEach")).RunAsync();
    }

    [Fact]
    public async Task Expression_lambda_with_two_draws_gets_a_block_and_two_subkeys()
    {
        const string source = """
            using System.Linq;
            using RandomPurity;

            class C
            {
                double[] M(PrngKey key, int n) => Enumerable.Range(0, n).Select(i => {|#0:key|}.Uniform() + {|#1:key|}.Normal()).ToArray();
            }
            """;
        const string fixedSource = """
            using System.Linq;
            using RandomPurity;

            class C
            {
                double[] M(PrngKey key, int n) => Enumerable.Range(0, n).Select(i =>
                {
                    (key, var sub) = key.Split();
                    (key, var sub2) = key.Split();
                    return sub.Uniform() + sub2.Normal();
                }).ToArray();
            }
            """;
        await new Test(source, fixedSource, PassedTo("Select"), PassedTo("Select", site: 1), Test.Reuse("key", "it was already consumed", site: 1, first: 0)).ExpectingCleanFixedCode().RunAsync();
    }
    [Fact]
    public async Task Key_also_used_outside_the_lambda_gets_a_dedicated_key()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class C
            {
                double M(PrngKey key, List<double> items)
                {
                    var scaled = items.Select(x => x * {|#0:key|}.Uniform()).ToList();
                    return scaled.Sum() + {|#1:key|}.Normal();
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class C
            {
                double M(PrngKey key, List<double> items)
                {
                    (key, var lambdaKey) = key.Split();
                    var scaled = items.Select((x, index) => x * lambdaKey.FoldIn(index).Uniform()).ToList();
                    return scaled.Sum() + key.Normal();
                }
            }
            """;
        await new Test(source, fixedSource, PassedTo("Select"), Test.Reuse("key", "it was already consumed", site: 1, first: 0)).ExpectingCleanFixedCode().RunAsync();
    }

    [Fact]
    public async Task Local_function_called_twice_splits_inside()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var a = Next();
                    var b = Next();
                    return a + b;

                    double Next() => {|#0:key|}.Uniform();
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var a = Next();
                    var b = Next();
                    return a + b;

                    double Next()
                    {
                        (key, var sub) = key.Split();
                        return sub.Uniform();
                    }
                }
            }
            """;
        await new Test(source, fixedSource, Test.AcrossExecutions("key", "local function 'Next', which is called more than once")).RunAsync();
    }

    [Fact]
    public async Task Field_is_renewed_by_the_member_that_consumes_it()
    {
        const string source = """
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key = PrngKey.Create(42);

                public double Next() => {|#0:_key|}.Uniform();
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key = PrngKey.Create(42);

                public double Next()
                {
                    (_key, var sub) = _key.Split();
                    return sub.Uniform();
                }
            }
            """;
        await new Test(source, fixedSource, Member("Next")).RunAsync();
    }

    [Fact]
    public async Task Field_in_a_block_body_csharp_7_3()
    {
        const string source = """
            using RandomPurity;

            class Sampler
            {
                private static PrngKey s_key = PrngKey.Create(42);

                public static void Fill(double[] values)
                {
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = {|#0:s_key|}.Normal();
                    }
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class Sampler
            {
                private static PrngKey s_key = PrngKey.Create(42);

                public static void Fill(double[] values)
                {
                    for (var i = 0; i < values.Length; i++)
                    {
                        PrngKey sub;
                        (s_key, sub) = s_key.Split();
                        values[i] = sub.Normal();
                    }
                }
            }
            """;
        await new Test(source, fixedSource, Member("Fill", "s_key")) { LanguageVersion = LanguageVersion.CSharp7_3 }.RunAsync();
    }

    [Fact]
    public async Task Field_through_this_keeps_the_qualification()
    {
        const string source = """
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key = PrngKey.Create(42);

                public PrngKey Child()
                {
                    return {|#0:this._key|}.Split().First;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key = PrngKey.Create(42);

                public PrngKey Child()
                {
                    (this._key, var sub) = this._key.Split();
                    return sub.Split().First;
                }
            }
            """;
        await new Test(source, fixedSource, Member("Child")).RunAsync();
    }

    [Fact]
    public async Task Fix_all_in_document_fixes_every_function()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key = PrngKey.Create(42);

                public double Next() => {|#0:_key|}.Uniform() + {|#1:_key|}.Normal();

                public List<double> Many(PrngKey key, List<double> items) => items.Select(x => {|#2:key|}.Uniform()).ToList();
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key = PrngKey.Create(42);

                public double Next()
                {
                    (_key, var sub) = _key.Split();
                    (_key, var sub2) = _key.Split();
                    return sub.Uniform() + sub2.Normal();
                }

                public List<double> Many(PrngKey key, List<double> items) => items.Select((x, index) => key.FoldIn(index).Uniform()).ToList();
            }
            """;
        await new Test(source, fixedSource, Member("Next"), Member("Next", site: 1), PassedTo("Select", site: 2)).RunAsync();
    }

    [Fact]
    public async Task Readonly_field_gets_no_fix()
    {
        const string source = """
            using RandomPurity;

            class Sampler
            {
                private readonly PrngKey _key = PrngKey.Create(42);

                public double Next() => {|#0:_key|}.Uniform();
            }
            """;
        await new Test(source, source, Member("Next")).RunAsync();
    }

    [Fact]
    public async Task Struct_field_gets_no_fix()
    {
        const string source = """
            using RandomPurity;

            struct Sampler
            {
                private PrngKey _key;

                public Sampler(PrngKey key) { _key = key; }

                public double Next() => {|#0:_key|}.Uniform();
            }
            """;
        await new Test(source, source, Member("Next")).RunAsync();
    }

    [Fact]
    public async Task Parallel_foreach_gets_no_split_inside()
    {
        const string source = """
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using RandomPurity;

            class C
            {
                void M(PrngKey key, List<int> items, ConcurrentBag<double> output)
                {
                    Parallel.ForEach(items, x => output.Add(x * {|#0:key|}.Uniform()));
                }
            }
            """;
        await new Test(source, source, PassedTo("ForEach")).RunAsync();
    }

    [Fact]
    public async Task Lambda_inside_an_expression_tree_gets_no_fix()
    {
        const string source = """
            using System;
            using System.Linq.Expressions;
            using RandomPurity;

            class C
            {
                Expression<Func<int, uint>> M(PrngKey key) => x => {|#0:key|}.Bits32();
            }
            """;
        await new Test(source, source, Test.AcrossExecutions("key", "a lambda that is stored, returned or subscribed, which may run more than once")).RunAsync();
    }

    [Fact]
    public async Task Local_function_sharing_the_key_with_its_body_gets_no_fix()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var a = {|#1:Next()|} + Next();
                    return a + {|#2:key|}.Normal();

                    double Next() => {|#0:key|}.Uniform();
                }
            }
            """;
        await new Test(source, source, Test.AcrossExecutions("key", "local function 'Next', which is called more than once"), Test.Reuse("key", "it was already consumed", site: 2, first: 1)).RunAsync();
    }
    [Fact]
    public async Task Lambda_created_in_a_loop_folds_into_a_key_dedicated_to_each_iteration()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class C
            {
                List<double[]> M(PrngKey key, int rows, int n)
                {
                    var result = new List<double[]>();
                    for (var row = 0; row < rows; row++)
                    {
                        result.Add(Enumerable.Range(0, n).Select(i => {|#0:key|}.Uniform()).ToArray());
                    }

                    return result;
                }
            }
            """;
        const string fixedSource = """
            using System.Collections.Generic;
            using System.Linq;
            using RandomPurity;

            class C
            {
                List<double[]> M(PrngKey key, int rows, int n)
                {
                    var result = new List<double[]>();
                    for (var row = 0; row < rows; row++)
                    {
                        (key, var lambdaKey) = key.Split();
                        result.Add(Enumerable.Range(0, n).Select(i => lambdaKey.FoldIn(i).Uniform()).ToArray());
                    }

                    return result;
                }
            }
            """;
        await new Test(source, fixedSource, PassedTo("Select"),
            Test.Reuse("key", "it was consumed in an earlier iteration of the loop and is not renewed in the body", first: 0)).ExpectingCleanFixedCode().RunAsync();
    }
}
