using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes.Threading;

/// <summary>Runs <see cref="FieldRandomMigration"/> for a set of RP0001 diagnostics of one document, in one rewrite.</summary>
internal static class FieldRandomMigrator
{
    /// <summary>The <c>.editorconfig</c> key that chooses how a <c>Random</c> field is migrated.</summary>
    public const string StrategyOption = "randompurity.RP0001.field_strategy";

    /// <summary>
    /// True when the field strategy for <paramref name="tree"/> is <c>stateful</c> (the default). <c>thread</c> (thread a
    /// key parameter through the members that draw) is reserved: with it, no field fix is offered yet.
    /// </summary>
    public static bool UsesStatefulStrategy(Document document, SyntaxTree tree)
    {
        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return !options.TryGetValue(StrategyOption, out var value)
               || string.IsNullOrWhiteSpace(value)
               || string.Equals(value.Trim(), "stateful", System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Finds the field migration for the creation at <paramref name="span"/>, honouring the strategy option.</summary>
    public static async Task<FieldRandomMigration?> AnalyzeAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !UsesStatefulStrategy(document, root.SyntaxTree))
        {
            return null;
        }

        return await FieldRandomMigration.AnalyzeAsync(document, root, model, span, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// FixAll of RP0001 from this provider: the locals (through the local fix) and then the fields of the document.
    /// <c>dotnet format</c> computes the RP0001 diagnostics once and hands the same set to each RP0001 provider in
    /// turn; a provider that runs after another has changed a document finds its spans stale (or its document gone),
    /// so the first provider must migrate everything it can.
    /// </summary>
    public static async Task<Document> MigrateFieldsAndLocalsAsync(Document document, IEnumerable<TextSpan> spans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Stale spans (from a diagnostic set computed before another fixer ran) are ignored, never thrown on.
        var valid = spans.Where(span => root.FullSpan.Contains(span)).ToList();
        var creations = valid
            .Select(span => root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault())
            .Where(creation => creation is not null)
            .Distinct()
            .ToList();
        var marks = creations.ToDictionary(creation => creation!, _ => new SyntaxAnnotation());
        document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, current) => current.WithAdditionalAnnotations(marks[original])));

        // The local fix first: it leaves field creations alone (their text and annotations survive).
        document = await LocalRandomMigrator.MigrateAsync(document, valid, cancellationToken).ConfigureAwait(false);
        var migrated = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (migrated is null)
        {
            return document;
        }

        var fieldSpans = marks.Values
            .SelectMany(mark => migrated.GetAnnotatedNodes(mark))
            .OfType<BaseObjectCreationExpressionSyntax>()
            .Select(creation => creation.Span)
            .ToList();
        return await MigrateAsync(document, fieldSpans, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Migrates every field one of whose creations is at one of <paramref name="spans"/>; fields that cannot be migrated are left alone.</summary>
    public static async Task<Document> MigrateAsync(Document document, IEnumerable<TextSpan> spans, CancellationToken cancellationToken)
    {
        var migrations = new List<FieldRandomMigration>();
        var fields = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
        var current = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        foreach (var span in spans.Where(span => current is not null && current.FullSpan.Contains(span)).OrderBy(span => span.Start))
        {
            // Every creation of a field is a diagnostic of its own; the first one migrates the whole field.
            if (await AnalyzeAsync(document, span, cancellationToken).ConfigureAwait(false) is { } migration && fields.Add(migration.Field))
            {
                migrations.Add(migration);
            }
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (migrations.Count == 0 || root is null)
        {
            return document;
        }

        var rewritten = FieldRandomMigration.Apply(document, root, migrations);
        if (migrations.Any(migration => migration.NeedsImport) && rewritten is CompilationUnitSyntax compilationUnit)
        {
            var endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
            rewritten = UsingDirectives.Add(compilationUnit, endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.CarriageReturnLineFeed);
        }

        return await ChildKeysAsync(document.WithSyntaxRoot(rewritten), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A child generator seeded from a migrated field (<c>new Random(_rng.Next())</c>, already
    /// <c>PrngKey.Create(_rng.UnbiasedInt32(0, int.MaxValue))</c>) takes the field's next key instead:
    /// <c>_rng.NextKey()</c>, a split of its stream rather than a 31-bit seed drawn from it.
    /// </summary>
    private static async Task<Document> ChildKeysAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || !root.DescendantTokens().Any(token => token.ValueText == "StatefulPrng"))
        {
            return document;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var stateful = model?.Compilation.GetTypeByMetadataName("RandomPurity.StatefulPrng");
        var prngKey = model?.Compilation.GetTypeByMetadataName("RandomPurity.PrngKey");
        if (model is null || stateful is null || prngKey is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var create in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (create is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create" }, ArgumentList.Arguments.Count: 1 }
                || create.ArgumentList.Arguments[0].Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UnbiasedInt32" or "UnbiasedInt64" } draw } seed
                || model.GetSymbolInfo(create, cancellationToken).Symbol is not IMethodSymbol { IsStatic: true } factory
                || !SymbolEqualityComparer.Default.Equals(factory.ContainingType, prngKey)
                || !SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(draw.Expression, cancellationToken).Type, stateful)
                || seed.ArgumentList.Arguments.Count != 2
                || seed.ArgumentList.Arguments[0].Expression.ToString() != "0"
                || seed.ArgumentList.Arguments[1].Expression.ToString() is not ("int.MaxValue" or "long.MaxValue"))
            {
                continue;
            }

            replacements[create] = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, draw.Expression.WithoutTrivia(), SyntaxFactory.IdentifierName("NextKey")))
                .WithTriviaFrom(create);
        }

        return replacements.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }
}
