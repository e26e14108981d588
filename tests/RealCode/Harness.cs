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
using Microsoft.CodeAnalysis.Diagnostics;

namespace RandomPurity.RealCode;

/// <summary>
/// Every RandomPurity analyzer over a solution (analyzer exceptions collected, never thrown), and the code fixes
/// applied the way <c>dotnet format analyzers --diagnostics ...</c> applies them: for each diagnostic ID and each
/// provider of it, the first code action offered on the first diagnostic gives the equivalence key, and the provider's
/// FixAll runs once at solution scope.
/// </summary>
internal sealed class Harness
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(global::RandomPurity.Analyzers.Rules.KeyReuseAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(global::RandomPurity.CodeFixes.SystemRandomLocalCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public List<string> Exceptions { get; } = new();

    /// <summary>Compiler errors and RandomPurity diagnostics of every project, with analyzer exceptions recorded.</summary>
    public async Task<Snapshot> AnalyzeAsync(Solution solution, CancellationToken cancellationToken)
    {
        var errors = new List<Diagnostic>();
        var diagnostics = new List<(ProjectId Project, Diagnostic Diagnostic)>();
        foreach (var project in solution.Projects)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken);
            if (compilation is null)
            {
                continue;
            }

            // CS1705 (a referenced project built against a newer netstandard than its consumer) is an artefact of one BCL per project.
            errors.AddRange(compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS1705"));
            foreach (var diagnostic in await AnalyzerDiagnosticsAsync(project.Name, compilation, cancellationToken))
            {
                diagnostics.Add((project.Id, diagnostic));
            }
        }

        return new Snapshot(solution, errors, diagnostics);
    }

    /// <summary>Applies each provider's solution-wide FixAll for the IDs, in order, as dotnet format does.</summary>
    public async Task<Solution> FixAsync(Solution solution, IReadOnlyList<string> ids, Action<string> log, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(id)))
            {
                var snapshot = await AnalyzeAsync(solution, cancellationToken);
                var candidates = snapshot.Diagnostics.Where(d => d.Diagnostic.Id == id && d.Diagnostic.Location.IsInSource).ToList();
                if (candidates.Count == 0)
                {
                    break;
                }

                var (document, action) = await FirstActionAsync(solution, fixer, candidates, cancellationToken);
                if (document is null || action is null)
                {
                    log($"{id} {fixer.GetType().Name}: no action on any of {candidates.Count} diagnostics");
                    continue;
                }

                var provider = fixer.GetFixAllProvider();
                if (provider is null)
                {
                    continue;
                }

                try
                {
                    var context = new FixAllContext(document, fixer, FixAllScope.Solution, action.EquivalenceKey, new[] { id },
                        new SnapshotDiagnosticProvider(this, id), cancellationToken);
                    var fix = await provider.GetFixAsync(context);
                    if (fix is null)
                    {
                        log($"{id} {fixer.GetType().Name}: FixAll offered nothing");
                        continue;
                    }

                    var operations = await fix.GetOperationsAsync(cancellationToken);
                    var applied = operations.OfType<ApplyChangesOperation>().FirstOrDefault();
                    if (applied is not null)
                    {
                        int changed = applied.ChangedSolution.GetChanges(solution).GetProjectChanges()
                            .Sum(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Count());
                        log($"{id} {fixer.GetType().Name}: '{action.Title}' on {candidates.Count} diagnostics changed {changed} documents");
                        solution = applied.ChangedSolution;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Exceptions.Add($"FixAll of {id} by {fixer.GetType().Name}: {e}");
                }
            }
        }

        return solution;
    }

    private async Task<(Document? Document, CodeAction? Action)> FirstActionAsync(
        Solution solution, CodeFixProvider fixer, List<(ProjectId Project, Diagnostic Diagnostic)> candidates, CancellationToken cancellationToken)
    {
        foreach (var (projectId, diagnostic) in candidates)
        {
            var document = solution.GetProject(projectId)?.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            var actions = new List<CodeAction>();
            try
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Exceptions.Add($"{fixer.GetType().Name}.RegisterCodeFixesAsync at {diagnostic.Location.GetLineSpan()}: {e}");
                continue;
            }

            if (actions.Count > 0)
            {
                return (document, actions[0]);
            }
        }

        return (null, null);
    }

    private async Task<ImmutableArray<Diagnostic>> AnalyzerDiagnosticsAsync(string name, Compilation compilation, CancellationToken cancellationToken)
    {
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (e, analyzer, diagnostic) => exceptions.Add($"{analyzer.GetType().Name} in {name}: {e}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        Exceptions.AddRange(exceptions);
        Exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
        return diagnostics.Where(d => d.Id.StartsWith("RP", StringComparison.Ordinal)).ToImmutableArray();
    }

    /// <summary>
    /// The diagnostics a FixAll asks for, computed on the solution it is given once per project (a FixAll asks for
    /// every document of the scope in turn; dotnet format also computes them once).
    /// </summary>
    private sealed class SnapshotDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly Harness _harness;
        private readonly string _id;
        private readonly Dictionary<Project, Task<IEnumerable<Diagnostic>>> _byProject = new();

        public SnapshotDiagnosticProvider(Harness harness, string id)
        {
            _harness = harness;
            _id = id;
        }

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await GetAllDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
        {
            lock (_byProject)
            {
                if (!_byProject.TryGetValue(project, out var diagnostics))
                {
                    diagnostics = ComputeAsync(project, cancellationToken);
                    _byProject.Add(project, diagnostics);
                }

                return diagnostics;
            }
        }

        private async Task<IEnumerable<Diagnostic>> ComputeAsync(Project project, CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken);
            return compilation is null
                ? Enumerable.Empty<Diagnostic>()
                : (await _harness.AnalyzerDiagnosticsAsync(project.Name, compilation, cancellationToken)).Where(d => d.Id == _id).ToList();
        }
    }
}

/// <summary>The compiler errors and RandomPurity diagnostics of a solution.</summary>
internal sealed record Snapshot(Solution Solution, List<Diagnostic> Errors, List<(ProjectId Project, Diagnostic Diagnostic)> Diagnostics)
{
    /// <summary>
    /// Errors keyed by file, ID and message (not line: fixes move lines), counted; what the fixes add is the
    /// difference of two such bags.
    /// </summary>
    public Dictionary<string, int> ErrorBag() =>
        Errors.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static string Key(Diagnostic error) =>
        $"{error.Location.SourceTree?.FilePath}|{error.Id}|{error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
}
