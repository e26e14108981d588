using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes.Threading;

/// <summary>
/// RP0002 on <c>Random.Shared</c>: every <c>Random.Shared</c> draw of one method is rewritten at once to a draw from a
/// fresh subkey of one key, in the shape the local fix writes (<c>(key, sub) = key.Split();</c> before the statement).
/// Where the key comes from depends on the method:
/// <list type="bullet">
/// <item>an ordinary method other assemblies cannot call, called only directly: it gains a last parameter
/// <c>PrngKey key</c>; a recursive call passes a split subkey; a caller that already threads a key the same way (a
/// key parameter or a <c>FromEntropy</c> local only ever renewed by <c>(key, sub) = key.Split();</c>) passes a split
/// of it; every other call site passes <c>PrngKey.FromEntropy()</c> (what <c>Random.Shared</c> was, now explicit and
/// visible where it enters);</item>
/// <item>a root that must keep its signature (public or protected in a library, override, virtual, interface
/// implementation, entry point, event handler, used as a method group, optional or params parameters): it starts
/// with <c>var key = PrngKey.FromEntropy();</c>.</item>
/// </list>
/// Draws inside the method's lambdas and local functions are left to <see cref="InlineEntropy"/>. Refused when one
/// other <c>Random.Shared</c> use of the method is not a mapped draw in a statement of a block or in the expression
/// body (a loop header, a query, an embedded statement, <c>GetItems(choices, n)</c>, ...).
/// </summary>
internal static class SharedRandomMigration
{
    /// <summary>The method whose <c>Random.Shared</c> use is at <paramref name="node"/>, when it is a draw this fix rewrites.</summary>
    public static MethodDeclarationSyntax? TargetMethod(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (MigrationSymbols.Create(model.Compilation) is not { } symbols)
        {
            return null;
        }

        var operation = model.GetOperation(node, cancellationToken);
        var global = operation switch
        {
            IPropertyReferenceOperation reference => IsShared(reference, symbols),
            IInvocationOperation invocation => IsEnumerable(invocation.TargetMethod, "Shuffle", symbols)
                || invocation.TargetMethod is { Name: "NewGuid", IsStatic: true, ContainingType.Name: "Guid" },
            _ => false,
        };
        return global ? node.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault() : null;
    }

    /// <summary>Rewrites <paramref name="method"/> and its callers; returns <see langword="null"/> when no safe rewrite exists.</summary>
    public static async Task<Solution?> MigrateAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax || model is null
            || MigrationSymbols.Create(model.Compilation) is not { } symbols
            || ((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp7
            || model.GetDeclaredSymbol(method, cancellationToken) is not { MethodKind: MethodKind.Ordinary } symbol
            || method.Modifiers.Any(SyntaxKind.PartialKeyword) || (method.Body is null && method.ExpressionBody is null)
            || !MigrationChecks.BindsToOrFree(model, method.SpanStart, "PrngKey", symbols.PrngKey)
            || NamePicker.AppearsInDisabledText(method, "Shared"))
        {
            return null;
        }

        var draws = new List<Draw>();
        if (!CollectDraws(model, method, symbols, draws, cancellationToken) || draws.Count == 0)
        {
            return null;
        }

        var callers = new List<ReferenceLocation>();
        var threaded = await CanThreadAsync(document, model, symbol, callers, cancellationToken).ConfigureAwait(false);

        // Calls of the method inside its own body pass a split subkey, like draws.
        var recursive = new List<InvocationExpressionSyntax>();
        if (threaded)
        {
            foreach (var caller in callers.Where(caller => caller.Document.Id == document.Id && method.Span.Contains(caller.Location.SourceSpan)))
            {
                var call = CallOf(root.FindNode(caller.Location.SourceSpan, getInnermostNodeForTie: true))!;
                if (!TryAnchor(method, call, out var anchor))
                {
                    return null;
                }

                draws.Add(new Draw(call, anchor, null));
                recursive.Add(call);
            }
        }

        if (!threaded && draws.Count == 1 && draws[0] is { ShuffleSource: null, Mapping: { } only }
            && !CallsGlobalRandomness(model, method, cancellationToken))
        {
            // A root that draws once needs no key of its own: the draw takes its entropy in place, as Random.Shared
            // did (PrngKey.FromEntropy().Uniform()), with nothing to split.
            var call = draws[0].Call;
            var single = UsingDirectives.AddIfUnbound(root.ReplaceNode(call, InlineEntropy.Draw(only, call, model)), model, method.SpanStart);
            return document.WithSyntaxRoot(single).Project.Solution;
        }

        var names = new NamePicker(model, method);
        var key = names.Pick("key");
        var ordered = draws.OrderBy(draw => draw.Call.SpanStart).ToList();
        var perAnchor = new Dictionary<SyntaxNode, List<Draw>>();
        foreach (var draw in ordered)
        {
            var anchorKey = (SyntaxNode?)draw.Anchor ?? method;
            if (!perAnchor.TryGetValue(anchorKey, out var list))
            {
                list = new List<Draw>();
                perAnchor.Add(anchorKey, list);
            }

            list.Add(draw);
        }

        // A method that draws once from its new key parameter draws from the key itself: no split, no subkey.
        // (Not when it calls a method that will need a key too: that caller then splits its key for the callee.)
        var direct = threaded && ordered.Count == 1 && !CallsGlobalRandomness(model, method, cancellationToken)
                     && !ordered[0].Call.Ancestors().TakeWhile(node => node != method)
                         .Any(node => node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                             or GotoStatementSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);
        var pool = new List<string>();
        var subs = new Dictionary<InvocationExpressionSyntax, string>();
        foreach (var list in direct ? new List<List<Draw>>() : perAnchor.Values.ToList())
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (pool.Count <= i)
                {
                    pool.Add(names.Pick("sub"));
                }

                subs[list[i].Call] = pool[i];
            }
        }

        var shuffled = new Dictionary<InvocationExpressionSyntax, string>();
        foreach (var draw in ordered.Where(draw => draw.ShuffleSource is not null))
        {
            shuffled[draw.Call] = names.Pick("shuffled");
        }

        if (direct)
        {
            subs[ordered[0].Call] = key;
        }

        IEnumerable<StatementSyntax> StatementsFor(Draw draw)
        {
            if (!direct)
            {
                yield return Split(key, subs[draw.Call]);
            }

            if (draw.ShuffleSource is { } source)
            {
                var name = shuffled[draw.Call];
                var element = draw.ShuffleElement!.ToMinimalDisplayString(model, draw.Call.SpanStart);
                yield return MigrationPlan.Statement($"var {name} = {source.WithoutTrivia()}.ToArray();");
                yield return MigrationPlan.Statement($"{subs[draw.Call]}.Shuffle<{element}>({name});");
            }
        }

        var solution = document.Project.Solution;
        var editor = new SyntaxEditor(root, solution.Workspace.Services);
        var entropy = "PrngKey.FromEntropy()";

        // Innermost first: a draw in the arguments of another draw or call keeps its own rewrite.
        foreach (var draw in ordered.OrderBy(draw => draw.Call.Span.Length))
        {
            var sub = subs[draw.Call];
            var mapping = draw.Mapping;
            var call = draw.Call;
            if (draw.ShuffleSource is not null)
            {
                var shuffledName = shuffled[draw.Call];
                editor.ReplaceNode(call, (current, _) => SyntaxFactory.IdentifierName(shuffledName).WithTriviaFrom(current));
                continue;
            }

            editor.ReplaceNode(call, (current, _) =>
            {
                var rewritten = (InvocationExpressionSyntax)current;
                return mapping is null
                    ? rewritten.WithArgumentList(rewritten.ArgumentList.AddArguments(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(sub))))
                    : mapping.Build(SyntaxFactory.IdentifierName(sub), rewritten, model, call.SpanStart).WithTriviaFrom(rewritten);
            });
        }

        var otherDocuments = new Dictionary<DocumentId, List<InvocationExpressionSyntax>>();
        var callerNames = new Dictionary<SyntaxNode, NamePicker>();
        var endOfLine = root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (!endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
        {
            endOfLine = SyntaxFactory.CarriageReturnLineFeed;
        }

        foreach (var caller in callers.OrderBy(caller => caller.Location.SourceSpan.Length))
        {
            if (caller.Document.Id == document.Id)
            {
                if (!method.Span.Contains(caller.Location.SourceSpan))
                {
                    var call = CallOf(root.FindNode(caller.Location.SourceSpan, getInnermostNodeForTie: true))!;
                    PassKey(editor, model, call, callerNames, entropy, endOfLine, cancellationToken);
                }
            }
            else
            {
                if (!otherDocuments.TryGetValue(caller.Document.Id, out var list))
                {
                    list = new List<InvocationExpressionSyntax>();
                    otherDocuments.Add(caller.Document.Id, list);
                }

                list.Add(CallOf((await caller.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!
                    .FindNode(caller.Location.SourceSpan, getInnermostNodeForTie: true))!);
            }
        }

        var declarations = new List<StatementSyntax>();
        if (!threaded)
        {
            declarations.Add(MigrationPlan.Statement($"var {key} = {entropy};"));
        }

        if (pool.Count > 0)
        {
            declarations.Add(MigrationPlan.Statement("PrngKey " + string.Join(", ", pool) + ";"));
        }

        if (method.Body is { } body)
        {
            var inserts = new Dictionary<StatementSyntax, List<StatementSyntax>>();
            if (declarations.Count > 0)
            {
                inserts[body.Statements[0]] = new List<StatementSyntax>(declarations);
            }

            foreach (var pair in perAnchor)
            {
                var anchor = (StatementSyntax)pair.Key;
                if (!inserts.TryGetValue(anchor, out var list))
                {
                    list = new List<StatementSyntax>();
                    inserts.Add(anchor, list);
                }

                list.AddRange(pair.Value.SelectMany(StatementsFor));
            }

            foreach (var pair in inserts.Where(pair => pair.Value.Count > 0))
            {
                // The anchor's leading trivia (comments, #if directives) moves to the first new statement, so that the
                // new statements land where the anchor started and preprocessor regions stay intact.
                var leading = pair.Key.GetLeadingTrivia();
                var indentation = Indentation(leading);
                var statements = pair.Value.Select((statement, index) => statement
                    .WithLeadingTrivia(index == 0 ? leading : indentation)
                    .WithTrailingTrivia(endOfLine)
                    .WithAdditionalAnnotations(Formatter.Annotation)).ToList();
                editor.ReplaceNode(pair.Key, (current, _) => current.WithLeadingTrivia(indentation));
                editor.InsertBefore(pair.Key, statements);
            }
        }

        var returnsValue = !symbol.ReturnsVoid && !(symbol.IsAsync && symbol.ReturnType is INamedTypeSymbol { IsGenericType: false });
        editor.ReplaceNode(method, (current, _) =>
        {
            var rewritten = (MethodDeclarationSyntax)current;
            if (threaded)
            {
                var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(key)).WithType(SyntaxFactory.IdentifierName("PrngKey").WithTrailingTrivia(SyntaxFactory.Space));
                var parameters = rewritten.ParameterList.Parameters;
                rewritten = rewritten.WithParameterList(rewritten.ParameterList.WithParameters(Append(parameters, parameter)));
            }

            var prologue = new List<StatementSyntax>(declarations);
            if (rewritten.ExpressionBody is not null)
            {
                prologue.AddRange(perAnchor[method].SelectMany(StatementsFor));
            }

            if (rewritten.ExpressionBody is { } arrow && prologue.Count > 0)
            {
                var statements = prologue;
                var expression = arrow.Expression.WithoutTrivia();
                statements.Add(returnsValue
                    ? SyntaxFactory.ReturnStatement(SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space), expression, SyntaxFactory.Token(SyntaxKind.SemicolonToken))
                    : SyntaxFactory.ExpressionStatement(expression));
                statements = statements.Select(statement => statement.WithTrailingTrivia(endOfLine)).ToList();
                rewritten = rewritten
                    .WithExpressionBody(null)
                    .WithSemicolonToken(default)
                    .WithParameterList(rewritten.ParameterList.WithTrailingTrivia(rewritten.ParameterList.GetTrailingTrivia().Where(trivia => !trivia.IsKind(SyntaxKind.WhitespaceTrivia))))
                    .WithBody(SyntaxFactory.Block(
                        SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(endOfLine),
                        SyntaxFactory.List(statements),
                        SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
                        .WithTrailingTrivia(rewritten.SemicolonToken.TrailingTrivia)
                        .WithAdditionalAnnotations(Formatter.Annotation));
            }

            return rewritten;
        });

        var changed = editor.GetChangedRoot();
        changed = UsingDirectives.AddIfUnbound(changed, model, method.SpanStart);
        solution = solution.WithDocumentSyntaxRoot(document.Id, changed);
        solution = await FormatAsync(solution, document.Id, cancellationToken).ConfigureAwait(false);

        foreach (var pair in otherDocuments)
        {
            var other = solution.GetDocument(pair.Key)!;
            var otherRoot = (await other.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var otherModel = (await other.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            var otherEditor = new SyntaxEditor(otherRoot, solution.Workspace.Services);
            var otherNames = new Dictionary<SyntaxNode, NamePicker>();
            foreach (var call in pair.Value)
            {
                PassKey(otherEditor, otherModel, call, otherNames, entropy, endOfLine, cancellationToken);
            }

            var rewrittenRoot = UsingDirectives.AddIfUnbound(otherEditor.GetChangedRoot(), otherModel, pair.Value[0].SpanStart);
            solution = solution.WithDocumentSyntaxRoot(pair.Key, rewrittenRoot);
            solution = await FormatAsync(solution, pair.Key, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private static bool IsShared(IPropertyReferenceOperation reference, MigrationSymbols symbols) =>
        reference.Property.IsStatic && reference.Property.Name == "Shared" && symbols.IsRandom(reference.Property.ContainingType);

    private static bool CollectDraws(SemanticModel model, MethodDeclarationSyntax method, MigrationSymbols symbols, List<Draw> draws, CancellationToken cancellationToken)
    {
        foreach (var node in method.DescendantNodes())
        {
            if (node is not (MemberAccessExpressionSyntax or IdentifierNameSyntax)
                || model.GetOperation(node, cancellationToken) is not IPropertyReferenceOperation reference
                || reference.Syntax != node || !IsShared(reference, symbols)
                || InlineEntropy.InNestedFunction(node))
            {
                // Draws inside the method's lambdas and local functions take their own entropy (InlineEntropy).
                continue;
            }

            if (reference.Parent is not IInvocationOperation invocation || invocation.Instance != reference
                || invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                || access.Expression != node
                || DrawMapping.TryMap(invocation, symbols) is not { } mapping
                || !TryAnchor(method, call, out var anchor))
            {
                return false;
            }

            draws.Add(new Draw(call, anchor, mapping.ExpressionForm()));
        }

        CollectShuffles(model, method, symbols, draws, cancellationToken);
        return true;
    }

    private static bool IsEnumerable(IMethodSymbol method, string name, MigrationSymbols symbols) =>
        method.Name == name && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Enumerable);

    /// <summary>
    /// <c>return source.Shuffle().ToArray();</c> and <c>return source.OrderBy(_ =&gt; Guid.NewGuid()).ToArray();</c> (or
    /// the same as an expression body): the whole result is a shuffled copy, so it becomes
    /// <c>var shuffled = source.ToArray(); sub.Shuffle&lt;T&gt;(shuffled); return shuffled;</c> with nothing evaluated in a
    /// different order. Any other shape is left alone (its diagnostic stays).
    /// </summary>
    private static void CollectShuffles(SemanticModel model, MethodDeclarationSyntax method, MigrationSymbols symbols, List<Draw> draws, CancellationToken cancellationToken)
    {
        if (symbols.Span is null || symbols.Enumerable is null)
        {
            return;
        }

        foreach (var inner in method.DescendantNodes().OfType<InvocationExpressionSyntax>().ToList())
        {
            if (model.GetOperation(inner, cancellationToken) is not IInvocationOperation operation
                || !(IsEnumerable(operation.TargetMethod, "Shuffle", symbols) && operation.Arguments.Length == 1
                     || IsEnumerable(operation.TargetMethod, "OrderBy", symbols) && operation.Arguments.Length == 2 && OrdersByNewGuid(model, inner, cancellationToken))
                || inner.Expression is not MemberAccessExpressionSyntax { Expression: { } source }
                || inner.ArgumentList.Arguments.Count != operation.Arguments.Length - 1
                || inner.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray" } access
                || access.Expression != inner
                || access.Parent is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } toArray
                || model.GetOperation(toArray, cancellationToken) is not IInvocationOperation { Type: IArrayTypeSymbol array } toArrayOperation
                || !IsEnumerable(toArrayOperation.TargetMethod, "ToArray", symbols)
                || draws.Any(draw => source.Span.Contains(draw.Call.Span))
                || !TryAnchor(method, toArray, out var anchor)
                || !(anchor is ReturnStatementSyntax { Expression: { } returned } && returned == toArray
                     || anchor is null && method.ExpressionBody?.Expression == toArray))
            {
                continue;
            }

            draws.Add(new Draw(toArray, anchor, null) { ShuffleSource = source, ShuffleElement = array.ElementType });
        }

        // Any other source.Shuffle(): the keyed overload of RandomPurity.KeyedEnumerable, source.Shuffle(sub), same
        // deferred sequence with the order drawn from the subkey.
        if (model.Compilation.GetTypeByMetadataName("RandomPurity.KeyedEnumerable") is null)
        {
            return;
        }

        foreach (var call in method.DescendantNodes().OfType<InvocationExpressionSyntax>().ToList())
        {
            if (call.ArgumentList.Arguments.Count == 0
                && call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Shuffle" }
                && model.GetOperation(call, cancellationToken) is IInvocationOperation operation
                && IsEnumerable(operation.TargetMethod, "Shuffle", symbols) && operation.Arguments.Length == 1
                && !draws.Any(draw => draw.Call.Span.Contains(call.Span) || call.Span.Contains(draw.Call.Span))
                && TryAnchor(method, call, out var anchor))
            {
                draws.Add(new Draw(call, anchor, null));
            }
        }
    }

    private static bool OrdersByNewGuid(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken) =>
        call.ArgumentList.Arguments.Count == 1
        && call.ArgumentList.Arguments[0].Expression is SimpleLambdaExpressionSyntax { ExpressionBody: InvocationExpressionSyntax body }
        && model.GetSymbolInfo(body, cancellationToken).Symbol is IMethodSymbol { Name: "NewGuid", IsStatic: true, ContainingType: { Name: "Guid", ContainingNamespace.Name: "System" } };

    /// <summary>
    /// The statement before which the split goes: one in a block, evaluated once per execution of the statement (not a
    /// loop header), with no lambda or local function between. <see langword="null"/> anchor: the expression body.
    /// </summary>
    private static bool TryAnchor(SyntaxNode method, SyntaxNode call, out StatementSyntax? anchor)
    {
        anchor = null;
        for (var current = call.Parent; current is not null && current != method; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax:
                    return false;
                case ArrowExpressionClauseSyntax when current.Parent == method:
                    return true;
                case StatementSyntax statement:
                    anchor = statement;
                    return statement.Parent is BlockSyntax
                           && statement is not (WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax)
                           && !statement.Ancestors().TakeWhile(node => node != method)
                               .Any(node => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax);
            }
        }

        return false;
    }

    /// <summary>
    /// True when the method can take a key parameter: private or internal, not overriding, implementing or virtual,
    /// not an entry point or event handler, no optional or params parameter, and every reference a plain call
    /// without named arguments. Fills <paramref name="callers"/>.
    /// </summary>
    private static async Task<bool> CanThreadAsync(Document document, SemanticModel model, IMethodSymbol method, List<ReferenceLocation> callers, CancellationToken cancellationToken)
    {
        if (MigrationChecks.IsPublicSurface(method, document.Project)
            || method.IsOverride || method.IsVirtual || method.IsAbstract || method.IsExtern
            || method.ExplicitInterfaceImplementations.Length > 0
            || method.Parameters.Any(parameter => parameter.IsOptional || parameter.IsParams)
            || method.Name == "Main" && method.IsStatic
            || SymbolEqualityComparer.Default.Equals(model.Compilation.GetEntryPoint(cancellationToken), method)
            || IsEventHandler(method, model.Compilation)
            || MigrationChecks.ImplementsInterfaceMember(method))
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(method, document.Project.Solution, cancellationToken).ConfigureAwait(false);

        // A multi-targeted project loads each file once per target framework: one call site per file and span,
        // the copy in this document's project first.
        var locations = ReferenceOrder.InSourceOrder(references)
            .GroupBy(location => (location.Document.FilePath ?? location.Document.Id.ToString(), location.Location.SourceSpan))
            .Select(group => group.OrderBy(location => location.Document.Project.Id == document.Project.Id ? 0 : 1).First())
            .Where(location => location.Document.Id == document.Id || document.FilePath is null || location.Document.FilePath != document.FilePath);
        foreach (var location in locations)
        {
            var locationRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (location.IsImplicit || locationRoot is null
                || CallOf(locationRoot.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true)) is not { } call
                || call.ArgumentList.Arguments.Any(argument => argument.NameColon is not null))
            {
                return false;
            }

            callers.Add(location);
        }

        return true;
    }

    private static bool IsEventHandler(IMethodSymbol method, Compilation compilation)
    {
        var eventArgs = compilation.GetTypeByMetadataName("System.EventArgs");
        if (method.Parameters.Length != 2 || method.Parameters[0].Type.SpecialType != SpecialType.System_Object || eventArgs is null)
        {
            return false;
        }

        for (var type = method.Parameters[1].Type; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, eventArgs))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The call whose target is the method name at <paramref name="node"/> (<c>M(...)</c>, <c>x.M(...)</c>), else <see langword="null"/>.</summary>
    private static InvocationExpressionSyntax? CallOf(SyntaxNode node)
    {
        var name = node as SimpleNameSyntax ?? node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().FirstOrDefault();
        SyntaxNode? expression = name?.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return expression?.Parent is InvocationExpressionSyntax call && call.Expression == expression ? call : null;
    }

    /// <summary>
    /// A caller passes a key: a split of the key it already threads, when it has one, else <c>PrngKey.FromEntropy()</c>
    /// (a root, where the entropy becomes explicit).
    /// </summary>
    private static void PassKey(SyntaxEditor editor, SemanticModel model, InvocationExpressionSyntax call, Dictionary<SyntaxNode, NamePicker> names,
        string entropy, SyntaxTrivia endOfLine, CancellationToken cancellationToken)
    {
        if (HeldKey(model, call, cancellationToken) is not { } held)
        {
            editor.ReplaceNode(call.ArgumentList, (current, _) => AppendArgument((ArgumentListSyntax)current, entropy));
            return;
        }

        var (member, anchor, key) = held;
        if (!names.TryGetValue(member, out var picker))
        {
            picker = new NamePicker(model, member);
            names.Add(member, picker);
        }

        var sub = picker.Pick("sub");
        var indentation = Indentation(anchor.GetLeadingTrivia());
        var statements = ((CSharpParseOptions)call.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp10
            ? new[] { MigrationPlan.Statement($"({key}, var {sub}) = {key}.Split();") }
            : new[] { MigrationPlan.Statement($"PrngKey {sub};"), Split(key, sub) };
        editor.InsertBefore(anchor, statements.Select(statement => statement.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation)));
        editor.ReplaceNode(call.ArgumentList, (current, _) => AppendArgument((ArgumentListSyntax)current, sub));
    }

    /// <summary>
    /// The key the member around <paramref name="call"/> already threads the way this migration does: a <c>PrngKey</c>
    /// parameter or local (declared before the call's statement, in the body's outer block) whose every use renews it
    /// with <c>(key, sub) = key.Split();</c>. Splitting it once more before the call keeps every subkey fresh. Any other
    /// key may already be consumed at the call, so it is not touched.
    /// </summary>
    private static (SyntaxNode Member, StatementSyntax Anchor, string Key)? HeldKey(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        if (call.Ancestors().OfType<BaseMethodDeclarationSyntax>().FirstOrDefault() is not { Body: { } body } member
            || MigrationSymbols.Create(model.Compilation) is not { } symbols)
        {
            return null;
        }

        if (!TryAnchor(member, call, out var anchor))
        {
            return null;
        }

        if (anchor is null || model.GetDeclaredSymbol(member, cancellationToken) is not IMethodSymbol method)
        {
            return null;
        }

        var candidates = new List<ISymbol>();
        candidates.AddRange(method.Parameters.Where(parameter => parameter.RefKind == RefKind.None && SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.PrngKey)));
        foreach (var statement in body.Statements.TakeWhile(statement => statement.SpanStart < anchor.SpanStart).OfType<LocalDeclarationStatementSyntax>())
        {
            foreach (var declarator in statement.Declaration.Variables)
            {
                if (model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local && SymbolEqualityComparer.Default.Equals(local.Type, symbols.PrngKey))
                {
                    candidates.Add(local);
                }
            }
        }

        foreach (var candidate in candidates)
        {
            if (OnlyRenewed(model, member, candidate, cancellationToken))
            {
                return (member, anchor, candidate.Name);
            }
        }

        return null;
    }

    private static bool OnlyRenewed(SemanticModel model, SyntaxNode member, ISymbol key, CancellationToken cancellationToken)
    {
        foreach (var identifier in member.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != key.Name
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, key))
            {
                continue;
            }

            // (key, sub) = key.Split();  or  (key, var sub) = key.Split();
            var assignment = identifier.Ancestors().OfType<AssignmentExpressionSyntax>().FirstOrDefault();
            if (assignment is not { Left: TupleExpressionSyntax { Arguments.Count: 2 } tuple, Right: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Split", Expression: IdentifierNameSyntax receiver }, ArgumentList.Arguments.Count: 0 } }
                || assignment.Parent is not ExpressionStatementSyntax
                || receiver.Identifier.ValueText != key.Name
                || tuple.Arguments[0].Expression is not IdentifierNameSyntax renewed || renewed.Identifier.ValueText != key.Name
                || (identifier != receiver && identifier != renewed)
                || identifier.Ancestors().TakeWhile(node => node != member).Any(node => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            {
                return false;
            }
        }

        return true;
    }

    private static ArgumentListSyntax AppendArgument(ArgumentListSyntax list, string text)
    {
        var argument = SyntaxFactory.Argument(SyntaxFactory.ParseExpression(text));
        return list.WithArguments(Append(list.Arguments, argument));
    }

    /// <summary>Appends after a <c>, </c>, keeping the list's own separators and trivia.</summary>
    private static SeparatedSyntaxList<T> Append<T>(SeparatedSyntaxList<T> list, T node)
        where T : SyntaxNode
    {
        if (list.Count == 0)
        {
            return SyntaxFactory.SingletonSeparatedList(node);
        }

        var items = list.GetWithSeparators();
        var last = items[items.Count - 1];
        items = items.Replace(last, last.AsNode()!.WithoutTrailingTrivia());
        return SyntaxFactory.SeparatedList<T>(items
            .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))
            .Add(node.WithTrailingTrivia(last.GetTrailingTrivia())));
    }

    private static StatementSyntax Split(string key, string sub) => MigrationPlan.Statement($"({key}, {sub}) = {key}.Split();");

    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading) =>
        leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(leading.Last()) : SyntaxFactory.TriviaList();

    private static async Task<Solution> FormatAsync(Solution solution, DocumentId id, CancellationToken cancellationToken)
    {
        var formatted = await Formatter.FormatAsync(solution.GetDocument(id)!, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return formatted.Project.Solution;
    }

    /// <summary>
    /// True when the method calls a method of the solution that itself uses global randomness: that callee will take
    /// a key, and the root then keeps one key to split for it and for its own draw rather than two entropy sources.
    /// </summary>
    private static bool CallsGlobalRandomness(SemanticModel model, MethodDeclarationSyntax method, CancellationToken cancellationToken) =>
        method.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(invocation =>
            model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol callee
            && callee.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax(cancellationToken).DescendantNodes().Any(LooksLikeSite)));

    /// <summary>
    /// The syntax of what this fix rewrites (<c>Random.Shared</c>, <c>x.Shuffle()</c>, <c>Guid.NewGuid()</c>), before
    /// any binding: a cheap filter that the semantic checks then confirm.
    /// </summary>
    public static bool LooksLikeSite(SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Shared" } => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Shuffle" or "NewGuid" } } => true,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Shuffle" or "NewGuid" } } => true,
        _ => false,
    };

    private sealed class Draw
    {
        public Draw(InvocationExpressionSyntax call, StatementSyntax? anchor, DrawRewrite? mapping)
        {
            Call = call;
            Anchor = anchor;
            Mapping = mapping;
        }

        public InvocationExpressionSyntax Call { get; }

        /// <summary>The statement before which the split goes; <see langword="null"/> in an expression body.</summary>
        public StatementSyntax? Anchor { get; }

        /// <summary>The draw's rewrite; <see langword="null"/> for a recursive call, which gets the subkey as its last argument.</summary>
        public DrawRewrite? Mapping { get; }

        /// <summary>For a LINQ shuffle: the sequence whose shuffled copy the method returns.</summary>
        public ExpressionSyntax? ShuffleSource { get; set; }

        /// <summary>For a LINQ shuffle: the element type of the array.</summary>
        public ITypeSymbol? ShuffleElement { get; set; }
    }
}
