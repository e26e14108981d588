using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes.Threading;

/// <summary>
/// RP0002 where no method can take a key (top-level statements and their local functions and lambdas, properties,
/// accessors, constructors, field initializers, lambdas and local functions inside methods, roots that draw once):
/// the draw takes its own explicit entropy, which is what <c>Random.Shared</c> was, now visible at the use.
/// <code>
///   Random.Shared.Next(1, 7)        PrngKey.FromEntropy().UnbiasedInt32(1, 7)
///   players.Shuffle()               players.Shuffle(PrngKey.FromEntropy())
/// </code>
/// Each evaluation draws from a fresh key, so loops and lambdas stay correct under every RandomPurity rule.
/// </summary>
internal static class InlineEntropy
{
    private const string Entropy = "PrngKey.FromEntropy()";

    /// <summary>
    /// True inside a lambda, anonymous method or local function of a member: a draw there runs once per call of the
    /// delegate, possibly on several threads at once (or in a static lambda that cannot capture), so it takes its own
    /// entropy rather than splitting the member's key.
    /// </summary>
    public static bool InNestedFunction(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return true;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The draw <paramref name="call"/> made from a fresh <c>PrngKey.FromEntropy()</c>, with the call's trivia.</summary>
    public static ExpressionSyntax Draw(DrawRewrite mapping, InvocationExpressionSyntax call, SemanticModel model) =>
        mapping.Build(SyntaxFactory.ParseExpression(Entropy), call, model, call.SpanStart).WithTriviaFrom(call);

    /// <summary>The node to replace and its replacement for the RP0002 use at <paramref name="node"/>, or <see langword="null"/>.</summary>
    public static (SyntaxNode Original, SyntaxNode Replacement)? TryRewrite(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        if ((node.AncestorsAndSelf().Any(ancestor => ancestor is MethodDeclarationSyntax) && !InNestedFunction(node))
            || MigrationSymbols.Create(model.Compilation) is not { } symbols
            || MigrationChecks.InExpressionTree(model, node, symbols, cancellationToken)
            || !MigrationChecks.BindsToOrFree(model, node.SpanStart, "PrngKey", symbols.PrngKey))
        {
            return null;
        }

        switch (model.GetOperation(node, cancellationToken))
        {
            case IPropertyReferenceOperation { Property: { Name: "Shared", IsStatic: true } property } reference
                when symbols.IsRandom(property.ContainingType)
                     && reference.Parent is IInvocationOperation { Syntax: InvocationExpressionSyntax call } invocation
                     && invocation.Instance == reference
                     && DrawMapping.TryMap(invocation, symbols) is { } mapping:
                return (call, Draw(mapping.ExpressionForm(), call, model));

            case IInvocationOperation { TargetMethod: { Name: "Shuffle" } method, Arguments.Length: 1 }
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Enumerable)
                     && node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax, ArgumentList.Arguments.Count: 0 } shuffle
                     && model.Compilation.GetTypeByMetadataName("RandomPurity.KeyedEnumerable") is not null:
                var withKey = shuffle.WithArgumentList(shuffle.ArgumentList.AddArguments(SyntaxFactory.Argument(SyntaxFactory.ParseExpression(Entropy))));
                return (shuffle, withKey);

            default:
                return null;
        }
    }
}
