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
/// RP0001 on a creation that is neither a local nor a field: passed straight to a method of the solution
/// (<c>Roll(new Random(seed))</c>, whose parameter becomes a key: <c>Roll(PrngKey.Create(seed))</c>) or drawn from
/// once (<c>new Random(seed).Next(1, 7)</c> becomes <c>PrngKey.Create(seed).UnbiasedInt32(1, 7)</c>). No fix turns a
/// creation into <c>PrngKey.Create(seed).AsRandom()</c>: that is a stateful <c>Random</c> made on the spot again.
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
        if (root is null || model is null || MigrationSymbols.Create(model.Compilation) is not { } symbols
            || !await MigrationSymbols.InEveryTargetAsync(context.Document, context.CancellationToken).ConfigureAwait(false))
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
                || !(HandedToSourceMethod(model, creation, symbols, context.CancellationToken) || DrawnOnce(model, creation, symbols, context.CancellationToken))
                || LocalRandomMigrator.Analyze(root, model, span, context.CancellationToken) is not null
                || await FieldRandomMigrator.AnalyzeAsync(context.Document, span, context.CancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Pass or draw from an explicit PrngKey: PrngKey.Create(seed) (the numbers differ from System.Random's)",
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

    /// <summary><c>Roll(new Random(seed))</c> where <c>Roll</c> is the solution's own: its parameter may become a key.</summary>
    private static bool HandedToSourceMethod(SemanticModel model, Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax creation, MigrationSymbols symbols, System.Threading.CancellationToken cancellationToken) =>
        creation.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax argument
        && model.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter: { } parameter }
        && symbols.IsRandom(parameter.Type)
        && !parameter.ContainingSymbol.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty;

    /// <summary><c>new Random(seed).Next(1, 7)</c>: one draw from a generator nobody else sees.</summary>
    private static bool DrawnOnce(SemanticModel model, Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax creation, MigrationSymbols symbols, System.Threading.CancellationToken cancellationToken) =>
        model.GetOperation(creation, cancellationToken) is Microsoft.CodeAnalysis.Operations.IObjectCreationOperation operation
        && RandomFixAllProvider.SingleDraw(operation, symbols) is not null;

    private static readonly SyntaxAnnotation BridgeMark = new("RandomPurity.BridgeCandidate");
}
