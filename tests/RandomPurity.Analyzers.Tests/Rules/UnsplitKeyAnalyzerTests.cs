using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.UnsplitKeyAnalyzer>;

namespace RandomPurity.Analyzers.Tests;

public sealed class UnsplitKeyAnalyzerTests
{
    private const string ForLoop = "a 'for' loop";

    private static DiagnosticResult Unsplit(int location, string construct) =>
        VerifyCS.Diagnostic(Descriptors.UnsplitKeyInLoop).WithLocation(location).WithArguments(construct);

    /// <summary>A method body inside a class with the usual usings, a seed field and a key-consuming helper.</summary>
    private static string InMethod(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using RandomPurity;

        class C
        {
            private const int Seed = 42;
            private readonly int _seed = 7;
            private int SeedProperty { get; } = 9;

            static double Simulate(PrngKey key) => key.Uniform();

            static int NextSeed() => 3;

            double M(int n, int seed, string[] names, List<PrngKey> keys, PrngKey[] slots)
            {
                double sum = 0;
        {{body}}
                return sum;
            }
        }
        """;

    [Theory]
    [InlineData("for (int i = 0; i < n; i++) { var k = {|#0:PrngKey.Create(42)|}; sum += k.Uniform(); }", ForLoop)]
    [InlineData("foreach (var name in names) { sum += {|#0:PrngKey.Create(seed)|}.Normal(); }", "a 'foreach' loop")]
    [InlineData("int i = 0; while (i < n) { sum += {|#0:PrngKey.Create(Seed)|}.Uniform(); i++; }", "a 'while' loop")]
    [InlineData("int i = 0; do { sum += {|#0:PrngKey.FromWords(1u, 2u)|}.Uniform(); i++; } while (i < n);", "a 'do' loop")]
    public async Task Key_created_from_an_invariant_seed_in_a_loop_and_drawn_from_is_reported(string body, string construct)
    {
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body), Unsplit(0, construct));
    }

    [Theory]
    [InlineData("for (int i = 0; i < n; i++) { var k = PrngKey.Create(i); sum += k.Uniform(); }")]
    [InlineData("foreach (var name in names) { sum += PrngKey.Create(name.Length).Normal(); }")]
    [InlineData("int i = 0; while (i < n) { sum += PrngKey.Create(i).Uniform(); i++; }")]
    [InlineData("int i = 0; do { sum += PrngKey.FromWords(1u, (uint)i).Uniform(); i++; } while (i < n);")]
    [InlineData("for (int i = 0; i < n; i++) { sum += PrngKey.Create(seed + i).Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { sum += PrngKey.Create(slots.Length, i % 2 == 0 ? PrngImpl.Threefry2x32 : PrngImpl.Threefry2x32Legacy).Uniform(); }")]
    public async Task Key_created_from_a_seed_that_varies_per_iteration_is_silent(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body));
    }

    [Theory]
    [InlineData("for (int i = 0; i < n; i++) { sum += {|#0:PrngKey.Create(_seed)|}.Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { sum += {|#0:PrngKey.Create(SeedProperty)|}.Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { sum += {|#0:PrngKey.Create(this._seed * 2 + Seed)|}.Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { int local = 5; sum += {|#0:PrngKey.Create(local)|}.Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { sum += {|#0:PrngKey.Create((long)seed)|}.Uniform(); }")]
    public async Task Fields_properties_constants_and_invariant_locals_are_invariant_seeds(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body), Unsplit(0, ForLoop));
    }

    [Theory]
    [InlineData("for (int i = 0; i < n; i++) { sum += PrngKey.Create(NextSeed()).Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { sum += PrngKey.Create(Environment.TickCount).Uniform(); }")]
    [InlineData("int s = 0; for (int i = 0; i < n; i++) { s += 3; sum += PrngKey.Create(s).Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { int local = i * 2; sum += PrngKey.Create(local).Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { if (int.TryParse(names[i], out var parsed)) sum += PrngKey.Create(parsed).Uniform(); }")]
    public async Task Calls_ambient_state_and_values_written_in_the_loop_are_treated_as_varying(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body));
    }

    [Theory]
    [InlineData("for (int i = 0; i < n; i++) { sum += {|#0:PrngKey.Create(42)|}.FoldIn(1).Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { var root = {|#0:PrngKey.Create(42)|}; var k = root.FoldIn(Seed); sum += k.Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { var (a, b) = {|#0:PrngKey.Create(42)|}.Split(); sum += a.Uniform() + b.Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { sum += Simulate({|#0:PrngKey.Create(42)|}); }")]
    [InlineData("for (int i = 0; i < n; i++) { var prng = new StatefulPrng({|#0:PrngKey.Create(42)|}); }")]
    [InlineData("for (int i = 0; i < n; i++) { sum += {|#0:PrngKey.Create(42)|}.Clone().Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { var r = {|#0:PrngKey.Create(42)|}.AsRandom(); sum += r.NextDouble(); }")]
    [InlineData("for (int i = 0; i < n; i++) { sum += {|#0:PrngKey.Create(42)|}.Permutation(5)[0]; }")]
    [InlineData("PrngKey k; for (int i = 0; i < n; i++) { k = {|#0:PrngKey.Create(42)|}; sum += k.Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { var k = {|#0:PrngKey.Create(42)|}; (k, var sub) = k.Split(); sum += sub.Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { var k = i > 100 ? {|#0:PrngKey.Create(1)|} : {|#1:PrngKey.Create(2)|}; sum += k.Uniform(); }")]
    public async Task Every_way_of_consuming_without_a_varying_fold_in_is_reported(string body)
    {
        var expected = body.Contains("#1") ? new[] { Unsplit(0, ForLoop), Unsplit(1, ForLoop) } : new[] { Unsplit(0, ForLoop) };
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body), expected);
    }

    [Theory]
    [InlineData("for (int i = 0; i < n; i++) { sum += PrngKey.Create(42).FoldIn(i).Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { var root = PrngKey.Create(42); var k = root.FoldIn(i); sum += k.Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { var k = PrngKey.Create(42); k = k.FoldIn(i); sum += k.Uniform(); }")]
    [InlineData("foreach (var name in names) { sum += PrngKey.Create(42).FoldIn(name.Length).FoldIn(2).Uniform(); }")]
    [InlineData("for (int i = 0; i < n; i++) { sum += PrngKey.Create(42).FoldIn(1).FoldIn(i).Uniform(); }")]
    public async Task Folding_in_the_iteration_variable_before_drawing_is_silent(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body));
    }

    [Theory]
    [InlineData("for (int i = 0; i < n; i++) { keys.Add(PrngKey.Create(42)); }")]
    [InlineData("for (int i = 0; i < n; i++) { slots[i] = PrngKey.Create(42); }")]
    [InlineData("for (int i = 0; i < n; i++) { if (i == n - 1) return PrngKey.Create(42).Word0; }")]
    [InlineData("for (int i = 0; i < n; i++) { object boxed = PrngKey.Create(42); }")]
    [InlineData("for (int i = 0; i < n; i++) { var text = PrngKey.Create(42).ToString(); }")]
    [InlineData("for (int i = 0; i < n; i++) { var same = PrngKey.Create(42) == slots[0]; }")]
    [InlineData("for (int i = 0; i < n; i++) { var pair = (PrngKey.Create(42), i); }")]
    [InlineData("PrngKey k = default; for (int i = 0; i < n; i++) { k = PrngKey.Create(42); } sum += k.Uniform();")]
    public async Task Key_only_stored_returned_or_inspected_is_silent(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body));
    }

    [Theory]
    [InlineData("for (var k = PrngKey.Create(1); sum < 1; k = k.FoldIn(1)) { sum += k.FoldIn((int)sum).Uniform(); }")]
    [InlineData("foreach (var p in PrngKey.Create(42).Permutation(n)) { sum += p; }")]
    [InlineData("var root = PrngKey.Create(42); for (int i = 0; i < n; i++) { sum += root.Uniform(); }")]
    public async Task Key_created_where_the_loop_runs_it_once_is_silent(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body));
    }

    [Theory]
    [InlineData("Parallel.For(0, n, i => { sum += {|#0:PrngKey.Create(42)|}.Uniform(); });", "a lambda")]
    [InlineData("sum = names.Select(x => {|#0:PrngKey.Create(Seed)|}.Uniform()).Sum();", "a lambda")]
    [InlineData("sum = names.Select(delegate (string x) { return {|#0:PrngKey.Create(Seed)|}.Uniform(); }).Sum();", "an anonymous method")]
    [InlineData("Func<double> draw = () => {|#0:PrngKey.Create(seed)|}.Uniform(); sum = draw() + draw();", "a lambda")]
    public async Task Key_created_in_a_delegate_from_an_invariant_seed_is_reported(string body, string construct)
    {
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body), Unsplit(0, construct));
    }

    [Theory]
    [InlineData("Parallel.For(0, n, i => { var x = PrngKey.Create(42).FoldIn(i).Uniform(); });")]
    [InlineData("Parallel.For(0, n, i => { var k = PrngKey.Create(i); var x = k.Uniform(); });")]
    [InlineData("sum = names.Select((x, i) => PrngKey.Create(Seed).FoldIn(i).Uniform()).Sum();")]
    [InlineData("var created = names.Select(x => PrngKey.Create(Seed)).ToList();")]
    [InlineData("var t = Task.Run(() => PrngKey.Create(42).Uniform());")]
    [InlineData("var t = Task.Factory.StartNew(() => PrngKey.Create(42).Uniform());")]
    [InlineData("var lazy = new Lazy<double>(() => PrngKey.Create(42).Uniform());")]
    public async Task Delegate_with_a_varying_fold_in_or_run_once_is_silent(string body)
    {
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body));
    }

    [Fact]
    public async Task Parallel_For_that_folds_in_the_index_is_silent()
    {
        const string source = """
            using System.Threading.Tasks;
            using RandomPurity;

            static class Work
            {
                public static void Run(double[] results)
                {
                    Parallel.For(0, results.Length, i => results[i] = PrngKey.Create(42).FoldIn(i).Uniform());
                    Parallel.For(0, results.Length, i => results[i] = {|#0:PrngKey.Create(42)|}.Uniform());
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Unsplit(0, "a lambda"));
    }

    [Fact]
    public async Task Run_once_delegate_inside_a_loop_is_reported_for_the_loop()
    {
        var body = "var tasks = new List<Task<double>>(); for (int i = 0; i < n; i++) { tasks.Add(Task.Run(() => Simulate({|#0:PrngKey.Create(42)|}))); }";
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body), Unsplit(0, ForLoop));
    }

    [Fact]
    public async Task Inner_loop_that_does_not_vary_the_seed_is_reported()
    {
        var body = """
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            sum += {|#0:PrngKey.Create(i)|}.Uniform();
                            sum += PrngKey.Create(i).FoldIn(j).Uniform();
                            sum += PrngKey.Create(j).Uniform();
                        }
                    }
            """;
        await VerifyCS.VerifyAnalyzerAsync(InMethod(body), Unsplit(0, ForLoop));
    }

    [Fact]
    public async Task Local_function_used_as_a_delegate_is_reported_and_one_called_directly_is_silent()
    {
        const string source = """
            using System.Threading.Tasks;
            using RandomPurity;

            static class Work
            {
                public static double Run(int n)
                {
                    Parallel.For(0, n, Body);
                    return Draw() + Draw();

                    void Body(int i)
                    {
                        var x = {|#0:PrngKey.Create(42)|}.Uniform();
                    }

                    double Draw() => PrngKey.Create(42).Uniform();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Unsplit(0, "a local function used as a delegate"));
    }

    [Fact]
    public async Task Loop_of_an_iterator_is_named_as_such_and_a_straight_iterator_is_silent()
    {
        const string source = """
            using System.Collections.Generic;
            using RandomPurity;

            static class Streams
            {
                public static IEnumerable<double> Noise()
                {
                    while (true)
                    {
                        yield return {|#0:PrngKey.Create(1234)|}.Uniform();
                    }
                }

                public static IEnumerable<double> Fine(int count)
                {
                    var root = PrngKey.Create(1234);
                    for (var i = 0; i < count; i++)
                    {
                        yield return root.FoldIn(i).Uniform();
                    }
                }

                public static IEnumerable<double> Two()
                {
                    var (a, b) = PrngKey.Create(5).Split();
                    yield return a.Uniform();
                    yield return b.Uniform();
                }

                public static IEnumerable<PrngKey> Keys()
                {
                    while (true)
                    {
                        yield return PrngKey.Create(1);
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Unsplit(0, "a 'while' loop of an iterator"));
    }

    [Fact]
    public async Task PreservesKey_parameter_does_not_consume()
    {
        const string source = """
            using RandomPurity;

            static class Log
            {
                public static void Write([PreservesKey] PrngKey key) { }

                [PreservesKey]
                public static void Trace(PrngKey key) { }

                public static void Run(int n)
                {
                    for (var i = 0; i < n; i++)
                    {
                        Write(PrngKey.Create(1));
                        Trace(PrngKey.Create(2));
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Field_initialiser_lambda_is_reported()
    {
        const string source = """
            using System;
            using RandomPurity;

            class C
            {
                private readonly Func<double> _draw = () => {|#0:PrngKey.Create(42)|}.Uniform();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Unsplit(0, "a lambda"));
    }

    [Fact]
    public async Task CSharp73_loop_is_reported_and_its_varying_twin_is_silent()
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
                        PrngKey a, b;
                        (a, b) = {|#0:PrngKey.Create(42)|}.Split();
                        sum += a.Uniform() + b.Uniform();
                        sum += PrngKey.Create(42).FoldIn(i).Uniform();
                    }

                    return sum;
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3,
            References = TestReferences.NetStandard20,
        };
        test.ExpectedDiagnostics.Add(Unsplit(0, ForLoop));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Broken_code_does_not_throw()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                void M(int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var a = PrngKey.Create({|CS0103:missing|}).Uniform();
                        var b = PrngKey.Create(1).{|CS1061:Nope|}();
                        var c = PrngKey.{|CS1501:Create|}();
                        {|CS0103:undefined|} = PrngKey.Create(2);
                        var d = PrngKey.Create(3{|CS1026:|}{|CS1002:|}
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Without_the_runtime_the_rule_is_silent()
    {
        const string source = """
            struct PrngKey
            {
                public static PrngKey Create(int seed) => default;
                public double Uniform() => 0;
            }

            class C
            {
                double M(int n)
                {
                    double sum = 0;
                    for (int i = 0; i < n; i++) sum += PrngKey.Create(1).Uniform();
                    return sum;
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, References = TestReferences.Net100WithoutRuntime };
        await test.RunAsync(CancellationToken.None);
    }
}
