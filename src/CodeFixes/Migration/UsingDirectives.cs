using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RandomPurity.CodeFixes.Migration;

/// <summary>
/// Adds <c>using RandomPurity;</c> where the file already keeps its usings: inside the (file-scoped) namespace when
/// the usings are there, at the top otherwise, at its sorted place (System first) when the list is sorted.
/// </summary>
internal static class UsingDirectives
{
    public const string RandomPurity = "RandomPurity";

    /// <summary>Adds <c>using RandomPurity;</c> when <c>PrngKey</c> does not bind at <paramref name="position"/> yet.</summary>
    public static SyntaxNode AddIfUnbound(SyntaxNode root, SemanticModel model, int position)
    {
        if (root is not CompilationUnitSyntax compilationUnit || !model.LookupNamespacesAndTypes(position, name: "PrngKey").IsEmpty)
        {
            return root;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        return Add(compilationUnit, endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.CarriageReturnLineFeed);
    }

    public static CompilationUnitSyntax Add(CompilationUnitSyntax root, SyntaxTrivia endOfLine)
    {
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(RandomPurity))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine);

        if (root.Usings.Count == 0
            && root.Members.FirstOrDefault() is BaseNamespaceDeclarationSyntax { Usings.Count: > 0 } namespaceDeclaration)
        {
            return root.ReplaceNode(namespaceDeclaration, namespaceDeclaration.WithUsings(Insert(namespaceDeclaration.Usings, directive)));
        }

        if (root.Usings.Count > 0)
        {
            return root.WithUsings(Insert(root.Usings, directive));
        }

        // No using anywhere: the directive goes first, after the file's header comments, followed by a blank line.
        var firstToken = root.GetFirstToken(includeZeroWidth: true);
        var header = firstToken.LeadingTrivia;
        var withoutHeader = root.ReplaceToken(firstToken, firstToken.WithLeadingTrivia());
        return withoutHeader.WithUsings(SyntaxFactory.SingletonList(
            directive.WithLeadingTrivia(header).WithTrailingTrivia(endOfLine, endOfLine)));
    }

    private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, UsingDirectiveSyntax directive)
    {
        var plain = usings.Where(IsPlain).ToList();
        var sorted = plain.Zip(plain.Skip(1), (a, b) => Compare(a, b) <= 0).All(inOrder => inOrder);
        var index = usings.IndexOf(plain.LastOrDefault() ?? usings.Last()) + 1;
        if (sorted)
        {
            var following = plain.FirstOrDefault(existing => Compare(existing, directive) > 0);
            if (following is not null)
            {
                index = usings.IndexOf(following);
            }
        }

        // Keep the file's first directive's leading trivia (header comments) on the first line.
        if (index == 0)
        {
            var first = usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            usings = usings.Replace(first, first.WithLeadingTrivia());
        }
        else
        {
            directive = directive.WithLeadingTrivia(Indentation(usings[index - 1]));
        }

        return usings.Insert(index, directive);
    }

    private static SyntaxTriviaList Indentation(UsingDirectiveSyntax neighbour)
    {
        var leading = neighbour.GetLeadingTrivia();
        return leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(leading.Last()) : SyntaxFactory.TriviaList();
    }

    private static bool IsPlain(UsingDirectiveSyntax directive) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.GlobalKeyword.IsKind(SyntaxKind.None);

    /// <summary>System namespaces first, then ordinal order: the .NET convention most files follow.</summary>
    private static int Compare(UsingDirectiveSyntax a, UsingDirectiveSyntax b)
    {
        var left = a.Name?.ToString() ?? string.Empty;
        var right = b.Name?.ToString() ?? string.Empty;
        var leftSystem = IsSystem(left);
        var rightSystem = IsSystem(right);
        return leftSystem != rightSystem ? (leftSystem ? -1 : 1) : string.Compare(left, right, StringComparison.Ordinal);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
