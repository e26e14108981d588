using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using RandomPurity.Analyzers;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes;

/// <summary>
/// RP0001 on a <c>System.Random</c> local: the local becomes a <c>PrngKey</c> from the same seed (or from
/// <c>PrngKey.FromEntropy()</c> when it had none) and every draw comes from a fresh subkey, following the mapping of
/// runtime-api.md. Locals that escape their body get no fix (fields and parameters are migrated by a later engine).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SystemRandomLocalCodeFixProvider))]
[Shared]
public sealed class SystemRandomLocalCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SystemRandomCreated);

    /// <inheritdoc />
    /// <remarks>
    /// Not the batch fixer: a seeded local and the child generators drawn from it are one rewrite, and two locals of a
    /// method share the names of new variables, so a document's diagnostics are fixed in one pass.
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await LocalRandomMigrator.MigrateAsync(
            document, diagnostics.Select(diagnostic => diagnostic.Location.SourceSpan), context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (LocalRandomMigrator.Analyze(root, model, span, context.CancellationToken) is not { } migration)
            {
                continue;
            }

            var title = migration.IsUnseeded
                ? $"Use an explicit PrngKey for '{migration.Root.Name}' (values change: unseeded, drawn from entropy)"
                : $"Use an explicit PrngKey for '{migration.Root.Name}' from the same seed (the numbers differ from System.Random's)";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellationToken => LocalRandomMigrator.MigrateAsync(context.Document, new[] { span }, cancellationToken),
                    FixerNames.MigrateRandomLocal),
                diagnostic);
        }
    }
}
