using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>
/// Private key fields that are clearly never assigned: no initializer and no write to their name anywhere in
/// the declaring type (assignment, ref/out, deconstruction, a struct's <c>this = ...</c>). Conservative: any
/// syntax that might write the name counts as a write. Answers are cached per field for the compilation.
/// </summary>
internal sealed class NeverAssignedKeyFields
{
    private readonly KnownKeyTypes _types;
    private readonly ConcurrentDictionary<IFieldSymbol, bool> _cache = new(SymbolEqualityComparer.Default);

    public NeverAssignedKeyFields(KnownKeyTypes types)
    {
        _types = types;
    }

    public bool IsNeverAssigned(IFieldSymbol field) => _cache.GetOrAdd(field.OriginalDefinition, Compute);

    private bool Compute(IFieldSymbol field)
    {
        if (field.DeclaredAccessibility != Accessibility.Private || field.IsConst || field.IsImplicitlyDeclared || !_types.IsKey(field.Type)
            || field.ContainingType is not { } type || field.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer: null })
            {
                return false;
            }
        }

        foreach (var typeReference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in typeReference.GetSyntax().DescendantNodes())
            {
                switch (node)
                {
                    case IdentifierNameSyntax name when name.Identifier.ValueText == field.Name && IsWritten(name):
                        return false;
                    case AssignmentExpressionSyntax { Left: ThisExpressionSyntax }:
                        return false;
                }
            }
        }

        return true;
    }

    private static bool IsWritten(ExpressionSyntax name)
    {
        ExpressionSyntax current = name;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case MemberAccessExpressionSyntax access when access.Name == current:
                case ParenthesizedExpressionSyntax:
                    current = (ExpressionSyntax)parent;
                    continue;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == current;
                case ArgumentSyntax argument:
                    if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                    {
                        return true;
                    }

                    if (argument.Parent is TupleExpressionSyntax tuple)
                    {
                        current = tuple;
                        continue;
                    }

                    return false;
                case RefExpressionSyntax:
                case PrefixUnaryExpressionSyntax:
                case PostfixUnaryExpressionSyntax:
                    return true;
                default:
                    return false;
            }
        }
    }
}
