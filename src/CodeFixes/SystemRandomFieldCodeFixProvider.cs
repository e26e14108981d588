using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using RandomPurity.Analyzers;
using RandomPurity.CodeFixes.Threading;

namespace RandomPurity.CodeFixes;

/// <summary>
/// RP0001 on a <c>System.Random</c> field: the field becomes a <c>StatefulPrng</c> from the same seed (or from
/// <c>PrngKey.FromEntropy()</c>) and each draw maps onto the matching <c>StatefulPrng</c> sampler, so no member
/// signature changes. Chosen by <c>randompurity.RP0001.field_strategy = stateful</c> (the default); fields that escape
/// get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SystemRandomFieldCodeFixProvider))]
[Shared]
public sealed class SystemRandomFieldCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SystemRandomCreated);

    /// <inheritdoc />
    /// <remarks>
    /// Not the batch fixer: a field's creations (initializer, constructors) are separate diagnostics of one rewrite.
    /// FixAll migrates the locals of the document too (through the local fix's engine), then the fields: <c>dotnet
    /// format</c> hands one diagnostic set to each RP0001 provider in turn, and spans go stale once another provider
    /// has changed a document, so the provider that runs first must do everything. The equivalence key is not checked,
    /// because <c>dotnet format</c> passes the key of whatever action the first RP0001 diagnostic offered (or none).
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => RandomFixAllProvider.Instance;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (!await Migration.MigrationSymbols.InEveryTargetAsync(context.Document, context.CancellationToken).ConfigureAwait(false))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (await FieldRandomMigrator.AnalyzeAsync(context.Document, span, context.CancellationToken).ConfigureAwait(false) is not { } migration)
            {
                continue;
            }

            var title = migration.IsUnseeded
                ? $"Make field '{migration.Field.Name}' a StatefulPrng (values change: unseeded, drawn from entropy)"
                : $"Make field '{migration.Field.Name}' a StatefulPrng from the same seed (the numbers differ from System.Random's)";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellationToken => MigrateAndThreadAsync(context.Document, span, cancellationToken),
                    FixerNames.MigrateRandomField),
                diagnostic);
        }
    }

    private static async Task<Solution> MigrateAndThreadAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, System.Threading.CancellationToken cancellationToken)
    {
        var migrated = await FieldRandomMigrator.MigrateAsync(document, new[] { span }, cancellationToken).ConfigureAwait(false);
        var solution = await RandomFixAllProvider.ShareWithLinkedCopiesAsync(migrated, cancellationToken).ConfigureAwait(false);
        return await ParameterThreading.RunAsync(solution, RandomFixAllProvider.ScopeOf(document), cancellationToken).ConfigureAwait(false);
    }
}
