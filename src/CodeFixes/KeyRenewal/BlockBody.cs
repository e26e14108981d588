using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace RandomPurity.CodeFixes.KeyRenewal;

/// <summary>
/// Expression-bodied members and local functions (<c>=&gt; expression;</c>) have no statement to put a split before:
/// the renewal fixes turn them into a block that starts with the split and then returns (or evaluates) the expression.
/// </summary>
internal static class BlockBody
{
    /// <summary>
    /// The method, constructor, operator, accessor, local function or lambda whose expression body directly contains
    /// <paramref name="node"/> (no other function or query clause between them); null otherwise.
    /// </summary>
    public static SyntaxNode? ExpressionBodiedOwner(SyntaxNode node)
    {
        for (var child = node; child.Parent is { } current; child = current)
        {
            switch (current)
            {
                case ArrowExpressionClauseSyntax arrow:
                    return arrow.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax ? arrow.Parent : null;
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.ExpressionBody == child ? lambda : null;
                case QueryClauseSyntax or SelectOrGroupClauseSyntax or QueryContinuationSyntax or StatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The method, accessor, local function or lambda that <paramref name="owner"/> declares.</summary>
    public static IMethodSymbol? SymbolOf(SemanticModel model, SyntaxNode owner, CancellationToken cancellationToken) =>
        (owner is AnonymousFunctionExpressionSyntax ? model.GetSymbolInfo(owner, cancellationToken).Symbol : model.GetDeclaredSymbol(owner, cancellationToken)) as IMethodSymbol;

    /// <summary>Whether the expression of the body is evaluated (void, or an async method without a result) rather than returned.</summary>
    public static bool? ReturnsVoid(SemanticModel model, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        if (SymbolOf(model, declaration, cancellationToken) is not { } method)
        {
            return null;
        }

        if (method.IsAsync)
        {
            // `async Task M() => await X();` evaluates; `async Task<int> M() => await Y();` returns.
            return method.ReturnsVoid || method.ReturnType is INamedTypeSymbol { IsGenericType: false };
        }

        return method.ReturnsVoid;
    }

    /// <summary>Turns <c>=&gt; expression;</c> into a block: the prologue, then the expression returned or evaluated.</summary>
    public static SyntaxNode Replace(SyntaxNode declaration, IReadOnlyList<StatementSyntax> prologue, bool returnsVoid, SyntaxTrivia endOfLine)
    {
        var (arrow, semicolon) = declaration switch
        {
            BaseMethodDeclarationSyntax method => (method.ExpressionBody, method.SemicolonToken),
            AccessorDeclarationSyntax accessor => (accessor.ExpressionBody, accessor.SemicolonToken),
            LocalFunctionStatementSyntax local => (local.ExpressionBody, local.SemicolonToken),
            _ => (null, default),
        };
        if (arrow is null)
        {
            return declaration;
        }

        var expression = arrow.Expression.WithoutTrivia();
        var statements = new List<StatementSyntax>(prologue);
        statements.Add(returnsVoid ? SyntaxFactory.ExpressionStatement(expression) : SyntaxFactory.ReturnStatement(expression));
        var block = SyntaxFactory.Block(
            SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(endOfLine),
            SyntaxFactory.List(statements.Select(statement => statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(endOfLine))),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(semicolon.TrailingTrivia));

        SyntaxNode result = declaration switch
        {
            MethodDeclarationSyntax method => method.WithParameterList(method.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            ConstructorDeclarationSyntax constructor => constructor.WithParameterList(constructor.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            OperatorDeclarationSyntax op => op.WithParameterList(op.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            ConversionOperatorDeclarationSyntax conversion => conversion.WithParameterList(conversion.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            AccessorDeclarationSyntax accessor => accessor.WithKeyword(accessor.Keyword.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            LocalFunctionStatementSyntax local => local.WithParameterList(local.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticMarker))
                .WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
            _ => declaration,
        };
        return result.WithAdditionalAnnotations(Formatter.Annotation);
    }
}
