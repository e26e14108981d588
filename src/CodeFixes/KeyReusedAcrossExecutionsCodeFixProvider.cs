using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using RandomPurity.Analyzers;
using RandomPurity.CodeFixes.KeyRenewal;

namespace RandomPurity.CodeFixes;

/// <summary>
/// RP0009: gives every execution its own key. A lambda with an index (or an indexed LINQ overload, or
/// <c>Parallel.For</c>) folds the index into the captured key; a lambda or local function that runs one call at a
/// time renews the captured key inside; a member renews the mutable key field of its class where it consumes it.
/// Offered only when the analyzers find the result clean and it compiles (see <c>docs/rules/RP0009.md</c> for the
/// cases left without a fix).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeyReusedAcrossExecutionsCodeFixProvider))]
[Shared]
public sealed class KeyReusedAcrossExecutionsCodeFixProvider : CodeFixProvider
{
    private const int MaxFixesPerDocument = 256;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.KeyReusedAcrossExecutions);

    /// <inheritdoc/>
    /// <remarks>
    /// One fix renews every reference of the key in its function, which also clears the function's other diagnostics:
    /// a document's diagnostics are therefore fixed one function at a time, each fix checked on the result of the last.
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await FixAllAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var fixedDocument = await ExecutionRenewal.FixAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (fixedDocument is null)
            {
                continue;
            }

            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var key = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).ToString() ?? "key";
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Give every execution its own key instead of reusing '{key}'",
                    _ => Task.FromResult(fixedDocument),
                    FixerNames.RenewKeyPerExecution),
                diagnostic);
        }
    }

    private static async Task<Document> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        // The sites are followed through the fixes by annotation; a site whose fix failed loses it and is not tried again.
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var pending = new SyntaxAnnotation("RandomPurity.RP0009.Pending");
        var nodes = diagnostics.Select(d => root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true)).Distinct().ToList();
        var current = document.WithSyntaxRoot(root.ReplaceNodes(nodes, (_, rewritten) => rewritten.WithAdditionalAnnotations(pending)));
        for (var attempt = 0; attempt < MaxFixesPerDocument; attempt++)
        {
            var currentRoot = (await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var remaining = await AnalyzerCheck.KeyDiagnosticsAsync(current, null, cancellationToken).ConfigureAwait(false);
            if (remaining is null)
            {
                return current;
            }

            var sites = new HashSet<TextSpan>(currentRoot.GetAnnotatedNodes(pending).Select(node => node.Span));
            var next = remaining.Value
                .Where(d => d.Id == RuleIdentifiers.KeyReusedAcrossExecutions && sites.Contains(d.Location.SourceSpan))
                .OrderBy(d => d.Location.SourceSpan.Start)
                .FirstOrDefault();
            if (next is null)
            {
                return current;
            }

            var fixedDocument = await ExecutionRenewal.FixAsync(current, next.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
            if (fixedDocument is null)
            {
                var site = currentRoot.GetAnnotatedNodes(pending).First(node => node.Span == next.Location.SourceSpan);
                current = current.WithSyntaxRoot(currentRoot.ReplaceNode(site, site.WithoutAnnotations(pending)));
                continue;
            }

            current = fixedDocument;
        }

        return current;
    }
}
