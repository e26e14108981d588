using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes.Threading;

/// <summary>
/// FixAll for the RP0002 key-threading fix. The batch fixer would merge per-diagnostic edits, and two diagnostics
/// of one method would each add a parameter; here the diagnostics are grouped by containing method, each method is
/// migrated once, and the methods are migrated one after another on the updated solution (a method's callers may be
/// another migrated method's body).
/// </summary>
internal sealed class SharedRandomFixAllProvider : FixAllProvider
{
    public static readonly SharedRandomFixAllProvider Instance = new();

    /// <inheritdoc />
    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    /// <inheritdoc />
    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var documents = fixAllContext.Scope switch
        {
            FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
            FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
            FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(project => project.Documents).ToArray(),
            _ => new Document[0],
        };

        var diagnostics = new Dictionary<DocumentId, List<Diagnostic>>();
        foreach (var document in documents)
        {
            var found = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!found.IsEmpty)
            {
                diagnostics[document.Id] = found.ToList();
            }
        }

        var solution = fixAllContext.Solution;
        return CodeAction.Create(
            "Thread explicit PrngKeys instead of Random.Shared",
            cancellationToken => FixAsync(solution, diagnostics, cancellationToken),
            fixAllContext.CodeActionEquivalenceKey);
    }

    private static async Task<Solution> FixAsync(Solution solution, Dictionary<DocumentId, List<Diagnostic>> diagnostics, CancellationToken cancellationToken)
    {
        var original = solution;
        // Mark the target methods first: their spans move as soon as the first migration edits a document.
        var targets = new List<(DocumentId Document, SyntaxAnnotation Method)>();
        foreach (var pair in diagnostics)
        {
            var document = solution.GetDocument(pair.Key);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || !await MigrationSymbols.InEveryTargetAsync(document!, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            // The sites are found afresh: dotnet format computes the diagnostics once for every fixer, so once
            // another fixer (RP0001's) has changed this document their spans are stale.
            var sites = Sites(root);

            // Uses outside methods are one node replaced in place; methods are marked for the migrations below.
            var inline = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var site in sites)
            {
                if (InlineEntropy.TryRewrite(model, site, cancellationToken) is { } rewrite
                    && !inline.Keys.Any(other => other.Span.IntersectsWith(rewrite.Original.Span)))
                {
                    inline[rewrite.Original] = rewrite.Replacement;
                }
            }

            var methods = new Dictionary<MethodDeclarationSyntax, SyntaxAnnotation>();
            foreach (var node in sites)
            {
                if (SharedRandomMigration.TargetMethod(model, node, cancellationToken) is { } method && !methods.ContainsKey(method))
                {
                    var annotation = new SyntaxAnnotation();
                    methods.Add(method, annotation);
                    targets.Add((pair.Key, annotation));
                }
            }

            if (methods.Count > 0 || inline.Count > 0)
            {
                var changed = root.ReplaceNodes(
                    methods.Keys.Cast<SyntaxNode>().Concat(inline.Keys),
                    (original, current) => original is MethodDeclarationSyntax method && methods.TryGetValue(method, out var mark)
                        ? current.WithAdditionalAnnotations(mark)
                        : inline[original]);
                if (inline.Count > 0)
                {
                    changed = UsingDirectives.AddIfUnbound(changed, model, inline.Keys.Min(node => node.SpanStart));
                }

                solution = solution.WithDocumentSyntaxRoot(pair.Key, changed);
            }
        }

        foreach (var (documentId, annotation) in await CallersFirstAsync(solution, targets, cancellationToken).ConfigureAwait(false))
        {
            var document = solution.GetDocument(documentId);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.GetAnnotatedNodes(annotation).OfType<MethodDeclarationSyntax>().FirstOrDefault() is { } method
                && await SharedRandomMigration.MigrateAsync(document!, method, cancellationToken).ConfigureAwait(false) is { } migrated)
            {
                solution = migrated;
            }
        }

        return await RandomFixAllProvider.MergeLinkedCopiesAsync(original, solution, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The nodes RP0002 reports for what this fix rewrites: <c>Random.Shared</c>, <c>x.Shuffle()</c>, <c>Guid.NewGuid()</c>.</summary>
    private static List<SyntaxNode> Sites(SyntaxNode root) =>
        root.DescendantNodes().Where(SharedRandomMigration.LooksLikeSite).ToList();

    /// <summary>
    /// Orders the methods so that a caller is migrated before the methods it calls: its key (a parameter or a
    /// <c>FromEntropy</c> local) then exists when their call sites are rewritten, and is split rather than a second
    /// <c>FromEntropy()</c> added. Cycles keep source order.
    /// </summary>
    private static async Task<List<(DocumentId Document, SyntaxAnnotation Method)>> CallersFirstAsync(
        Solution solution, List<(DocumentId Document, SyntaxAnnotation Method)> targets, CancellationToken cancellationToken)
    {
        var symbols = new List<IMethodSymbol?>();
        var callees = new List<HashSet<int>>();
        foreach (var (documentId, annotation) in targets)
        {
            var document = solution.GetDocument(documentId);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var method = root?.GetAnnotatedNodes(annotation).OfType<MethodDeclarationSyntax>().FirstOrDefault();
            symbols.Add(method is null || model is null ? null : model.GetDeclaredSymbol(method, cancellationToken) as IMethodSymbol);
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var called = new HashSet<int>();
            var document = solution.GetDocument(targets[i].Document);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root?.GetAnnotatedNodes(targets[i].Method).FirstOrDefault() is { } method && model is not null)
            {
                foreach (var invocation in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol target)
                    {
                        var index = symbols.FindIndex(symbol => SymbolEqualityComparer.Default.Equals(symbol, target.OriginalDefinition));
                        if (index >= 0 && index != i)
                        {
                            called.Add(index);
                        }
                    }
                }
            }

            callees.Add(called);
        }

        var ordered = new List<(DocumentId, SyntaxAnnotation)>();
        var remaining = Enumerable.Range(0, targets.Count).ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(candidate => !remaining.Any(other => other != candidate && callees[other].Contains(candidate)));
            if (!remaining.Contains(next))
            {
                next = remaining[0];
            }

            ordered.Add(targets[next]);
            remaining.Remove(next);
        }

        return ordered;
    }
}
