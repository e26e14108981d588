using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
        // Mark the target methods first: their spans move as soon as the first migration edits a document.
        var targets = new List<(DocumentId Document, SyntaxAnnotation Method)>();
        foreach (var pair in diagnostics)
        {
            var document = solution.GetDocument(pair.Key);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            var methods = new Dictionary<MethodDeclarationSyntax, SyntaxAnnotation>();
            foreach (var diagnostic in pair.Value.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start))
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (SharedRandomMigration.TargetMethod(model, node, cancellationToken) is { } method && !methods.ContainsKey(method))
                {
                    var annotation = new SyntaxAnnotation();
                    methods.Add(method, annotation);
                    targets.Add((pair.Key, annotation));
                }
            }

            if (methods.Count > 0)
            {
                solution = solution.WithDocumentSyntaxRoot(pair.Key, root.ReplaceNodes(methods.Keys, (original, current) => current.WithAdditionalAnnotations(methods[original])));
            }
        }

        foreach (var (documentId, annotation) in targets)
        {
            var document = solution.GetDocument(documentId);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.GetAnnotatedNodes(annotation).OfType<MethodDeclarationSyntax>().FirstOrDefault() is { } method
                && await SharedRandomMigration.MigrateAsync(document!, method, cancellationToken).ConfigureAwait(false) is { } migrated)
            {
                solution = migrated;
            }
        }

        return solution;
    }
}
