using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using RandomPurity.Analyzers;
using RandomPurity.CodeFixes.Migration;
using RandomPurity.CodeFixes.Threading;

namespace RandomPurity.CodeFixes;

/// <summary>
/// RP0001 where neither the local nor the field migration applies (a public field of a library, a local used in a
/// query clause or passed by <c>ref</c>, a creation written as an argument of a parameter that keeps its type): the
/// creation becomes <c>PrngKey.Create(seed).AsRandom()</c> (<c>PrngKey.FromEntropy().AsRandom()</c> when unseeded),
/// the runtime's bridge. The variable keeps its <c>Random</c> type and signatures stay; the generator is now an
/// explicit keyed stream. A creation passed to a parameter that can become a <c>PrngKey</c> is threaded instead.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SystemRandomBridgeCodeFixProvider))]
[Shared]
public sealed class SystemRandomBridgeCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SystemRandomCreated);

    /// <inheritdoc />
    /// <remarks>The RP0001 FixAll shared with the local and field fixes: it migrates what it can, and bridges the rest.</remarks>
    public override FixAllProvider GetFixAllProvider() => RandomFixAllProvider.Instance;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || MigrationSymbols.Create(model.Compilation) is not { AsRandom: not null } symbols)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax>().FirstOrDefault() is not { } creation
                || !symbols.IsRandom(model.GetTypeInfo(creation, context.CancellationToken).Type)
                || !symbols.IsRandom(model.GetTypeInfo(creation, context.CancellationToken).ConvertedType)
                || RandomFixAllProvider.StoresIntoSerializedField(model, creation, context.CancellationToken)
                || LocalRandomMigrator.Analyze(root, model, span, context.CancellationToken) is not null
                || await FieldRandomMigrator.AnalyzeAsync(context.Document, span, context.CancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Create it from an explicit PrngKey: PrngKey.Create(seed).AsRandom() (the numbers differ from System.Random's)",
                    cancellationToken => BridgeAsync(context.Document, span, cancellationToken),
                    FixerNames.BridgeRandomCreation),
                diagnostic);
        }
    }

    private static async Task<Solution> BridgeAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, System.Threading.CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var creation = root?.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax>().FirstOrDefault();
        if (root is null || creation is null)
        {
            return document.Project.Solution;
        }

        // A creation passed straight to a parameter that can become a key is threaded (PrngKey.Create(seed)).
        var marked = document.WithSyntaxRoot(root.ReplaceNode(creation, creation.WithAdditionalAnnotations(BridgeMark)));
        var solution = await ParameterThreading.RunAsync(marked.Project.Solution, RandomFixAllProvider.ScopeOf(document), cancellationToken).ConfigureAwait(false);
        var current = solution.GetDocument(document.Id);
        var currentRoot = current is null ? null : await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (currentRoot?.GetAnnotatedNodes(BridgeMark).FirstOrDefault() is not Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax remaining)
        {
            return solution;
        }

        return await RandomFixAllProvider.BridgeRemainingAsync(
            solution, new[] { document.Id }, cancellationToken, new System.Collections.Generic.HashSet<Microsoft.CodeAnalysis.Text.TextSpan> { remaining.Span }).ConfigureAwait(false);
    }

    private static readonly SyntaxAnnotation BridgeMark = new("RandomPurity.BridgeCandidate");
}
