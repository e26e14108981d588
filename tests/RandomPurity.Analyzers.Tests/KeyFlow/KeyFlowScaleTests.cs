using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RandomPurity.Analyzers.Rules;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

namespace RandomPurity.Analyzers.Tests.KeyFlow;

/// <summary>A large generated compilation: the analysis cost, and identical results with concurrent execution on and off.</summary>
public sealed class KeyFlowScaleTests
{
    private const int Methods = 2000;

    private readonly ITestOutputHelper _output;

    public KeyFlowScaleTests(ITestOutputHelper output)
    {
        _output = output;
    }

    // Eight shapes, half of them with exactly one reuse each (straight, loop, try/catch, lambda), half clean.
    private static readonly string[] Shapes =
    {
        "var a = key.Uniform(); var b = key.Normal(); return a + b;",
        "var (k1, k2) = key.Split(); return k1.Uniform() + k2.Normal();",
        "double s = 0; for (var i = 0; i < n; i++) { s += key.Uniform(); } return s;",
        "double s = 0; for (var i = 0; i < n; i++) { (key, var sub) = key.Split(); s += sub.FoldIn(i).Uniform(); } return s;",
        "double s = 0; try { s = key.Uniform(); } catch (InvalidOperationException) { s = key.Normal(); } return s;",
        "double s = 0; try { s = key.Uniform(); } finally { s += 1; } var t = key.Word0; return s + t;",
        "Func<double> f = () => key.Uniform(); return f() + key.Normal();",
        "var keys = key.Split(4); double s = 0; foreach (var i in Enumerable.Range(0, n)) { s += keys[i % 4].FoldIn(i).Uniform(); } return s + keys[0].Normal() + keys[0].Uniform();",
    };

    private static Compilation CreateCompilation()
    {
        var source = new StringBuilder("using System; using System.Linq; using RandomPurity;\n");
        for (var i = 0; i < Methods; i++)
        {
            if (i % 100 == 0)
            {
                source.Append("public static class Generated").Append(i / 100).Append(" {\n");
            }

            source.Append("  public static double M").Append(i).Append("(PrngKey key, int n) { ").Append(Shapes[i % Shapes.Length]).Append(" }\n");
            if (i % 100 == 99)
            {
                source.Append("}\n");
            }
        }

        var tree = CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest), path: "Generated.cs");
        return CSharpCompilation.Create("Scale", new[] { tree }, TestReferences.Net100, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, TimeSpan Elapsed, TimeSpan AnalyzerTime)> AnalyzeAsync(Compilation compilation, bool concurrent)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: true);
        var analyzer = new KeyReuseAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        stopwatch.Stop();
        Assert.Empty(exceptions);
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        return (diagnostics, stopwatch.Elapsed, telemetry.ExecutionTime);
    }

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan().StartLinePosition + " " + d.GetMessage() + " " + string.Join(",", d.AdditionalLocations.Select(l => l.GetLineSpan().StartLinePosition)))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public async Task Two_thousand_methods_are_analysed_quickly_with_the_same_results_with_and_without_concurrency()
    {
        var compilation = CreateCompilation();
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // Wall-clock time includes the compiler's binding of the 2,000 methods (each run binds afresh); the
        // analyzer's own share is its logged execution time.
        await AnalyzeAsync(compilation, concurrent: false);
        var sequential = await AnalyzeAsync(compilation, concurrent: false);
        var concurrent = await AnalyzeAsync(compilation, concurrent: true);

        _output.WriteLine(
            $"{Methods} methods: analyzer {sequential.AnalyzerTime.TotalMilliseconds:F0} ms ({sequential.AnalyzerTime.TotalMilliseconds * 1000 / Methods:F0} us/method), " +
            $"wall clock with binding {sequential.Elapsed.TotalMilliseconds:F0} ms sequential, {concurrent.Elapsed.TotalMilliseconds:F0} ms concurrent, {sequential.Diagnostics.Length} diagnostics");

        // Shapes 0, 2, 4 and 6 reuse the key once each; shape 7 reuses keys[0] once (keys[i % 4] is not tracked).
        Assert.Equal(Methods / Shapes.Length * 5, sequential.Diagnostics.Length);
        Assert.All(sequential.Diagnostics, d => Assert.Equal("RP0003", d.Id));
        Assert.Equal(Describe(sequential.Diagnostics), Describe(concurrent.Diagnostics));
        // Against super-linear blow-ups only (about 1 s here when idle; wall-clock telemetry stretches under load).
        Assert.True(sequential.AnalyzerTime < TimeSpan.FromMinutes(2), $"the analyzer took {sequential.AnalyzerTime}");
    }
}
