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
/// RP0001 on a <c>System.Random</c> local: the local becomes a <c>PrngKey</c> from the same seed (or from
/// <c>PrngKey.FromEntropy()</c> when it had none) and every draw comes from a fresh subkey, following the mapping of
/// runtime-api.md. A local handed to a method that takes a <c>Random</c> passes <c>sub.AsRandom()</c>, and the method's
/// parameter becomes a <c>PrngKey</c> when every caller can pass a key (<see cref="ParameterThreading"/>). Locals that
/// escape their body otherwise get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SystemRandomLocalCodeFixProvider))]
[Shared]
public sealed class SystemRandomLocalCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SystemRandomCreated);

    /// <inheritdoc />
    /// <remarks>
    /// Not the batch fixer: a seeded local and the child generators drawn from it are one rewrite, two locals of a
    /// method share the names of new variables, and the parameters the keys reach change in other documents; see
    /// <see cref="RandomFixAllProvider"/>.
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => RandomFixAllProvider.Instance;

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
                    cancellationToken => MigrateAndThreadAsync(context.Document, span, cancellationToken),
                    FixerNames.MigrateRandomLocal),
                diagnostic);
        }
    }

    private static async Task<Solution> MigrateAndThreadAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, System.Threading.CancellationToken cancellationToken)
    {
        var migrated = await LocalRandomMigrator.MigrateAsync(document, new[] { span }, cancellationToken).ConfigureAwait(false);
        var solution = await RandomFixAllProvider.ShareWithLinkedCopiesAsync(migrated, cancellationToken).ConfigureAwait(false);
        return await ParameterThreading.RunAsync(solution, RandomFixAllProvider.ScopeOf(document), cancellationToken).ConfigureAwait(false);
    }
}
