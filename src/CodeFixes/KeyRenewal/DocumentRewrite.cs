using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes.KeyRenewal;

/// <summary>Applies a <see cref="MigrationPlan"/> to a document: one rewrite, <c>using RandomPurity;</c> if needed, new blocks formatted.</summary>
internal static class DocumentRewrite
{
    public static async Task<Document> ApplyAsync(Document document, CompilationUnitSyntax root, MigrationPlan plan, CancellationToken cancellationToken)
    {
        var endOfLine = EndOfLine(root);
        var rewritten = (CompilationUnitSyntax)new MigrationRewriter(plan, endOfLine).Visit(root)!;
        if (plan.NeedsImport && !rewritten.Usings.Any(u => u.Name?.ToString() == UsingDirectives.RandomPurity))
        {
            rewritten = UsingDirectives.Add(rewritten, endOfLine);
        }

        var result = document.WithSyntaxRoot(rewritten);
        return await Formatter.FormatAsync(result, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        var endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        return endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.CarriageReturnLineFeed;
    }

    /// <summary>The scope new names must be unique in: the outermost member around (or at) the node, or the file for top-level code.</summary>
    public static SyntaxNode NameScope(SyntaxNode node)
    {
        SyntaxNode? scope = null;
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if (ancestor is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax and not GlobalStatementSyntax)
            {
                scope = ancestor;
            }
        }

        return scope ?? node.SyntaxTree.GetRoot();
    }
}
