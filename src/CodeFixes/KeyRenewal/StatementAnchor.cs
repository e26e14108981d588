using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RandomPurity.CodeFixes.KeyRenewal;

/// <summary>Finds the statement before which a split can go so that it runs exactly once before a given expression.</summary>
internal static class StatementAnchor
{
    /// <summary>
    /// The nearest statement around <paramref name="node"/> in the same function, provided the node runs once per
    /// execution of that statement: not in a loop condition or incrementor, not in a query clause, not under a label
    /// (a jump to the label would skip the split). Null otherwise, and for expression-bodied members and lambdas.
    /// </summary>
    public static StatementSyntax? Find(SyntaxNode node)
    {
        var child = node;
        for (var current = node.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax or AccessorDeclarationSyntax:
                case QueryBodySyntax or QueryClauseSyntax or SelectOrGroupClauseSyntax or QueryContinuationSyntax:
                    return null;
                case WhileStatementSyntax loop when loop.Condition == child:
                case DoStatementSyntax loop2 when loop2.Condition == child:
                case ForStatementSyntax loop3 when loop3.Condition == child || loop3.Incrementors.Any(incrementor => incrementor == child):
                    return null;
                case StatementSyntax statement:
                    return statement.Parent is LabeledStatementSyntax ? null : statement;
            }
        }

        return null;
    }

    /// <summary>True when a statement can be inserted before <paramref name="statement"/> (an embedded one is wrapped in a block).</summary>
    public static bool AcceptsInsertion(StatementSyntax statement) =>
        statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax
        or IfStatementSyntax or ElseClauseSyntax or ForStatementSyntax or CommonForEachStatementSyntax
        or WhileStatementSyntax or DoStatementSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax;
}
