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
}
