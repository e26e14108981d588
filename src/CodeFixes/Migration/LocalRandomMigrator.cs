using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace RandomPurity.CodeFixes.Migration;

/// <summary>Runs <see cref="LocalRandomMigration"/> for a set of RP0001 diagnostics of one document, in one rewrite.</summary>
internal static class LocalRandomMigrator
{
    /// <summary>Finds the migration for the creation at <paramref name="span"/>, or <see langword="null"/> when none is safe.</summary>
    public static LocalRandomMigration? Analyze(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        if (MigrationSymbols.Create(model.Compilation) is not { } symbols
            || ((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp7)
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var creation = node.AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault();
        return creation is null ? null : LocalRandomMigration.TryCreate(model, creation, symbols, cancellationToken);
    }

    /// <summary>
    /// Migrates every local whose creation is at one of <paramref name="spans"/>, in source order, sharing one plan
    /// and one set of reserved names per member: the result equals applying the single fixes one after another.
    /// </summary>
    public static async Task<Document> MigrateAsync(Document document, IEnumerable<TextSpan> spans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax compilationUnit || model is null)
        {
            return document;
        }

        var plan = new MigrationPlan();
        var handled = new HashSet<SyntaxNode>();
        var pickers = new Dictionary<SyntaxNode, NamePicker>();
        foreach (var span in spans.OrderBy(span => span.Start))
        {
            if (Analyze(root, model, span, cancellationToken) is not { } migration
                || migration.Creations.Any(handled.Contains))
            {
                continue;
            }

            handled.UnionWith(migration.Creations);
            var scope = migration.NameScope;
            if (!pickers.TryGetValue(scope, out var picker))
            {
                picker = new NamePicker(model, scope);
                pickers.Add(scope, picker);
            }

            migration.AddTo(plan, picker);
        }

        if (plan.IsEmpty)
        {
            return document;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
        {
            endOfLine = SyntaxFactory.CarriageReturnLineFeed;
        }

        var rewritten = (CompilationUnitSyntax)new MigrationRewriter(plan, endOfLine).Visit(compilationUnit)!;
        if (plan.NeedsImport)
        {
            rewritten = UsingDirectives.Add(rewritten, endOfLine);
        }

        var result = document.WithSyntaxRoot(rewritten);
        return await Formatter.FormatAsync(result, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
