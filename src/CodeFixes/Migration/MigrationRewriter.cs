using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace RandomPurity.CodeFixes.Migration;

/// <summary>
/// Applies a <see cref="MigrationPlan"/> in one walk of the original tree. Inserted statements take over the leading
/// trivia of the statement they precede (comments, and above all <c>#if</c> directives, so an insertion stays inside
/// the preprocessor region of its anchor) and reuse its indentation; new blocks are left to the formatter.
/// </summary>
internal sealed class MigrationRewriter : CSharpSyntaxRewriter
{
    private readonly MigrationPlan _plan;
    private readonly SyntaxTrivia _endOfLine;

    public MigrationRewriter(MigrationPlan plan, SyntaxTrivia endOfLine)
    {
        _plan = plan;
        _endOfLine = endOfLine;
    }

    public override SyntaxNode? Visit(SyntaxNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var visited = base.Visit(node);
        if (visited is null)
        {
            return null;
        }

        if (_plan.Replacements.TryGetValue(node, out var replace))
        {
            visited = replace(visited);
        }

        if (node is AnonymousFunctionExpressionSyntax lambda && _plan.Prologues.TryGetValue(lambda, out var prologue))
        {
            visited = AddPrologue((AnonymousFunctionExpressionSyntax)visited, prologue);
        }

        if (node is StatementSyntax statement && IsEmbedded(statement)
            && (_plan.Before.ContainsKey(statement) || _plan.After.ContainsKey(statement)))
        {
            visited = WrapInBlock(statement, (StatementSyntax)visited);
        }

        return visited;
    }

    // Leading trivia of a removed top-level statement, for the next one.
    private SyntaxTriviaList _pending = SyntaxFactory.TriviaList();

    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var visited = (BlockSyntax)base.VisitBlock(node)!;
        return visited.WithStatements(SyntaxFactory.List(Expand(node.Statements, visited.Statements)));
    }

    public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
    {
        var visited = (SwitchSectionSyntax)base.VisitSwitchSection(node)!;
        return visited.WithStatements(SyntaxFactory.List(Expand(node.Statements, visited.Statements)));
    }

    public override SyntaxNode? VisitCompilationUnit(CompilationUnitSyntax node)
    {
        var visited = (CompilationUnitSyntax)base.VisitCompilationUnit(node)!;
        var members = new List<MemberDeclarationSyntax>();
        for (var i = 0; i < node.Members.Count; i++)
        {
            if (node.Members[i] is GlobalStatementSyntax original && visited.Members[i] is GlobalStatementSyntax rewritten)
            {
                foreach (var statement in Expand(new[] { original.Statement }, new[] { rewritten.Statement }))
                {
                    members.Add(SyntaxFactory.GlobalStatement(statement));
                }
            }
            else
            {
                members.Add(visited.Members[i]);
            }
        }

        return visited.WithMembers(SyntaxFactory.List(members));
    }

    private static bool IsEmbedded(StatementSyntax statement) =>
        statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax);

    private List<StatementSyntax> Expand(IReadOnlyList<StatementSyntax> originals, IReadOnlyList<StatementSyntax> rewritten)
    {
        var result = new List<StatementSyntax>(rewritten.Count);
        var pending = _pending;
        _pending = SyntaxFactory.TriviaList();
        for (var i = 0; i < originals.Count; i++)
        {
            var original = originals[i];
            var current = rewritten[i];
            _plan.Before.TryGetValue(original, out var before);
            _plan.After.TryGetValue(original, out var after);
            var removed = _plan.Removed.Contains(original);
            if (pending.Count > 0)
            {
                // A removed statement's blank lines and comments stay above the statement after it.
                current = current.WithLeadingTrivia(pending.AddRange(current.GetLeadingTrivia()));
                pending = SyntaxFactory.TriviaList();
            }

            if (before is null && after is null && !removed)
            {
                result.Add(current);
                continue;
            }

            var leading = current.GetLeadingTrivia();
            var indentation = Indentation(leading);
            var items = new List<StatementSyntax>();
            foreach (var statement in before ?? new List<StatementSyntax>())
            {
                items.Add(statement.WithLeadingTrivia(indentation).WithTrailingTrivia(_endOfLine));
            }

            if (!removed)
            {
                items.Add(current.WithLeadingTrivia(indentation));
            }

            foreach (var statement in after ?? new List<StatementSyntax>())
            {
                items.Add(statement.WithLeadingTrivia(indentation).WithTrailingTrivia(_endOfLine));
            }

            if (items.Count == 0)
            {
                pending = AboveTheLine(leading);
                continue;
            }

            items[0] = items[0].WithLeadingTrivia(leading);
            if (removed)
            {
                items[items.Count - 1] = items[items.Count - 1].WithTrailingTrivia(current.GetTrailingTrivia());
            }

            result.AddRange(items);
        }

        // Top-level statements are expanded one by one: what a removed one leaves goes to the next.
        _pending = pending;
        return result;
    }

    /// <summary>The trivia on the lines above the statement's first line: blank lines, comments, directives.</summary>
    private static SyntaxTriviaList AboveTheLine(SyntaxTriviaList leading)
    {
        var lineStart = 0;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].HasStructure)
            {
                lineStart = i + 1;
            }
        }

        return SyntaxFactory.TriviaList(leading.Take(lineStart));
    }

    /// <summary>The whitespace that starts the statement's first line (after any comment or directive lines above it).</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var lineStart = 0;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].HasStructure)
            {
                // A directive's structure ends with its own end of line.
                lineStart = i + 1;
            }
        }

        return lineStart < leading.Count && leading[lineStart].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[lineStart])
            : SyntaxFactory.TriviaList();
    }

    private static StatementSyntax Elastic(StatementSyntax statement) =>
        statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(SyntaxFactory.ElasticMarker);

    private SyntaxNode WrapInBlock(StatementSyntax original, StatementSyntax current)
    {
        var statements = new List<StatementSyntax>();
        if (_plan.Before.TryGetValue(original, out var before))
        {
            statements.AddRange(before.Select(Elastic));
        }

        statements.Add(Elastic(current));
        if (_plan.After.TryGetValue(original, out var after))
        {
            statements.AddRange(after.Select(Elastic));
        }

        return SyntaxFactory.Block(statements)
            .WithLeadingTrivia(current.GetLeadingTrivia())
            .WithTrailingTrivia(current.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private SyntaxNode AddPrologue(AnonymousFunctionExpressionSyntax lambda, LambdaPrologue prologue)
    {
        var statements = new List<StatementSyntax>(prologue.Statements.Select(Elastic));
        BlockSyntax block;
        if (lambda.Block is { } body)
        {
            if (body.Statements.Count > 0)
            {
                // The first statement's leading trivia (indentation, comments) moves to the prologue, as for any insertion.
                statements[0] = statements[0].WithLeadingTrivia(body.Statements[0].GetLeadingTrivia());
                statements.Add(body.Statements[0].WithLeadingTrivia(SyntaxFactory.ElasticMarker));
                statements.AddRange(body.Statements.Skip(1));
            }

            block = body.WithStatements(SyntaxFactory.List(statements));
        }
        else
        {
            var expression = lambda.ExpressionBody!;
            statements.Add(Elastic(prologue.ReturnsVoid
                ? SyntaxFactory.ExpressionStatement(expression.WithoutTrivia())
                : SyntaxFactory.ReturnStatement(expression.WithoutTrivia())));
            // Real line breaks: the formatter keeps a block written on one line as it is.
            block = SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(_endOfLine),
                SyntaxFactory.List(statements.Select(statement => statement.WithTrailingTrivia(_endOfLine))),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(expression.GetTrailingTrivia()));
        }

        block = block.WithAdditionalAnnotations(Formatter.Annotation);
        return lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.WithExpressionBody(null).WithBlock(block),
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.WithExpressionBody(null).WithBlock(block),
            AnonymousMethodExpressionSyntax anonymous => anonymous.WithBlock(block),
            _ => lambda,
        };
    }
}
