using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using RandomPurity.Analyzers;
using RandomPurity.Analyzers.KeyFlow;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes.KeyRenewal;

// RP0009 sits on a key that every execution of a lambda, local function or member consumes unchanged. The fix gives
// each execution its own key, in this order of preference:
//
//  1. fold in the delegate's index, when the lambda has one or can get one from an overload:
//         xs.Select(x => key.Uniform())            =>  xs.Select((x, index) => key.FoldIn(index).Uniform())
//         Enumerable.Range(0, n).Select(i => ...)  =>  the range value i is already distinct: key.FoldIn(i)
//         Parallel.For(0, n, i => ...)             =>  key.FoldIn(i)
//     (one consuming reference only: two references folding the same index would share one key);
//  2. split inside, for functions that run one at a time:
//         xs.ForEach(x => Use(key.Uniform()))      =>  xs.ForEach(x => { (key, var sub) = key.Split(); Use(sub.Uniform()); })
//     never for Parallel/PLINQ/threading APIs, where a captured key written by concurrent runs is a data race;
//  3. for a key field of the member's own class (not readonly), renew the field where the member consumes it:
//         double Next() => _key.Uniform();         =>  double Next() { (_key, var sub) = _key.Split(); return sub.Uniform(); }
//
// A captured key that the enclosing function also uses elsewhere first gets a dedicated key split off before the
// lambda's statement ((key, var lambdaKey) = key.Split()), so the lambda never shares a key with the rest of the body.
// Every candidate fix is checked by the analyzers and the compiler; when the check fails, no fix is offered.

/// <summary>Computes and checks the RP0009 fix for one diagnostic.</summary>
internal static class ExecutionRenewal
{
    private const string SubBaseName = "sub";
    private const string IndexBaseName = "index";
    private const string LambdaKeyBaseName = "lambdaKey";

    private static readonly string[] IndexedLinqMethods = { "Select", "Where", "SelectMany", "SkipWhile", "TakeWhile" };

    /// <summary>The fixed document, or null when no checked fix exists for the diagnostic at <paramref name="site"/>.</summary>
    public static async Task<Document?> FixAsync(Document document, TextSpan site, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || KnownKeyTypes.Create(model.Compilation) is not { } types)
        {
            return null;
        }

        var node = root.FindNode(site, getInnermostNodeForTie: true);
        if (node is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }))
        {
            return null;
        }

        var reference = (ExpressionSyntax)node;
        var symbol = model.GetSymbolInfo(reference, cancellationToken).Symbol;
        var plan = new MigrationPlan();
        var region = symbol switch
        {
            ILocalSymbol or IParameterSymbol => PlanCaptured(plan, model, types, reference, symbol, cancellationToken),
            IFieldSymbol field => PlanField(plan, model, types, reference, field, cancellationToken),
            _ => null,
        };
        if (region is null || plan.IsEmpty)
        {
            return null;
        }

        return await CheckAsync(document, root, plan, region, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies the plan and keeps it only when the document gains no compiler error, the rewritten function or member
    /// has no key diagnostic left, and nothing else gains one.
    /// </summary>
    private static async Task<Document?> CheckAsync(Document document, CompilationUnitSyntax root, MigrationPlan plan, SyntaxNode region, CancellationToken cancellationToken)
    {
        // The edits stay inside the outermost member around the region (the dedicated key goes into the key's owner):
        // the checks look at that member, or at the whole file for top-level code.
        var scope = DocumentRewrite.NameScope(region);
        var scopeSpan = scope is CompilationUnitSyntax ? (TextSpan?)null : scope.FullSpan;
        // Code that does not compile yet (the user is typing): the analysis cannot vouch for a rewrite of it.
        var errors = await AnalyzerCheck.ErrorCountAsync(document, scopeSpan, cancellationToken).ConfigureAwait(false);
        if (errors > 0)
        {
            return null;
        }

        var before = await AnalyzerCheck.KeyDiagnosticsAsync(document, scopeSpan, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return null;
        }

        // Region and scope are followed into the fixed tree by annotations added with the last replacement of their nodes.
        var annotation = new SyntaxAnnotation("RandomPurity.RP0009.Region");
        var scopeAnnotation = new SyntaxAnnotation("RandomPurity.RP0009.Scope");
        Annotate(plan, region, annotation);
        if (scopeSpan is not null)
        {
            Annotate(plan, scope, scopeAnnotation);
        }

        var fixedDocument = await DocumentRewrite.ApplyAsync(document, root, plan, cancellationToken).ConfigureAwait(false);
        var fixedRoot = await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var fixedRegion = fixedRoot?.GetAnnotatedNodes(annotation).SingleOrDefault();
        var fixedScope = scopeSpan is null ? fixedRoot : fixedRoot?.GetAnnotatedNodes(scopeAnnotation).SingleOrDefault();
        if (fixedRegion is null || fixedScope is null)
        {
            return null;
        }

        var fixedScopeSpan = scopeSpan is null ? (TextSpan?)null : fixedScope.FullSpan;
        var after = await AnalyzerCheck.KeyDiagnosticsAsync(fixedDocument, fixedScopeSpan, cancellationToken).ConfigureAwait(false);
        if (after is null
            || await AnalyzerCheck.ErrorCountAsync(fixedDocument, fixedScopeSpan, cancellationToken).ConfigureAwait(false) > errors
            || after.Value.Any(d => fixedRegion.Span.IntersectsWith(d.Location.SourceSpan)))
        {
            return null;
        }

        var outsideBefore = before.Value.Count(d => !region.Span.IntersectsWith(d.Location.SourceSpan));
        var outsideAfter = after.Value.Count(d => !fixedRegion.Span.IntersectsWith(d.Location.SourceSpan));
        return outsideAfter > outsideBefore ? null : fixedDocument;
    }

    private static void Annotate(MigrationPlan plan, SyntaxNode node, SyntaxAnnotation annotation)
    {
        plan.Replacements.TryGetValue(node, out var replace);
        plan.Replacements[node] = rewritten => (replace is null ? rewritten : replace(rewritten)).WithAdditionalAnnotations(annotation);
    }

    private static SyntaxNode? PlanCaptured(MigrationPlan plan, SemanticModel model, KnownKeyTypes types, ExpressionSyntax reference, ISymbol variable, CancellationToken cancellationToken)
    {
        var function = reference.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);
        if (function is null
            || model.GetDeclaredSymbol(function, cancellationToken) is not IMethodSymbol && model.GetSymbolInfo(function, cancellationToken).Symbol is not IMethodSymbol
            || !IsRenewable(variable)
            || InExpressionTree(function, model, cancellationToken))
        {
            return null;
        }

        var functionSymbol = (model.GetDeclaredSymbol(function, cancellationToken) ?? model.GetSymbolInfo(function, cancellationToken).Symbol) as IMethodSymbol;
        if (functionSymbol is null || CapturedKeyUses.IsOwnedBy(variable, functionSymbol))
        {
            return null;
        }

        // Every reference to the key inside the function, none of them in a function nested deeper.
        var body = function is AnonymousFunctionExpressionSyntax lambda ? lambda.Body : ((LocalFunctionStatementSyntax)function).Body ?? (SyntaxNode?)((LocalFunctionStatementSyntax)function).ExpressionBody;
        var references = body is null ? new List<ExpressionSyntax>() : References(body, variable, model, cancellationToken);
        if (body is null || references.Count == 0 || references.Any(r => r.Ancestors().TakeWhile(a => a != function).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            return null;
        }

        var uses = references.Select(r => (Reference: r, Use: Classify(r, model, types, cancellationToken))).ToList();
        if (uses.Any(u => u.Use is null || u.Use.Value.Kind is not (KeyUseKind.Consume or KeyUseKind.FoldInParent or KeyUseKind.Neither)))
        {
            return null;
        }

        var consuming = uses.Where(u => u.Use!.Value.Kind != KeyUseKind.Neither).Select(u => u.Reference).ToList();
        if (consuming.Count == 0)
        {
            return null;
        }

        var names = new NamePicker(model, DocumentRewrite.NameScope(function));
        var owner = variable.ContainingSymbol;
        var usedElsewhere = UsedOutside(function, owner, variable, model, cancellationToken);

        // A lambda created in a loop (or in another function) of the key's owner is created many times: folding the
        // same captured key into each would repeat the same streams, so each creation gets its own dedicated key.
        var createdRepeatedly = function.Ancestors()
            .TakeWhile(a => !SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(a, cancellationToken), owner))
            .Any(a => a is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);
        var key = consuming[0] is IdentifierNameSyntax identifier ? identifier.Identifier.Text : variable.Name;

        if (function is AnonymousFunctionExpressionSyntax anonymous)
        {
            var target = DelegateTarget(anonymous, model, cancellationToken);
            var index = consuming.Count == 1 ? IndexFor(anonymous, functionSymbol, target, model, names, cancellationToken) : null;
            if (index is null && (RunsConcurrently(target) || anonymous.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) && anonymous.ExpressionBody is not null))
            {
                return null;
            }

            if (usedElsewhere || (createdRepeatedly && index is not null))
            {
                if (DedicateKey(plan, model, anonymous, owner, key, names) is not { } dedicated)
                {
                    return null;
                }

                key = dedicated;
            }

            if (index is not null)
            {
                if (index.Value.AddParameter is { } addParameter)
                {
                    plan.Replacements[anonymous] = addParameter;
                }

                var folded = $"{key}.FoldIn({index.Value.Name})";
                plan.Replacements[consuming[0]] = rewritten => SyntaxFactory.ParseExpression(folded).WithTriviaFrom(rewritten);
                return function;
            }

            return SplitInside(plan, model, anonymous, body, consuming, key, names, functionSymbol) ? function : null;
        }

        // A local function can be called before its declaration: a dedicated key split off in front of it may not
        // exist yet, so a local function shares its key with nothing else or gets no fix.
        return !usedElsewhere && SplitInside(plan, model, function, body, consuming, key, names, functionSymbol) ? function : null;
    }

    private static SyntaxNode? PlanField(MigrationPlan plan, SemanticModel model, KnownKeyTypes types, ExpressionSyntax reference, IFieldSymbol field, CancellationToken cancellationToken)
    {
        // Renewing the field is only sound for state this member owns and may write: a mutable field of a class
        // (a struct member would renew a copy, a readonly field cannot be written).
        if (field.IsReadOnly || field.IsConst || field.ContainingType.TypeKind != TypeKind.Class
            || reference.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
        {
            return null;
        }

        var member = reference.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax);
        if (member is not (MethodDeclarationSyntax or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or AccessorDeclarationSyntax)
            || model.GetDeclaredSymbol(member, cancellationToken) is not IMethodSymbol memberSymbol)
        {
            return null;
        }

        var body = member switch
        {
            BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
            AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
            _ => null,
        };
        if (body is null)
        {
            return null;
        }

        var references = References(body, field, model, cancellationToken);
        if (references.Any(r => r.Ancestors().TakeWhile(a => a != member).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            return null;
        }

        var uses = references.Select(r => (Reference: r, Use: Classify(r, model, types, cancellationToken))).ToList();
        if (uses.Any(u => u.Use is null || u.Use.Value.Kind is not (KeyUseKind.Consume or KeyUseKind.FoldInParent or KeyUseKind.Neither)))
        {
            return null;
        }

        var consuming = uses.Where(u => u.Use!.Value.Kind != KeyUseKind.Neither).Select(u => u.Reference).ToList();
        if (consuming.Count == 0)
        {
            return null;
        }

        var names = new NamePicker(model, member);
        return SplitInside(plan, model, member, body, consuming, reference.WithoutTrivia().ToString(), names, memberSymbol) ? member : null;
    }

    /// <summary>
    /// Gives each consuming reference its own subkey split off <paramref name="key"/>: before the reference's statement
    /// in a block body, or at the start of an expression body (which becomes a block).
    /// </summary>
    private static bool SplitInside(MigrationPlan plan, SemanticModel model, SyntaxNode function, SyntaxNode body, List<ExpressionSyntax> consuming, string key, NamePicker names, IMethodSymbol functionSymbol)
    {
        if (body is BlockSyntax)
        {
            foreach (var reference in consuming)
            {
                var anchor = StatementAnchor.Find(reference);
                if (anchor is null || !StatementAnchor.AcceptsInsertion(anchor) || KeySplit.For(model, anchor.SpanStart) is not { } split)
                {
                    return false;
                }

                var sub = names.Pick(SubBaseName);
                split.AddBefore(plan, anchor, key, sub);
                plan.Replacements[reference] = rewritten => SyntaxFactory.IdentifierName(sub).WithTriviaFrom(rewritten);
            }

            return true;
        }

        // An expression body: async bodies would need `await` rather than `return`, so they get no fix.
        if (functionSymbol.IsAsync || KeySplit.For(model, body.SpanStart) is not { } bodySplit)
        {
            return false;
        }

        var prologue = new List<StatementSyntax>();
        foreach (var reference in consuming)
        {
            var sub = names.Pick(SubBaseName);
            prologue.AddRange(bodySplit.Statements(key, sub));
            plan.Replacements[reference] = rewritten => SyntaxFactory.IdentifierName(sub).WithTriviaFrom(rewritten);
        }

        plan.NeedsImport |= bodySplit.NeedsImport;
        var returnsVoid = functionSymbol.ReturnsVoid;
        if (function is AnonymousFunctionExpressionSyntax lambda)
        {
            foreach (var statement in prologue)
            {
                plan.AddPrologue(lambda, returnsVoid, statement);
            }

            return true;
        }

        var endOfLine = DocumentRewrite.EndOfLine(function.SyntaxTree.GetRoot());
        plan.Replacements[function] = rewritten => BlockBody.Replace(rewritten, prologue, returnsVoid, endOfLine);
        return true;
    }

    /// <summary>Splits a dedicated key off the captured one before the lambda's statement, in the function that owns the key.</summary>
    private static string? DedicateKey(MigrationPlan plan, SemanticModel model, AnonymousFunctionExpressionSyntax lambda, ISymbol owner, string key, NamePicker names)
    {
        var anchor = StatementAnchor.Find(lambda);
        if (anchor is null
            || !StatementAnchor.AcceptsInsertion(anchor)
            || !SymbolEqualityComparer.Default.Equals(model.GetEnclosingSymbol(anchor.SpanStart), owner)
            || KeySplit.For(model, anchor.SpanStart) is not { } split)
        {
            return null;
        }

        var name = names.Pick(LambdaKeyBaseName);
        split.AddBefore(plan, anchor, key, name);
        return name;
    }

    /// <summary>
    /// The index to fold in: the lambda's own index parameter (Parallel.For, Select((x, i) => ...), a value of
    /// Enumerable.Range), or one it gains by taking the indexed overload of a LINQ operator.
    /// </summary>
    private static (string Name, System.Func<SyntaxNode, SyntaxNode>? AddParameter)? IndexFor(AnonymousFunctionExpressionSyntax lambda, IMethodSymbol function, IMethodSymbol? target, SemanticModel model, NamePicker names, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            return null;
        }

        var containing = (target.ReducedFrom ?? target).ContainingType?.ToDisplayString();
        var parameters = function.Parameters;
        if (containing == "System.Threading.Tasks.Parallel")
        {
            return target.Name == "For" && parameters.Length >= 1 && parameters[0].Type.SpecialType == SpecialType.System_Int32 && IsNamed(parameters[0])
                ? (parameters[0].Name, null)
                : null;
        }

        if (containing != "System.Linq.Enumerable" || System.Array.IndexOf(IndexedLinqMethods, target.Name) < 0)
        {
            return null;
        }

        if (parameters.Length == 2)
        {
            return parameters[1].Type.SpecialType == SpecialType.System_Int32 && IsNamed(parameters[1]) ? (parameters[1].Name, null) : null;
        }

        if (parameters.Length != 1)
        {
            return null;
        }

        // Enumerable.Range(a, n).Select(i => ...): the values are distinct, as good as an index and easier to read.
        if (target.Name == "Select" && parameters[0].Type.SpecialType == SpecialType.System_Int32 && IsNamed(parameters[0])
            && lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax source } } } }
            && model.GetSymbolInfo(source, cancellationToken).Symbol is IMethodSymbol { Name: "Range" } range
            && range.ContainingType?.ToDisplayString() == "System.Linq.Enumerable")
        {
            return (parameters[0].Name, null);
        }

        var index = names.Pick(IndexBaseName);
        return (index, rewritten => AddIndexParameter(rewritten, index));
    }

    private static bool IsNamed(IParameterSymbol parameter) => parameter.Name.Length > 0 && parameter.Name != "_" && !parameter.IsDiscard;

    private static SyntaxNode AddIndexParameter(SyntaxNode lambda, string index)
    {
        var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        switch (lambda)
        {
            case SimpleLambdaExpressionSyntax simple:
                var list = SyntaxFactory.ParameterList(
                    SyntaxFactory.SeparatedList(new[] { simple.Parameter.WithoutTrivia(), SyntaxFactory.Parameter(SyntaxFactory.Identifier(index)) }, new[] { comma }))
                    .WithTriviaFrom(simple.Parameter);
                return SyntaxFactory.ParenthesizedLambdaExpression()
                    .WithModifiers(simple.Modifiers)
                    .WithParameterList(list)
                    .WithArrowToken(simple.ArrowToken)
                    .WithBlock(simple.Block)
                    .WithExpressionBody(simple.ExpressionBody)
                    .WithTriviaFrom(simple);
            case ParenthesizedLambdaExpressionSyntax parenthesized when parenthesized.ParameterList.Parameters.Count == 1:
                var existing = parenthesized.ParameterList.Parameters[0];
                var added = existing.Type is null
                    ? SyntaxFactory.Parameter(SyntaxFactory.Identifier(index))
                    : SyntaxFactory.Parameter(SyntaxFactory.Identifier(index)).WithType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)).WithTrailingTrivia(SyntaxFactory.Space));
                return parenthesized.WithParameterList(parenthesized.ParameterList.WithParameters(
                    SyntaxFactory.SeparatedList(new[] { existing, added }, new[] { comma })));
            case AnonymousMethodExpressionSyntax { ParameterList.Parameters.Count: 1 } anonymous:
                var first = anonymous.ParameterList!.Parameters[0];
                var indexParameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(index))
                    .WithType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)).WithTrailingTrivia(SyntaxFactory.Space));
                return anonymous.WithParameterList(anonymous.ParameterList.WithParameters(
                    SyntaxFactory.SeparatedList(new[] { first, indexParameter }, new[] { comma })));
            default:
                return lambda;
        }
    }

    /// <summary>The method the lambda is passed to, if it is an argument.</summary>
    private static IMethodSymbol? DelegateTarget(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode node = lambda;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } }
            ? model.GetSymbolInfo(call, cancellationToken).Symbol as IMethodSymbol
            : null;
    }

    /// <summary>APIs that may run the delegate on several threads at once: a captured key renewed inside would race.</summary>
    private static bool RunsConcurrently(IMethodSymbol? target)
    {
        var type = (target?.ReducedFrom ?? target)?.ContainingType;
        if (type is null)
        {
            return false;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        return ns == "System.Threading" || ns.StartsWith("System.Threading.", System.StringComparison.Ordinal)
            || type.ToDisplayString() == "System.Linq.ParallelEnumerable";
    }

    /// <summary>The references to <paramref name="variable"/> under <paramref name="body"/>; <c>this.field</c> as a whole.</summary>
    private static List<ExpressionSyntax> References(SyntaxNode body, ISymbol variable, SemanticModel model, CancellationToken cancellationToken)
    {
        var result = new List<ExpressionSyntax>();
        foreach (var identifier in body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != variable.Name
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, variable))
            {
                continue;
            }

            if (identifier.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == identifier)
            {
                result.Add(access);
            }
            else if (identifier.Parent is MemberAccessExpressionSyntax other && other.Name == identifier)
            {
                // Another instance's field, or a qualified static access: not this member's own reference.
                return new List<ExpressionSyntax> { other };
            }
            else
            {
                result.Add(identifier);
            }
        }

        return result;
    }

    private static KeyUse? Classify(ExpressionSyntax reference, SemanticModel model, KnownKeyTypes types, CancellationToken cancellationToken)
    {
        var operation = model.GetOperation(reference, cancellationToken);
        return operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation
            ? KeyUseClassifier.Classify(operation, types)
            : null;
    }

    /// <summary>True when the function that owns the key reads or writes it anywhere outside <paramref name="function"/>.</summary>
    private static bool UsedOutside(SyntaxNode function, ISymbol owner, ISymbol variable, SemanticModel model, CancellationToken cancellationToken)
    {
        var scope = owner.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) ?? function.SyntaxTree.GetRoot(cancellationToken);
        return scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier =>
            !function.Span.Contains(identifier.Span)
            && identifier.Identifier.ValueText == variable.Name
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, variable));
    }

    private static bool IsRenewable(ISymbol variable) => variable switch
    {
        ILocalSymbol local => local.RefKind == RefKind.None && !local.IsConst && !local.IsForEach && !local.IsUsing && !local.IsFixed,
        IParameterSymbol parameter => parameter.RefKind == RefKind.None && !parameter.IsThis,
        _ => false,
    };

    private static bool InExpressionTree(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var lambda in node.AncestorsAndSelf().OfType<AnonymousFunctionExpressionSyntax>())
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
