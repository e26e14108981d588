using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RandomPurity.CodeFixes.Migration;

/// <summary>
/// Every edit of one document, keyed by nodes of the original tree and applied in one pass by
/// <see cref="MigrationRewriter"/>. Several migrations (FixAll: every <c>Random</c> local of a document) add to the
/// same plan, so their edits never conflict the way separately computed text changes would.
/// </summary>
internal sealed class MigrationPlan
{
    /// <summary>Node replacements; the function receives the node with its descendants already rewritten.</summary>
    public Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>> Replacements { get; } = new();

    /// <summary>Statements inserted before a statement (which gets wrapped in a block when it is an embedded statement).</summary>
    public Dictionary<StatementSyntax, List<StatementSyntax>> Before { get; } = new();

    /// <summary>Statements inserted after a statement of a statement list.</summary>
    public Dictionary<StatementSyntax, List<StatementSyntax>> After { get; } = new();

    /// <summary>Statements of a statement list removed (their leading trivia moves to what replaces them).</summary>
    public HashSet<StatementSyntax> Removed { get; } = new();

    /// <summary>Statements put at the start of a lambda's body, which becomes a block if it was an expression.</summary>
    public Dictionary<AnonymousFunctionExpressionSyntax, LambdaPrologue> Prologues { get; } = new();

    /// <summary>True when the rewritten code names <c>PrngKey</c> where <c>using RandomPurity;</c> is not in effect.</summary>
    public bool NeedsImport { get; set; }

    public bool IsEmpty => Replacements.Count == 0 && Before.Count == 0 && After.Count == 0 && Removed.Count == 0 && Prologues.Count == 0;

    public void AddBefore(StatementSyntax anchor, StatementSyntax statement) => Add(Before, anchor, statement);

    public void AddAfter(StatementSyntax anchor, StatementSyntax statement) => Add(After, anchor, statement);

    public void AddPrologue(AnonymousFunctionExpressionSyntax lambda, bool returnsVoid, StatementSyntax statement)
    {
        if (!Prologues.TryGetValue(lambda, out var prologue))
        {
            prologue = new LambdaPrologue(returnsVoid);
            Prologues.Add(lambda, prologue);
        }

        prologue.Statements.Add(statement);
    }

    /// <summary>Parses a generated statement; generated code is plain text so that it reads like hand-written code.</summary>
    public static StatementSyntax Statement(string text) => SyntaxFactory.ParseStatement(text).WithoutTrivia();

    private static void Add(Dictionary<StatementSyntax, List<StatementSyntax>> map, StatementSyntax anchor, StatementSyntax statement)
    {
        if (!map.TryGetValue(anchor, out var list))
        {
            list = new List<StatementSyntax>();
            map.Add(anchor, list);
        }

        list.Add(statement);
    }
}

/// <summary>Statements for the start of a lambda body, and whether an expression body is a value to return.</summary>
internal sealed class LambdaPrologue
{
    public LambdaPrologue(bool returnsVoid)
    {
        ReturnsVoid = returnsVoid;
    }

    public bool ReturnsVoid { get; }

    public List<StatementSyntax> Statements { get; } = new();
}
