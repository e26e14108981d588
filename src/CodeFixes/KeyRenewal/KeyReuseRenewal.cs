using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RandomPurity.Analyzers;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes.KeyRenewal;

// RP0003 sits on the second use of a key and names the first use. The fix renews the key at the FIRST use:
//
//     var a = key.Uniform();                 (key, var sub) = key.Split();
//     var b = key.Normal();        =>        var a = sub.Uniform();
//                                            var b = key.Normal();
//
// so the first use consumes a subkey of its own and every later use sees a renewed key (JAX's
// "key, subkey = random.split(key)"). A use in a loop body renews the key on every iteration; a first use that only
// folds the key in (FoldIn(i) in a loop) gets its split before the outermost loop that does not write the key, so
// the loop keeps folding one parent. One step may leave the second use flagged (a third use, another branch that
// consumed the key, several fold-in sites): the fix repeats, re-running the analyzer, until the site is clean, and
// offers nothing when a step cannot be made or the result would not compile.

/// <summary>Renews reused keys at their first use until the RP0003 diagnostics at the given sites are gone.</summary>
internal static class KeyReuseRenewal
{
    private const string SubBaseName = "sub";
    private const int MaxRounds = 8;

    /// <summary>
    /// Fixes the RP0003 diagnostics at <paramref name="sites"/>. With <paramref name="requireAll"/>, returns null unless
    /// every site ends up clean (a single code action); otherwise returns what could be fixed (FixAll), or null when
    /// nothing could.
    /// </summary>
    public static async Task<Document?> FixAsync(Document document, IReadOnlyCollection<Diagnostic> diagnostics, bool requireAll, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } originalModel)
        {
            return null;
        }

        // Cheap syntactic and symbol checks first: the analyzer runs below are only worth it when a first step exists.
        var firstSteps = diagnostics.Select(d => Step(root, originalModel, d, cancellationToken)).ToList();
        if (requireAll ? firstSteps.Any(step => step is null) : firstSteps.All(step => step is null))
        {
            return null;
        }

        // The sites are followed through the rewrites by annotation, not by position.
        var annotation = new SyntaxAnnotation("RandomPurity.RP0003.Site");
        var nodes = diagnostics.Select(d => root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true)).Distinct().ToList();

        // When every site is in one member, the checks look at that member only: the rewrite does not leave it.
        var scopeAnnotation = new SyntaxAnnotation("RandomPurity.RP0003.Scope");
        var scopes = nodes.Select(DocumentRewrite.NameScope).Distinct().ToList();
        var checkScope = scopes.Count == 1 && scopes[0] is not CompilationUnitSyntax ? scopes[0] : null;
        root = root.ReplaceNodes(
            checkScope is null ? nodes : nodes.Append(checkScope),
            (original, rewritten) => rewritten.WithAdditionalAnnotations(original == checkScope ? scopeAnnotation : annotation));
        var current = document.WithSyntaxRoot(root);
        var previous = current;
        var errors = await AnalyzerCheck.ErrorCountAsync(current, ScopeSpan(root, scopeAnnotation), cancellationToken).ConfigureAwait(false);
        if (errors > 0 && requireAll)
        {
            // Code that does not compile yet (the user is typing): the analysis cannot vouch for a rewrite of it.
            return null;
        }

        var changed = false;
        int? othersBefore = null;
        for (var round = 0; round < MaxRounds; round++)
        {
            root = (CompilationUnitSyntax)(await current.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var state = await RemainingAsync(current, root, annotation, ScopeSpan(root, scopeAnnotation), cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return null;
            }

            // A round may move a reuse from one site to another, but must not create key diagnostics elsewhere
            // (a renewed key seen by a lambda that runs later, for instance).
            var (remaining, others) = state.Value;
            if (others > othersBefore)
            {
                return round > 1 && !requireAll ? previous : null;
            }

            othersBefore = others;

            if (remaining.Count == 0)
            {
                return changed ? current : null;
            }

            var model = (await current.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            var plan = new MigrationPlan();
            var pickers = new Dictionary<SyntaxNode, NamePicker>();
            var renewed = new HashSet<SyntaxNode>();
            var prologues = new Dictionary<SyntaxNode, List<StatementSyntax>>();
            foreach (var diagnostic in remaining)
            {
                var step = Step(root, model, diagnostic, cancellationToken);
                if (step is null)
                {
                    if (requireAll)
                    {
                        return null;
                    }

                    continue;
                }

                // One expression body becomes one block per round; its other reuses are renewed in the next round.
                if ((step.Value.Owner is { } busy && prologues.ContainsKey(busy)) || !renewed.Add(step.Value.FirstUse))
                {
                    continue;
                }

                var scope = DocumentRewrite.NameScope(step.Value.FirstUse);
                if (!pickers.TryGetValue(scope, out var picker))
                {
                    picker = new NamePicker(model, scope);
                    pickers.Add(scope, picker);
                }

                var sub = picker.Pick(SubBaseName);
                if (step.Value.Anchor is { } anchor)
                {
                    step.Value.Split.AddBefore(plan, anchor, step.Value.FirstUse.Identifier.Text, sub);
                }
                else
                {
                    prologues.Add(step.Value.Owner!, new List<StatementSyntax>(step.Value.Split.Statements(step.Value.FirstUse.Identifier.Text, sub)));
                    plan.NeedsImport |= step.Value.Split.NeedsImport;
                }

                plan.Replacements[step.Value.FirstUse] = rewritten => SyntaxFactory.IdentifierName(sub).WithTriviaFrom(rewritten);
            }

            foreach (var (owner, prologue) in prologues.Select(pair => (pair.Key, pair.Value)))
            {
                var returnsVoid = BlockBody.ReturnsVoid(model, owner, cancellationToken) == true;
                if (owner is AnonymousFunctionExpressionSyntax lambda)
                {
                    prologue.ForEach(statement => plan.AddPrologue(lambda, returnsVoid, statement));
                    continue;
                }

                var endOfLine = DocumentRewrite.EndOfLine(root);
                plan.Replacements[owner] = rewritten => BlockBody.Replace(rewritten, prologue, returnsVoid, endOfLine);
            }

            if (plan.IsEmpty)
            {
                return changed && !requireAll ? current : null;
            }

            var next = await DocumentRewrite.ApplyAsync(current, root, plan, cancellationToken).ConfigureAwait(false);
            var nextRoot = await next.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (await AnalyzerCheck.ErrorCountAsync(next, nextRoot is null ? null : ScopeSpan(nextRoot, scopeAnnotation), cancellationToken).ConfigureAwait(false) > errors)
            {
                return changed && !requireAll ? current : null;
            }

            previous = current;
            current = next;
            changed = true;
        }

        return requireAll || !changed ? null : current;
    }

    /// <summary>
    /// The RP0003 diagnostics still on an annotated site, in source order, and how many other key diagnostics the
    /// document has; null when the analyzers failed.
    /// </summary>
    private static async Task<(List<Diagnostic> Sites, int Others)?> RemainingAsync(Document document, SyntaxNode root, SyntaxAnnotation annotation, TextSpan? scope, CancellationToken cancellationToken)
    {
        var diagnostics = await AnalyzerCheck.KeyDiagnosticsAsync(document, scope, cancellationToken).ConfigureAwait(false);
        if (diagnostics is null)
        {
            return null;
        }

        var sites = new HashSet<TextSpan>(root.GetAnnotatedNodes(annotation).Select(node => node.Span));
        var atSites = diagnostics.Value
            .Where(d => d.Id == RuleIdentifiers.KeyReused && sites.Contains(d.Location.SourceSpan))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToList();
        return (atSites, diagnostics.Value.Length - atSites.Count);
    }

    private static TextSpan? ScopeSpan(SyntaxNode root, SyntaxAnnotation scopeAnnotation) =>
        root.GetAnnotatedNodes(scopeAnnotation).FirstOrDefault()?.FullSpan;

    /// <summary>
    /// Where to renew the key for one diagnostic: before <c>Anchor</c>, or (a parameter first used in an expression
    /// body, which has no statement) at the start of <c>Owner</c>'s body, which becomes a block. Null when no safe
    /// renewal exists.
    /// </summary>
    private static (IdentifierNameSyntax FirstUse, StatementSyntax? Anchor, SyntaxNode? Owner, KeySplit Split)? Step(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.AdditionalLocations.Count == 0
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not IdentifierNameSyntax second
            || !root.FullSpan.Contains(diagnostic.AdditionalLocations[0].SourceSpan)
            || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not IdentifierNameSyntax first)
        {
            return null;
        }

        // The first use must name the same variable: a use through a copy (var k2 = key) is not renewed by renewing key.
        var variable = model.GetSymbolInfo(first, cancellationToken).Symbol;
        if (variable is null
            || !SymbolEqualityComparer.Default.Equals(variable, model.GetSymbolInfo(second, cancellationToken).Symbol)
            || !IsRenewable(variable)
            || !SymbolEqualityComparer.Default.Equals(model.GetEnclosingSymbol(first.SpanStart, cancellationToken), variable.ContainingSymbol)
            || InExpressionTree(first, model, cancellationToken))
        {
            return null;
        }

        var anchor = StatementAnchor.Find(first);
        if (anchor is null)
        {
            // Only the function's own parameter: each call (of a lambda too) starts with a fresh one to renew.
            if (variable is not IParameterSymbol parameter
                || BlockBody.ExpressionBodiedOwner(first) is not { } owner
                || !SymbolEqualityComparer.Default.Equals(BlockBody.SymbolOf(model, owner, cancellationToken), parameter.ContainingSymbol)
                || BlockBody.ReturnsVoid(model, owner, cancellationToken) is null
                || KeySplit.For(model, owner.SpanStart) is not { } bodySplit)
            {
                return null;
            }

            return (first, null, owner, bodySplit);
        }

        if (IsFoldInReceiver(first))
        {
            anchor = OutermostLoopNotWriting(anchor, variable, model, cancellationToken);
        }

        if (!StatementAnchor.AcceptsInsertion(anchor) || !IsInScope(variable, anchor, model))
        {
            return null;
        }

        var split = KeySplit.For(model, anchor.SpanStart);
        return split is null ? null : (first, anchor, null, split);
    }

    private static bool IsRenewable(ISymbol variable) => variable switch
    {
        ILocalSymbol local => local.RefKind == RefKind.None && !local.IsConst && !local.IsForEach && !local.IsUsing && !local.IsFixed,
        IParameterSymbol parameter => parameter.RefKind is RefKind.None or RefKind.Ref or RefKind.Out && !parameter.IsThis
            && parameter.ContainingSymbol is IMethodSymbol,
        _ => false,
    };

    /// <summary>The variable is declared before the anchor and visible there.</summary>
    private static bool IsInScope(ISymbol variable, StatementSyntax anchor, SemanticModel model)
    {
        if (variable is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree == anchor.SyntaxTree && reference.Span.End > anchor.SpanStart))
        {
            return false;
        }

        return model.LookupSymbols(anchor.SpanStart, name: variable.Name).Any(symbol => SymbolEqualityComparer.Default.Equals(symbol, variable));
    }

    private static bool IsFoldInReceiver(IdentifierNameSyntax use)
    {
        SyntaxNode node = use;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is MemberAccessExpressionSyntax access && access.Expression == node
            && access.Name.Identifier.ValueText.StartsWith("FoldIn", System.StringComparison.Ordinal);
    }

    /// <summary>
    /// A fold-in parent is renewed before the loops around it that neither declare nor write the key: a loop body is
    /// one fold-in site, so the loop folds one parent and the split runs once.
    /// </summary>
    private static StatementSyntax OutermostLoopNotWriting(StatementSyntax anchor, ISymbol variable, SemanticModel model, CancellationToken cancellationToken)
    {
        var result = anchor;
        foreach (var ancestor in anchor.Ancestors())
        {
            if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax or AccessorDeclarationSyntax)
            {
                break;
            }

            if (ancestor is not (ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax))
            {
                continue;
            }

            var loop = (StatementSyntax)ancestor;
            if (loop.Parent is LabeledStatementSyntax
                || variable.DeclaringSyntaxReferences.Any(reference => loop.Span.Contains(reference.Span))
                || WritesInside(loop, variable, model, cancellationToken))
            {
                break;
            }

            result = loop;
        }

        return result;
    }

    private static bool WritesInside(StatementSyntax loop, ISymbol variable, SemanticModel model, CancellationToken cancellationToken)
    {
        var flow = model.AnalyzeDataFlow(loop);
        return flow is null || !flow.Succeeded || flow.WrittenInside.Contains(variable, SymbolEqualityComparer.Default);
    }

    private static bool InExpressionTree(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var lambda in node.Ancestors().OfType<LambdaExpressionSyntax>())
        {
            if (model.GetTypeInfo(lambda, cancellationToken).ConvertedType is INamedTypeSymbol { Name: "Expression" } type
                && type.ContainingNamespace?.ToDisplayString() == "System.Linq.Expressions")
            {
                return true;
            }
        }

        return false;
    }
}
