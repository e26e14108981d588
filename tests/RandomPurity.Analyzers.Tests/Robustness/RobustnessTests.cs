using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Text;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

namespace RandomPurity.Analyzers.Tests.Robustness;

/// <summary>
/// Roslyn's contract: an analyzer never throws, whatever the code. Every analyzer and every code fix runs over the
/// fuzz corpus; no exception may escape, and each analyzer's execution time (Roslyn's own telemetry) on one input
/// must stay within <see cref="AnalysisBound"/>. The bound is against hangs and super-linear blow-ups, not a speed
/// measurement (speed is the benchmark suite's job): the 10,000-statement method takes about 2.5 s of analyzer time on
/// an idle 2-core machine, and the telemetry counts wall-clock time, so a loaded CI machine stretched it past an
/// earlier 20 s bound (20.2 s measured). A quadratic walk of that method would take many minutes.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly TimeSpan AnalysisBound = TimeSpan.FromMinutes(2);

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(global::RandomPurity.CodeFixes.FixerNames).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private readonly ITestOutputHelper _output;

    public RobustnessTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Analyzers_and_fixes_never_throw_on_the_repository_sources_and_their_broken_variants()
    {
        Assert.NotEmpty(Analyzers);
        var sources = FuzzCorpus.RepositorySources();
        Assert.True(sources.Count > 20, "the corpus should include the samples and the test snippets");
        int inputs = 0, fixed_ = 0;
        var slowest = TimeSpan.Zero;
        for (int i = 0; i < sources.Count; i++)
        {
            var (name, text) = sources[i];
            var (elapsed, fixes) = await AnalyzeAndFixAsync(name, text, applyFixes: true);
            inputs++;
            fixed_ += fixes;
            slowest = elapsed > slowest ? elapsed : slowest;
            int v = 0;
            // Whole files get every kind of variant; the hundreds of snippets inside the tests get the first two
            // (a truncation and a deleted token), which keeps the CI run within minutes.
            bool snippet = name.Contains('#', StringComparison.Ordinal);
            foreach (var variant in snippet ? FuzzCorpus.Variants(text, i).Take(2) : FuzzCorpus.Variants(text, i))
            {
                // Fixes run on every third variant: each costs a workspace, and the analyzers are the hot path.
                (elapsed, fixes) = await AnalyzeAndFixAsync($"{name} variant {v}", variant, applyFixes: v % 3 == 0);
                inputs++;
                fixed_ += fixes;
                slowest = elapsed > slowest ? elapsed : slowest;
                v++;
            }
        }

        _output.WriteLine($"{inputs} inputs analysed, {fixed_} code actions computed, slowest analysis {slowest.TotalMilliseconds:F0} ms");
    }

    [Theory]
    [InlineData("long method of 10,000 statements")]
    [InlineData("lambdas and loops nested 150 deep")]
    [InlineData("file of 1,500 methods")]
    public async Task Analyzers_finish_on_extreme_inputs(string input)
    {
        string text = input switch
        {
            "long method of 10,000 statements" => FuzzCorpus.LongMethod(10_000),
            "lambdas and loops nested 150 deep" => FuzzCorpus.DeepNesting(150),
            _ => FuzzCorpus.HugeFile(1_500),
        };
        var (elapsed, _) = await AnalyzeAndFixAsync(input, text, applyFixes: false);
        _output.WriteLine($"{input}: analyzers ran {elapsed.TotalMilliseconds:F0} ms in all");
    }

    [Fact]
    public async Task A_long_method_below_the_key_flow_bound_is_analysed_in_full()
    {
        var text = FuzzCorpus.LongMethod(1_000);
        var compilation = Compile(text);
        var graphBlocks = ControlFlowGraph.Create(
            (Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax)compilation.SyntaxTrees[0].GetRoot().DescendantNodes()
                .First(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax),
            compilation.GetSemanticModel(compilation.SyntaxTrees[0]))!.Blocks.Length;
        Assert.InRange(graphBlocks, 1, global::RandomPurity.Analyzers.Rules.KeyReuseAnalyzer.MaxBasicBlocks);
        var (elapsed, _) = await AnalyzeAndFixAsync("long method of 1,000 statements", text, applyFixes: false);
        var diagnostics = await DiagnosticsAsync(compilation, concurrent: true);
        Assert.Contains(diagnostics, d => d.StartsWith("RP0003", StringComparison.Ordinal));
        _output.WriteLine($"1,000 statements ({graphBlocks} basic blocks): analyzers ran {elapsed.TotalMilliseconds:F0} ms in all");
    }

    [Fact]
    public async Task Analyzers_give_the_same_diagnostics_in_the_same_order_with_and_without_concurrent_execution()
    {
        var text = FuzzCorpus.HugeFile(60) + FuzzCorpus.LongMethod(300);
        var compilation = Compile(text);
        var first = await DiagnosticsAsync(compilation, concurrent: false);
        Assert.NotEmpty(first);
        for (int run = 0; run < 3; run++)
        {
            Assert.Equal(first, await DiagnosticsAsync(Compile(text), concurrent: true));
            Assert.Equal(first, await DiagnosticsAsync(Compile(text), concurrent: false));
        }
    }

    private static CSharpCompilation Compile(string text) =>
        CSharpCompilation.Create(
            "Fuzz",
            new[] { CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs") },
            TestReferences.Net100,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static async Task<string[]> DiagnosticsAsync(Compilation compilation, bool concurrent)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToArray();
    }

    private async Task<(TimeSpan Elapsed, int Fixes)> AnalyzeAndFixAsync(string name, string text, bool applyFixes)
    {
        var compilation = Compile(text);
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (e, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {e}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.True(exceptions.IsEmpty, $"analyzer exception on {name}:\n{string.Join("\n", exceptions)}\n--- input ---\n{text}");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        // The analyzers' own time, as Roslyn measures it; binding the compilation is the compiler's cost, not ours.
        var elapsed = TimeSpan.Zero;
        foreach (var analyzer in Analyzers)
        {
            var time = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
            Assert.True(time < AnalysisBound, $"{analyzer.GetType().Name} took {time} on {name}");
            elapsed += time;
        }

        if (!applyFixes || diagnostics.IsEmpty || Fixers.IsEmpty)
        {
            return (elapsed, 0);
        }

        return (elapsed, await ComputeFixesAsync(name, text, diagnostics));
    }

    private static async Task<int> ComputeFixesAsync(string name, string text, ImmutableArray<Diagnostic> diagnostics)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "Fuzz", "Fuzz", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.Net100));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Test0.cs", SourceText.From(text), filePath: "/0/Test0.cs");
        var document = solution.GetDocument(documentId)!;
        var tree = await document.GetSyntaxTreeAsync();
        int actions = 0;
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            // Re-anchor the diagnostic in the workspace's tree, as the IDE does.
            var located = Diagnostic.Create(diagnostic.Descriptor, Location.Create(tree!, diagnostic.Location.SourceSpan),
                diagnostic.AdditionalLocations, diagnostic.Properties);
            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var registered = new List<CodeAction>();
                var context = new CodeFixContext(document, located, (action, _) => registered.Add(action), CancellationToken.None);
                try
                {
                    await fixer.RegisterCodeFixesAsync(context);
                    foreach (var action in registered)
                    {
                        _ = await action.GetOperationsAsync(CancellationToken.None);
                        actions++;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Assert.Fail($"{fixer.GetType().Name} threw on {diagnostic.Id} in {name}: {e}\n--- input ---\n{text}");
                }
            }
        }

        return actions;
    }
}
