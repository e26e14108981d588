using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using RandomPurity.Analyzers;
using RandomPurity.CodeFixes.Migration;
using RandomPurity.CodeFixes.Threading;

namespace RandomPurity.CodeFixes;

/// <summary>
/// RP0002 on <c>Random.Shared</c>: every <c>Random.Shared</c> draw of the method comes from a fresh subkey of one
/// explicit key, a new <c>PrngKey</c> parameter of private and internal methods (callers pass
/// <c>PrngKey.FromEntropy()</c>) or a <c>var key = PrngKey.FromEntropy();</c> in methods whose signature stays. Outside
/// methods (top-level statements, properties, constructors) each draw takes <c>PrngKey.FromEntropy()</c> itself.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SharedRandomCodeFixProvider))]
[Shared]
public sealed class SharedRandomCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.GlobalRandomness);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => SharedRandomFixAllProvider.Instance;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !await MigrationSymbols.InEveryTargetAsync(context.Document, context.CancellationToken).ConfigureAwait(false))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (InlineEntropy.TryRewrite(model, node, context.CancellationToken) is { } inline)
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Draw from an explicit PrngKey.FromEntropy() instead of Random.Shared",
                        _ => Task.FromResult(document.WithSyntaxRoot(UsingDirectives.AddIfUnbound(root.ReplaceNode(inline.Original, inline.Replacement), model, inline.Original.SpanStart))),
                        FixerNames.ThreadKeyForSharedRandom),
                    diagnostic);
                continue;
            }

            if (SharedRandomMigration.TargetMethod(model, node, context.CancellationToken) is not { } method
                || await SharedRandomMigration.MigrateAsync(context.Document, method, context.CancellationToken).ConfigureAwait(false) is not { } solution)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Draw from an explicit PrngKey in '{method.Identifier.ValueText}' instead of Random.Shared",
                    cancellationToken => RandomFixAllProvider.MergeLinkedCopiesAsync(context.Document.Project.Solution, solution, cancellationToken),
                    FixerNames.ThreadKeyForSharedRandom),
                diagnostic);
        }
    }
}
