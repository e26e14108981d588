using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using RandomPurity.Analyzers;
using RandomPurity.Analyzers.Rules;

namespace RandomPurity.CodeFixes;

/// <summary>
/// RP0004: creates the key once, before the loop (or before the <c>Parallel.For</c> call), and folds the iteration
/// variable into it where it was created: <c>var k = PrngKey.Create(42);</c> in <c>for (int i ...)</c> becomes
/// <c>var kRoot = PrngKey.Create(42);</c> before the loop and <c>var k = kRoot.FoldIn(i);</c> inside.
/// Offered for a <c>for</c> loop with an <c>int</c>/<c>uint</c> counter, a <c>foreach</c> loop with an index
/// that the body increments on every iteration, and a <c>Parallel.For</c> lambda with an <c>int</c> index;
/// otherwise there is nothing per-iteration to fold in and no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HoistKeyCreationCodeFixProvider))]
[Shared]
public sealed class HoistKeyCreationCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = FixerNames.Prefix + "HoistKeyCreation";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnsplitKeyInLoop);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() =>
        // Several keys hoisted before the same loop must get distinct names and keep their order: plan them together.
        FixAllProvider.Create(static async (context, document, diagnostics) =>
            await HoistAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

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
            var plan = Plan(root, model, diagnostic, new HashSet<string>(), context.CancellationToken);
            if (plan is null)
            {
                continue;
            }

            var where = plan.Kind == RepeatedRegion.KindLambda ? "the Parallel.For call" : "the loop";
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Create the key once before {where} and fold in '{plan.Index}'",
                    ct => HoistAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> HoistAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var model = editor.SemanticModel;
        var taken = new HashSet<string>();
        var plans = new List<HoistPlan>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (Plan(root, model, diagnostic, taken, cancellationToken) is { } plan)
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            return document;
        }

        var newLine = NewLine(root);
        var triviaMoved = new HashSet<SyntaxNode>();
        foreach (var plan in plans)
        {
            var anchor = plan.Anchor;
            var indentation = Indentation(anchor);

            // The first declaration hoisted before a statement takes over its comments and blank lines, so that they
            // keep introducing the loop as a whole; the statement keeps only its indentation.
            var leading = triviaMoved.Add(anchor) ? anchor.GetLeadingTrivia() : SyntaxFactory.TriviaList(indentation);
            var declaration = SyntaxFactory.ParseStatement($"{plan.TypeText} {plan.Name} = {plan.Creation.WithoutTrivia().ToFullString()};")
                .WithLeadingTrivia(leading)
                .WithTrailingTrivia(newLine);
            SyntaxNode inserted = anchor is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(declaration) : declaration;
            editor.InsertBefore(anchor, inserted);
            editor.ReplaceNode(anchor, (current, _) => current.WithLeadingTrivia(indentation));

            var folded = SyntaxFactory.ParseExpression($"{plan.Name}.FoldIn({plan.Index})").WithTriviaFrom(plan.Creation);
            editor.ReplaceNode(plan.Creation, folded);
        }

        return editor.GetChangedDocument();
    }

    /// <summary>What to hoist where, or null when this diagnostic gets no fix.</summary>
    private static HoistPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, HashSet<string> taken, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(UnsplitKeyAnalyzer.RegionKindProperty, out var kind)
            || !diagnostic.Properties.TryGetValue(UnsplitKeyAnalyzer.RegionStartProperty, out var startText)
            || !int.TryParse(startText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var regionStart)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax creation)
        {
            return null;
        }

        var region = FindRegion(creation, regionStart);
        if (region is null || ReferencesLocalsOf(region, creation, model, cancellationToken))
        {
            return null;
        }

        var (index, anchor) = (kind, region) switch
        {
            (RepeatedRegion.KindFor, ForStatementSyntax forLoop) => (ForCounter(forLoop, model, cancellationToken), (SyntaxNode)forLoop),
            (RepeatedRegion.KindForEach, ForEachStatementSyntax forEach) => (ForEachIndex(forEach, model, cancellationToken), forEach),
            (RepeatedRegion.KindLambda, LambdaExpressionSyntax lambda) => ParallelForIndex(lambda, model, cancellationToken),
            _ => (null, null),
        };

        anchor = anchor is null ? null : InsertionPoint(anchor);
        if (index is null || anchor is null)
        {
            return null;
        }

        // `var k = PrngKey.Create(42);` becomes `var kRoot = ...` before the loop; anything else gets a `rootKey`.
        var declarator = OutsideParentheses(creation).Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax d } ? d : null;
        var typeText = declarator?.Parent is VariableDeclarationSyntax { Type: { } type } ? type.WithoutTrivia().ToString() : "var";
        var name = FreeName(declarator is null ? "rootKey" : declarator.Identifier.ValueText + "Root", creation, anchor, model, taken);
        return new HoistPlan(creation, anchor, kind!, index, name, typeText);
    }

    private static SyntaxNode OutsideParentheses(SyntaxNode expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        return expression;
    }

    /// <summary>The loop or lambda the analyzer named, provided no other function lies between it and the creation.</summary>
    private static SyntaxNode? FindRegion(SyntaxNode creation, int regionStart)
    {
        foreach (var ancestor in creation.Ancestors())
        {
            switch (ancestor)
            {
                case ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax when ancestor.SpanStart == regionStart:
                    return ancestor;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    // The fold-in would be captured by a delegate that may run after the loop variable moved on.
                    return null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>A seed that reads a local declared inside the region cannot move out of it.</summary>
    private static bool ReferencesLocalsOf(SyntaxNode region, InvocationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var identifier in creation.ArgumentList.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol
                && symbol.DeclaringSyntaxReferences.Any(r => region.Span.Contains(r.Span)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>int</c>/<c>uint</c> variable a for loop steps in its incrementors.</summary>
    private static string? ForCounter(ForStatementSyntax forLoop, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var incrementor in forLoop.Incrementors)
        {
            if (SteppedVariable(incrementor) is { } variable && IsIndexType(model.GetSymbolInfo(variable, cancellationToken).Symbol))
            {
                return variable.Identifier.ValueText;
            }
        }

        return null;
    }

    /// <summary>
    /// An <c>int</c>/<c>uint</c> local declared before a foreach loop and stepped by a statement of the loop body
    /// itself (not a nested one), in a body without <c>continue</c>: then it differs on every iteration.
    /// </summary>
    private static string? ForEachIndex(ForEachStatementSyntax forEach, SemanticModel model, CancellationToken cancellationToken)
    {
        if (forEach.Statement is not BlockSyntax body || ContinuesThisLoop(forEach))
        {
            return null;
        }

        foreach (var statement in body.Statements)
        {
            if (statement is ExpressionStatementSyntax { Expression: var expression }
                && SteppedVariable(expression) is { } variable
                && model.GetSymbolInfo(variable, cancellationToken).Symbol is ILocalSymbol local
                && IsIndexType(local)
                && !local.DeclaringSyntaxReferences.Any(r => forEach.Span.Contains(r.Span)))
            {
                return variable.Identifier.ValueText;
            }
        }

        return null;
    }

    private static bool ContinuesThisLoop(ForEachStatementSyntax forEach)
    {
        foreach (var statement in forEach.Statement.DescendantNodes().OfType<ContinueStatementSyntax>())
        {
            var owner = statement.Ancestors().FirstOrDefault(a => a is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax);
            if (owner == forEach)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index parameter of a lambda passed as the body of <c>Parallel.For(int, int, ...)</c>.</summary>
    private static (string? Index, SyntaxNode? Anchor) ParallelForIndex(LambdaExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { Name: "For" } method
            || method.ContainingType?.ToDisplayString() != "System.Threading.Tasks.Parallel"
            || model.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol { Parameters.Length: > 0 } function
            || function.Parameters[0].Type.SpecialType != SpecialType.System_Int32
            || function.Parameters[0].Name is "_" or "")
        {
            return (null, null);
        }

        return (function.Parameters[0].Name, call.FirstAncestorOrSelf<StatementSyntax>());
    }

    private static IdentifierNameSyntax? SteppedVariable(ExpressionSyntax expression) => expression switch
    {
        PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax name } => name,
        PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax name } prefix
            when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) => name,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
            when assignment.IsKind(SyntaxKind.AddAssignmentExpression) || assignment.IsKind(SyntaxKind.SubtractAssignmentExpression) => name,
        _ => null,
    };

    private static bool IsIndexType(ISymbol? symbol)
    {
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32;
    }

    /// <summary>The statement to insert before: it must sit in a block, a switch section or top-level code.</summary>
    private static SyntaxNode? InsertionPoint(SyntaxNode statement) => statement.Parent switch
    {
        BlockSyntax or SwitchSectionSyntax => statement,
        GlobalStatementSyntax global => global,
        _ => null,
    };

    /// <summary>
    /// A name that no identifier of the enclosing member uses and that nothing in scope has, so the new local neither
    /// clashes with a nested declaration (CS0136) nor shadows a field the member reads.
    /// </summary>
    private static string FreeName(string preferred, SyntaxNode creation, SyntaxNode anchor, SemanticModel model, HashSet<string> taken)
    {
        var scope = (SyntaxNode?)creation.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax)
            ?? creation.SyntaxTree.GetRoot();
        var used = new HashSet<string>(scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        used.UnionWith(model.LookupSymbols(anchor.SpanStart).Select(s => s.Name));

        // Names chosen earlier in the same Fix All pass, per member: `rootKey` may be reused in another method.
        var scopeKey = scope.SpanStart.ToString(CultureInfo.InvariantCulture) + ":";
        var name = preferred;
        for (var suffix = 2; used.Contains(name) || taken.Contains(scopeKey + name); suffix++)
        {
            name = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        taken.Add(scopeKey + name);
        return name;
    }

    private static SyntaxTrivia Indentation(SyntaxNode statement)
    {
        var leading = statement.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? leading[leading.Count - 1]
            : SyntaxFactory.Whitespace(string.Empty);
    }

    private static SyntaxTrivia NewLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found
            ? found
            : SyntaxFactory.LineFeed;

    private sealed class HoistPlan
    {
        public HoistPlan(InvocationExpressionSyntax creation, SyntaxNode anchor, string kind, string index, string name, string typeText)
        {
            Creation = creation;
            Anchor = anchor;
            Kind = kind;
            Index = index;
            Name = name;
            TypeText = typeText;
        }

        public InvocationExpressionSyntax Creation { get; }

        /// <summary>The statement the new declaration goes in front of.</summary>
        public SyntaxNode Anchor { get; }

        public string Kind { get; }

        /// <summary>The iteration variable or index parameter folded in.</summary>
        public string Index { get; }

        public string Name { get; }

        public string TypeText { get; }
    }
}
