using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using RandomPurity.Analyzers;

namespace RandomPurity.CodeFixes;

/// <summary>
/// RP0005: removes a statement that calls a key member and drops its result. A key is immutable, so such a call
/// only matters through its arguments; it is removed only when evaluating them has no side effect (literals,
/// constants, locals, parameters, fields), otherwise no fix is offered. Comments and preprocessor directives in
/// front of the statement stay where they were.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDroppedKeyCallCodeFixProvider))]
[Shared]
public sealed class RemoveDroppedKeyCallCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = FixerNames.Prefix + "RemoveDroppedKeyCall";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.KeyResultDropped);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() =>
        // One pass per document: removals next to each other move the comments they keep onto the same token,
        // which a text-merging batch fixer would see as conflicting edits.
        FixAllProvider.Create(static async (context, document, diagnostics) => await RemoveAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var removable = FindRemovableStatement(root, model, diagnostic.Location.SourceSpan, context.CancellationToken);
            if (removable is null)
            {
                continue;
            }

            var call = ((ExpressionStatementSyntax)(removable is GlobalStatementSyntax global ? global.Statement : removable)).Expression;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove '{call.WithoutTrivia()}' (its result is dropped)",
                    ct => RemoveAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> RemoveAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var statements = diagnostics
            .Select(d => FindRemovableStatement(root, model, d.Location.SourceSpan, cancellationToken))
            .OfType<SyntaxNode>()
            .Distinct()
            .OrderBy(s => s.SpanStart)
            .ToList();
        return statements.Count == 0 ? document : document.WithSyntaxRoot(RemoveKeepingComments(root, statements));
    }

    /// <summary>The statement (or top-level statement) to remove, or null when no fix should be offered.</summary>
    private static SyntaxNode? FindRemovableStatement(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        if (root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
        {
            return null;
        }

        var statement = expression.FirstAncestorOrSelf<ExpressionStatementSyntax>();
        if (statement is null || statement.Expression.Span != span || ContainsDirectiveInside(statement))
        {
            return null;
        }

        // Removing an embedded statement (`if (c) key.Split();`) would change the meaning of what follows it.
        SyntaxNode removable = statement;
        switch (statement.Parent)
        {
            case BlockSyntax:
            case SwitchSectionSyntax:
                break;
            case GlobalStatementSyntax global:
                removable = global;
                break;
            default:
                return null;
        }

        if (model.GetOperation(statement, cancellationToken) is not IExpressionStatementOperation operation)
        {
            return null;
        }

        var call = operation.Operation switch
        {
            IInvocationOperation invocation => invocation,
            IConditionalAccessOperation { WhenNotNull: IInvocationOperation whenNotNull } conditional
                when IsSideEffectFree(conditional.Operation) => whenNotNull,
            _ => null,
        };

        return call is not null && IsSideEffectFree(call) ? removable : null;
    }

    private static bool IsSideEffectFree(IInvocationOperation invocation) =>
        (invocation.Instance is null || IsSideEffectFree(invocation.Instance))
        && invocation.Arguments.All(a => IsSideEffectFree(a.Value));

    /// <summary>Conservative: only what the spec lists (literals, constants, locals, parameters, fields).</summary>
    private static bool IsSideEffectFree(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
        {
            return true;
        }

        return operation switch
        {
            ILiteralOperation or IDefaultValueOperation or ITypeOfOperation or INameOfOperation or ISizeOfOperation => true,
            ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => true,
            IConditionalAccessInstanceOperation => true,
            IFieldReferenceOperation field => field.Instance is null || IsSideEffectFree(field.Instance),
            // A user-defined conversion runs user code.
            IConversionOperation conversion => conversion.OperatorMethod is null && IsSideEffectFree(conversion.Operand),
            _ => false,
        };
    }

    private static bool ContainsDirectiveInside(SyntaxNode statement) =>
        statement.DescendantTrivia(statement.Span).Any(t => t.IsDirective);

    /// <summary>
    /// Removes the statements with their indentation and line break, but moves the comments and directives written
    /// in front of each one onto the next token that stays, so that no explanation or <c>#if</c> region is lost.
    /// </summary>
    private static SyntaxNode RemoveKeepingComments(SyntaxNode root, List<SyntaxNode> statements)
    {
        var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
            ? found
            : SyntaxFactory.LineFeed;
        var removed = new HashSet<SyntaxNode>(statements);
        var kept = new Dictionary<SyntaxToken, List<SyntaxTrivia>>();
        foreach (var statement in statements)
        {
            var trivia = CommentsInFront(statement, newLine);
            if (trivia.Count == 0)
            {
                continue;
            }

            var next = statement.GetLastToken().GetNextToken(includeZeroWidth: true, includeSkipped: true);
            while (next.Parent is not null && removed.FirstOrDefault(s => s.FullSpan.Contains(next.SpanStart)) is { } swallowing)
            {
                next = swallowing.GetLastToken().GetNextToken(includeZeroWidth: true, includeSkipped: true);
            }

            if (!kept.TryGetValue(next, out var list))
            {
                kept[next] = list = new List<SyntaxTrivia>();
            }

            list.AddRange(trivia);
        }

        var annotation = new SyntaxAnnotation();
        var marked = root.ReplaceSyntax(
            statements,
            (_, rewritten) => rewritten.WithAdditionalAnnotations(annotation),
            kept.Keys,
            (original, rewritten) => rewritten.WithLeadingTrivia(kept[original].Concat(rewritten.LeadingTrivia)),
            Enumerable.Empty<SyntaxTrivia>(),
            (_, rewritten) => rewritten);
        return marked.RemoveNodes(marked.GetAnnotatedNodes(annotation), SyntaxRemoveOptions.KeepNoTrivia) ?? marked;
    }

    /// <summary>The statement's leading trivia up to the end of its last comment or directive line, if it has any.</summary>
    private static List<SyntaxTrivia> CommentsInFront(SyntaxNode statement, SyntaxTrivia newLine)
    {
        var leading = statement.GetLeadingTrivia();
        var last = -1;
        for (var i = 0; i < leading.Count; i++)
        {
            if (!leading[i].IsKind(SyntaxKind.WhitespaceTrivia) && !leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                last = i;
            }
        }

        var result = new List<SyntaxTrivia>();
        if (last < 0)
        {
            return result;
        }

        for (var i = 0; i <= last; i++)
        {
            result.Add(leading[i]);
        }

        // Directives carry their own line break; a comment needs the one after it (or a new one, for `/* */ call();`).
        if (!leading[last].IsDirective)
        {
            result.Add(last + 1 < leading.Count && leading[last + 1].IsKind(SyntaxKind.EndOfLineTrivia)
                ? leading[last + 1]
                : newLine);
        }

        return result;
    }
}
