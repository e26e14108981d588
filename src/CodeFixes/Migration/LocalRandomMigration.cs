using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RandomPurity.CodeFixes.Migration;

// The shape of the rewrite, for every language version from C# 7.0 (deconstruction) on:
//
//     var rng = new Random(42);              var rng = PrngKey.Create(42);
//                                            PrngKey sub;
//     int a = rng.Next(6);          =>       (rng, sub) = rng.Split();
//                                            int a = sub.UnbiasedInt32(0, 6);
//     var child = new Random(rng.Next());    (rng, var child) = rng.Split();      C# 10 and later
//                                            PrngKey child; (rng, child) = rng.Split();   before C# 10
//
// "(key, sub) = key.Split()" is JAX's "key, subkey = random.split(key)": the key is renewed before every statement
// that draws, and each draw consumes a subkey exactly once, so the result is clean under RP0003. The subkey
// variables ("sub", "sub2" for a statement with two draws) are declared once after the key, which keeps one name
// for every statement and needs no C# 10 mixed deconstruction. A key renewed inside a loop body is renewed per
// iteration. Lambdas never capture "sub" (a later statement reassigns it before a deferred lambda runs): each gets a
// dedicated key split off before its statement, declared there (fresh per loop iteration), and either folds in the
// delegate's index (Select((x, i) => ...), Parallel.For) or, for sequential APIs without an index, renews that key
// inside its own body. Anything the engine cannot prove safe gets no fix rather than a wrong one.

/// <summary>
/// Migrates <c>System.Random</c> locals to <c>PrngKey</c> within one function body. A local and the child
/// generators seeded from it (<c>new Random(parent.Next())</c>) form a family migrated together.
/// </summary>
internal sealed class LocalRandomMigration
{
    private const string SubBaseName = "sub";
    private const string LambdaKeyBaseName = "lambdaKey";

    private readonly SemanticModel _model;
    private readonly MigrationSymbols _symbols;
    private readonly CancellationToken _cancellationToken;
    private readonly List<KeyLocal> _keys = new();

    private LocalRandomMigration(SemanticModel model, MigrationSymbols symbols, KeyLocal root, CancellationToken cancellationToken)
    {
        _model = model;
        _symbols = symbols;
        _cancellationToken = cancellationToken;
        Root = root;
    }

    /// <summary>The local the family starts from: its seed is not drawn from another migrated local.</summary>
    public KeyLocal Root { get; }

    /// <summary>True when the local had no seed: the fixed code draws different values on every run, as before.</summary>
    public bool IsUnseeded => Root.Seed is null || Root.Alternative is { Seed: null };

    /// <summary>The creations this migration removes (one RP0001 diagnostic each).</summary>
    public IEnumerable<SyntaxNode> Creations => _keys.SelectMany(key => key.Alternative is { } other
        ? new SyntaxNode[] { key.Creation, other.Creation }
        : new SyntaxNode[] { key.Creation });

    /// <summary>
    /// Analyses the creation an RP0001 diagnostic points at. Returns <see langword="null"/> when the local cannot be
    /// migrated safely within its body (it escapes, is reassigned, is used by an unmapped member, ...).
    /// </summary>
    public static LocalRandomMigration? TryCreate(SemanticModel model, SyntaxNode creation, MigrationSymbols symbols, CancellationToken cancellationToken)
    {
        if (creation is not BaseObjectCreationExpressionSyntax objectCreation
            || TryGetKeyLocal(model, objectCreation, symbols, cancellationToken) is not { } key)
        {
            return null;
        }

        // Walk up to the family's root so that fixing a child migrates its parent too. When a parent cannot be
        // migrated (it escapes), the child still can on its own: its seed stays a draw from the parent generator.
        var chain = new List<KeyLocal> { key };
        for (var depth = 0; depth < 32 && FindParent(model, chain[chain.Count - 1], symbols, cancellationToken) is { } parent; depth++)
        {
            chain.Add(parent);
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var root = i == chain.Count - 1 ? chain[i] : chain[i].AsRoot();
            var migration = new LocalRandomMigration(model, symbols, root, cancellationToken);
            if (migration.Analyze(root, depth: 0) && migration.EachLambdaDrawsFromOneKey())
            {
                // Only handed to code outside the solution: the result would still be a Random made here
                // (PrngKey.Create(seed).AsRandom()), the same hidden state with other numbers. No fix.
                return migration.OnlyBridgedToMetadata() ? null : migration;
            }
        }

        return null;
    }

    /// <summary>Adds this migration's edits to <paramref name="plan"/>.</summary>
    public void AddTo(MigrationPlan plan, NamePicker names)
    {
        var options = (CSharpParseOptions)Root.Statement.SyntaxTree.Options;
        var mixedDeconstruction = options.LanguageVersion >= LanguageVersion.CSharp10;

        if (_model.LookupNamespacesAndTypes(Root.Statement.SpanStart, name: "PrngKey").IsEmpty)
        {
            plan.NeedsImport = true;
        }

        // A key drawn from once is consumed by that draw itself, with no split (and, when nothing can change its
        // seed in between, the creation goes where the draw is: PrngKey.Create(seed).Bits(buffer)).
        var direct = new Dictionary<Draw, string>();
        var inlined = new HashSet<KeyLocal>();
        foreach (var key in _keys.Where(UsedOnce))
        {
            if (CanInline(key))
            {
                inlined.Add(key);
                plan.Removed.Add(key.Statement);
                direct.Add(key.Draws[0], CreationText(key));
            }
            else
            {
                direct.Add(key.Draws[0], key.Name);
            }
        }

        // The last draw of a key in straight-line code needs no split: nothing uses the key after it.
        foreach (var key in _keys.Where(key => !key.Draws.Any(direct.ContainsKey)))
        {
            if (LastUse(key) is { } last)
            {
                direct.Add(last, key.Name);
            }
        }

        // One pool of subkey variables for the family, as large as the most draws in one statement.
        var anchors = new Dictionary<StatementSyntax, List<Draw>>();
        foreach (var draw in _keys.SelectMany(key => key.Draws).Where(draw => draw.Lambda is null && !direct.ContainsKey(draw)))
        {
            if (!anchors.TryGetValue(draw.Anchor, out var list))
            {
                list = new List<Draw>();
                anchors.Add(draw.Anchor, list);
            }

            list.Add(draw);
        }

        var pool = new List<string>();
        var poolSize = anchors.Count == 0 ? 0 : anchors.Values.Max(list => list.Count);
        for (var i = 0; i < poolSize; i++)
        {
            pool.Add(names.Pick(SubBaseName));
        }

        foreach (var key in _keys)
        {
            if (inlined.Contains(key))
            {
                continue;
            }

            if (key.Parent is null)
            {
                AddRootDeclaration(plan, key, pool);
            }
            else
            {
                AddChildDeclaration(plan, key, mixedDeconstruction);
            }
        }

        foreach (var pair in anchors)
        {
            var ordered = pair.Value.OrderBy(draw => draw.Invocation.SpanStart).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var draw = ordered[i];
                plan.AddBefore(pair.Key, MigrationPlan.Statement($"({draw.Key.Name}, {pool[i]}) = {draw.Key.Name}.Split();"));
                AddDrawReplacement(plan, draw, pool[i]);
            }
        }

        foreach (var pair in direct.Where(pair => pair.Key.Lambda is null))
        {
            AddDrawReplacement(plan, pair.Key, pair.Value);
        }

        AddLambdaDraws(plan, names, mixedDeconstruction, direct);
    }

    /// <summary>
    /// The key's only consumption is one draw, which runs at most once per execution of the key's declaration: not in
    /// a loop the declaration is outside of, not in a lambda unless it folds in the lambda's index.
    /// </summary>
    private bool UsedOnce(KeyLocal key)
    {
        if (key.Draws.Count != 1 || _keys.Any(other => other.Parent == key)
            || key.Function.DescendantNodes().Any(node => node is GotoStatementSyntax or LabeledStatementSyntax))
        {
            return false;
        }

        var draw = key.Draws[0];
        if (draw.Lambda is { } lambda)
        {
            return lambda.IndexName is not null && !InLoop(lambda.Anchor, key);
        }

        return !InLoop(draw.Fill?.Loop ?? (SyntaxNode)draw.Anchor, key);
    }

    /// <summary>
    /// The draw that is the key's last consumption in its own statement list: every draw of the key is anchored at a
    /// statement of the list that declares the key (no branch, loop or lambda in between), the last one alone in its
    /// statement, and no child key is split off after it.
    /// </summary>
    private Draw? LastUse(KeyLocal key)
    {
        if (key.Draws.Count < 2 || key.Statement.Parent is not { } list
            || key.Draws.Any(draw => draw.Lambda is not null || draw.Fill is not null || draw.Anchor?.Parent != list)
            || key.Function.DescendantNodes().Any(node => node is GotoStatementSyntax or LabeledStatementSyntax))
        {
            return null;
        }

        var last = key.Draws.OrderBy(draw => draw.Invocation.SpanStart).Last();
        if (key.Draws.Count(draw => draw.Anchor == last.Anchor) != 1
            || key.Draws.Any(draw => draw != last && draw.Anchor.SpanStart >= last.Anchor.SpanStart)
            || _keys.Any(child => child.Parent == key && child.Statement.SpanStart >= last.Anchor.SpanStart)
            || last.Mapping.CreatedArrayLength is not null)
        {
            return null;
        }

        return last;
    }

    private static bool InLoop(SyntaxNode node, KeyLocal key)
    {
        for (var current = node; current is not null && current != key.Function; current = current.Parent)
        {
            if (current is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                && !current.Span.Contains(key.Statement.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A root key drawn from once, outside a lambda, by a draw that is not a bridge, whose declaration carries no
    /// comment and whose seed reads nothing the code in between could change: the creation moves to the draw.
    /// </summary>
    private bool CanInline(KeyLocal key)
    {
        if (key.Parent is not null || key.Alternative is not null || key.Draws.Count != 1)
        {
            return false;
        }

        var draw = key.Draws[0];
        if (draw.Lambda is not null || ReferenceEquals(draw.Mapping, DrawRewrite.AsRandomBridge) || draw.Mapping.CreatedArrayLength is not null
            || key.Statement.GetLeadingTrivia().Concat(key.Statement.GetTrailingTrivia()).Any(trivia => !trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            || key.Statement.Declaration.Type is not { IsVar: true })
        {
            return false;
        }

        return key.Seed is null || IsInvariant(key.Seed, key.Function);
    }

    private bool IsInvariant(ExpressionSyntax expression, SyntaxNode function)
    {
        if (_model.GetConstantValue(expression, _cancellationToken).HasValue)
        {
            return true;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return IsInvariant(parenthesized.Expression, function);
            case BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression
                or SyntaxKind.BitwiseOrExpression or SyntaxKind.BitwiseAndExpression or SyntaxKind.ExclusiveOrExpression:
                return IsInvariant(binary.Left, function) && IsInvariant(binary.Right, function);
            case IdentifierNameSyntax identifier:
                var symbol = _model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
                return symbol is ILocalSymbol { RefKind: RefKind.None } or IParameterSymbol { RefKind: RefKind.None }
                       && !IsWritten(symbol, function);
            case MemberAccessExpressionSyntax access:
                // Environment.TickCount and other static properties of the framework: read a little later, still irreproducible.
                return _model.GetSymbolInfo(access, _cancellationToken).Symbol is IPropertySymbol { IsStatic: true } property
                       && property.ContainingAssembly is { } assembly && !SymbolEqualityComparer.Default.Equals(assembly, _model.Compilation.Assembly);
            default:
                return false;
        }
    }

    private bool IsWritten(ISymbol symbol, SyntaxNode function)
    {
        foreach (var node in function.DescendantNodes())
        {
            ExpressionSyntax? target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix => postfix.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None } argument => argument.Expression,
                _ => null,
            };
            if (target is not null && target.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                    .Any(name => name.Identifier.ValueText == symbol.Name && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(name, _cancellationToken).Symbol, symbol)))
            {
                return true;
            }
        }

        return false;
    }

    private static string CreationText(KeyLocal key) =>
        key.Seed is null ? "PrngKey.FromEntropy()" : $"PrngKey.Create({key.Seed.WithoutTrivia().ToFullString()})";

    private void AddRootDeclaration(MigrationPlan plan, KeyLocal key, List<string> pool)
    {
        AddKeyCreation(plan, key.Creation, key.Seed);
        if (key.Alternative is { } alternative)
        {
            AddKeyCreation(plan, alternative.Creation, alternative.Seed);
        }

        var type = key.Statement.Declaration.Type;
        if (!type.IsVar)
        {
            plan.Replacements[type] = rewritten => SyntaxFactory.IdentifierName("PrngKey").WithTriviaFrom(rewritten);
        }

        if (pool.Count > 0)
        {
            plan.AddAfter(key.Statement, MigrationPlan.Statement("PrngKey " + string.Join(", ", pool) + ";"));
        }
    }

    /// <summary><c>new Random(seed)</c> → <c>PrngKey.Create(seed)</c>; <c>new Random()</c> → <c>PrngKey.FromEntropy()</c>.</summary>
    private static void AddKeyCreation(MigrationPlan plan, BaseObjectCreationExpressionSyntax creation, ExpressionSyntax? seed)
    {
        plan.Replacements[creation] = rewritten =>
        {
            var creation = (BaseObjectCreationExpressionSyntax)rewritten;
            var arguments = seed is null
                ? new ArgumentSyntax[0]
                : new[] { SyntaxFactory.Argument(creation.ArgumentList!.Arguments[0].Expression.WithoutTrivia()) };
            var factory = SyntaxFactory.ParseExpression(seed is null ? "PrngKey.FromEntropy" : "PrngKey.Create");
            return SyntaxFactory.InvocationExpression(factory, DrawRewrite.ArgumentList(arguments)).WithTriviaFrom(rewritten);
        };
    }

    private static void AddChildDeclaration(MigrationPlan plan, KeyLocal key, bool mixedDeconstruction)
    {
        var parent = key.Parent!.Name;
        if (mixedDeconstruction)
        {
            plan.AddBefore(key.Statement, MigrationPlan.Statement($"({parent}, var {key.Name}) = {parent}.Split();"));
        }
        else
        {
            plan.AddBefore(key.Statement, MigrationPlan.Statement($"PrngKey {key.Name};"));
            plan.AddBefore(key.Statement, MigrationPlan.Statement($"({parent}, {key.Name}) = {parent}.Split();"));
        }

        plan.Removed.Add(key.Statement);
    }

    private void AddDrawReplacement(MigrationPlan plan, Draw draw, string receiver)
    {
        if (draw.Fill is { } fill)
        {
            plan.Replacements[fill.Loop] = rewritten => fill.BuildCall(receiver).WithTriviaFrom(rewritten);
            return;
        }

        var mapping = draw.Mapping;
        var position = draw.Invocation.SpanStart;
        if (mapping.CreatedArrayLength is { } lengthIndex)
        {
            // var items = rng.GetItems(choices, n);  =>  var items = new T[n]; sub.Choice<T>(choices, items);
            var declarator = (VariableDeclaratorSyntax)draw.Invocation.Parent!.Parent!;
            var elementType = mapping.TypeArgument!.ToMinimalDisplayString(_model, position);
            var choices = ((InvocationExpressionSyntax)draw.Invocation).ArgumentList.Arguments[mapping.Arguments[0].SourceIndex].Expression.WithoutTrivia().ToFullString();
            plan.Replacements[draw.Invocation] = rewritten =>
            {
                var length = ((InvocationExpressionSyntax)rewritten).ArgumentList.Arguments[lengthIndex].Expression.WithoutTrivia();
                var arrayType = SyntaxFactory.ArrayType(
                    SyntaxFactory.ParseTypeName(elementType),
                    SyntaxFactory.SingletonList(SyntaxFactory.ArrayRankSpecifier(SyntaxFactory.SingletonSeparatedList(length))));
                return SyntaxFactory.ArrayCreationExpression(
                    SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space), arrayType, null).WithTriviaFrom(rewritten);
            };
            plan.AddAfter(draw.Anchor, MigrationPlan.Statement($"{receiver}.Choice<{elementType}>({choices}, {declarator.Identifier.ValueText});"));
            return;
        }

        plan.Replacements[draw.Invocation] = rewritten =>
            mapping.Build(SyntaxFactory.ParseExpression(receiver), rewritten as InvocationExpressionSyntax, _model, position).WithTriviaFrom(rewritten);
    }

    private void AddLambdaDraws(MigrationPlan plan, NamePicker names, bool mixedDeconstruction, Dictionary<Draw, string> direct)
    {
        var lambdaDraws = _keys.SelectMany(key => key.Draws).Where(draw => draw.Lambda is not null)
            .OrderBy(draw => draw.Invocation.SpanStart)
            .GroupBy(draw => draw.Lambda!.Syntax);
        foreach (var group in lambdaDraws)
        {
            var lambda = group.First().Lambda!;
            var key = group.First().Key.Name;
            if (lambda.IndexName is { } index)
            {
                // Each draw site folds the index into its own dedicated key: FoldIn(i) gives every invocation of the
                // delegate its own stream, and distinct sites never share a key.
                foreach (var draw in group)
                {
                    // The key's only use: it is the fold-in parent itself.
                    var lambdaKey = direct.ContainsKey(draw) ? key : DeclareLambdaKey(plan, names, lambda.Anchor, key, mixedDeconstruction);
                    var position = draw.Invocation.SpanStart;
                    plan.Replacements[draw.Invocation] = rewritten =>
                        draw.Mapping.Build(SyntaxFactory.ParseExpression($"{lambdaKey}.FoldIn({index})"), rewritten as InvocationExpressionSyntax, _model, position).WithTriviaFrom(rewritten);
                }

                continue;
            }

            // Sequential API without an index: the lambda renews its own dedicated key on every invocation.
            var dedicated = DeclareLambdaKey(plan, names, lambda.Anchor, key, mixedDeconstruction);
            var inner = new Dictionary<SyntaxNode, List<Draw>>();
            foreach (var draw in group)
            {
                var anchor = (SyntaxNode?)draw.Anchor ?? lambda.Syntax;
                if (!inner.TryGetValue(anchor, out var list))
                {
                    list = new List<Draw>();
                    inner.Add(anchor, list);
                }

                list.Add(draw);
            }

            var pool = new List<string>();
            for (var i = 0; i < inner.Values.Max(list => list.Count); i++)
            {
                pool.Add(names.Pick(SubBaseName));
            }

            plan.AddPrologue(lambda.Syntax, lambda.ReturnsVoid, MigrationPlan.Statement("PrngKey " + string.Join(", ", pool) + ";"));
            foreach (var pair in inner)
            {
                for (var i = 0; i < pair.Value.Count; i++)
                {
                    var split = MigrationPlan.Statement($"({dedicated}, {pool[i]}) = {dedicated}.Split();");
                    if (pair.Key is StatementSyntax statement)
                    {
                        plan.AddBefore(statement, split);
                    }
                    else
                    {
                        plan.AddPrologue(lambda.Syntax, lambda.ReturnsVoid, split);
                    }

                    AddDrawReplacement(plan, pair.Value[i], pool[i]);
                }
            }
        }
    }

    private static string DeclareLambdaKey(MigrationPlan plan, NamePicker names, StatementSyntax anchor, string key, bool mixedDeconstruction)
    {
        var name = names.Pick(LambdaKeyBaseName);
        if (mixedDeconstruction)
        {
            plan.AddBefore(anchor, MigrationPlan.Statement($"({key}, var {name}) = {key}.Split();"));
        }
        else
        {
            plan.AddBefore(anchor, MigrationPlan.Statement($"PrngKey {name};"));
            plan.AddBefore(anchor, MigrationPlan.Statement($"({key}, {name}) = {key}.Split();"));
        }

        return name;
    }

    /// <summary>The topmost member around the root (or the compilation unit for top-level statements): the scope of new names.</summary>
    public SyntaxNode NameScope
    {
        get
        {
            SyntaxNode scope = Root.Statement;
            for (var current = Root.Statement.Parent; current is not null; current = current.Parent)
            {
                if (current is GlobalStatementSyntax)
                {
                    return current.Parent!;
                }

                if (current is MemberDeclarationSyntax && current.Parent is BaseTypeDeclarationSyntax)
                {
                    return current;
                }

                scope = current;
            }

            return scope;
        }
    }

    private bool OnlyBridgedToMetadata() =>
        _keys.Any(key => key.Draws.Count > 0)
        && _keys.SelectMany(key => key.Draws).All(draw =>
            ReferenceEquals(draw.Mapping, DrawRewrite.AsRandomBridge)
            && draw.Invocation.Parent is ArgumentSyntax argument
            && _model.GetOperation(argument, _cancellationToken) is IArgumentOperation { Parameter.ContainingSymbol: { } method }
            && method.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty);

    // A lambda's dedicated key is split from one key; draws from two keys in one lambda are left alone.
    private bool EachLambdaDrawsFromOneKey() =>
        _keys.SelectMany(key => key.Draws).Where(draw => draw.Lambda is not null)
            .GroupBy(draw => draw.Lambda!.Syntax)
            .All(group => group.Select(draw => draw.Key).Distinct().Count() == 1);

    private bool Analyze(KeyLocal key, int depth)
    {
        if (depth > 32)
        {
            return false;
        }

        _keys.Add(key);
        var function = key.Function;
        if (NamePicker.AppearsInDisabledText(function, key.Name))
        {
            return false;
        }

        foreach (var identifier in function.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (identifier.Identifier.ValueText != key.Name
                || !SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(identifier, _cancellationToken).Symbol, key.Symbol))
            {
                continue;
            }

            if (PassedAsRandom(identifier) is { } passed)
            {
                // Handed to code that takes a Random: it gets one whose draws come from a fresh subkey
                // (sub.AsRandom()); ParameterThreading later turns a source method's parameter into a PrngKey.
                if (!AddDraw(key, identifier, passed))
                {
                    return false;
                }

                continue;
            }

            if (identifier.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access
                || access.Expression != identifier
                || invocation.Expression != access
                || _model.GetOperation(invocation, _cancellationToken) is not IInvocationOperation operation
                || operation.Instance is not ILocalReferenceOperation
                || DrawMapping.TryMap(operation, _symbols) is not { } mapping)
            {
                return false;
            }

            if (TryGetChild(invocation, operation, key) is { } child)
            {
                if (!Analyze(child, depth + 1))
                {
                    return false;
                }

                continue;
            }

            if (!AddDraw(key, invocation, mapping))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The <c>AsRandom()</c> bridge for a local passed by value to a <c>Random</c> parameter, or <see langword="null"/>.</summary>
    private DrawRewrite? PassedAsRandom(IdentifierNameSyntax identifier) =>
        identifier.Parent is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None } argument
        && argument.Expression == identifier
        && _model.GetOperation(argument, _cancellationToken) is IArgumentOperation { Parameter: { RefKind: RefKind.None, IsParams: false } parameter }
        && _symbols.IsRandom(parameter.Type)
        && _symbols.AsRandom is not null
            ? DrawRewrite.AsRandomBridge
            : null;

    private bool AddDraw(KeyLocal key, ExpressionSyntax invocation, DrawRewrite mapping)
    {
        // The function boundaries between the draw and the key's declaration: none, or one lambda we understand.
        AnonymousFunctionExpressionSyntax? lambda = null;
        for (var node = invocation.Parent; node is not null && node != key.Function; node = node.Parent)
        {
            if (node is LocalFunctionStatementSyntax || (node is AnonymousFunctionExpressionSyntax && lambda is not null))
            {
                return false;
            }

            if (node is AnonymousFunctionExpressionSyntax function)
            {
                lambda = function;
            }
        }

        if (lambda is null)
        {
            if (FindAnchor(invocation, key.Function, out var anchor) != AnchorResult.Statement)
            {
                return false;
            }

            // var items = rng.GetItems(c, n) keeps the spec's shape (a new array filled by Choice); anywhere else
            // GetItems becomes the expression Choice<T>(c, n), which returns the same values.
            if (mapping.CreatedArrayLength is not null && !IsItemsDeclaration(invocation, anchor!))
            {
                mapping = mapping.ExpressionForm();
            }

            var fill = invocation is InvocationExpressionSyntax
                ? FillLoop.TryCreate(_model, (IInvocationOperation)_model.GetOperation(invocation, _cancellationToken)!, anchor!, _symbols)
                : null;
            key.Draws.Add(new Draw(key, invocation, mapping, fill?.Loop ?? anchor!, null) { Fill = fill });
            return true;
        }

        mapping = mapping.ExpressionForm();
        if (AnalyzeLambda(lambda, key) is not { } info)
        {
            return false;
        }

        if (info.IndexName is not null)
        {
            // FoldIn(index) gives one key per invocation, so a draw that can run twice in one invocation would repeat.
            for (var node = invocation.Parent; node != lambda; node = node!.Parent)
            {
                if (node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or GotoStatementSyntax or QueryExpressionSyntax)
                {
                    return false;
                }
            }

            if (lambda.DescendantNodes().Any(node => node is GotoStatementSyntax or LabeledStatementSyntax))
            {
                return false;
            }

            key.Draws.Add(new Draw(key, invocation, mapping, null, info));
            return true;
        }

        var result = FindAnchor(invocation, lambda, out var innerAnchor);
        if (result == AnchorResult.Refused || (result == AnchorResult.ExpressionBody && lambda.ExpressionBody is null))
        {
            return false;
        }

        key.Draws.Add(new Draw(key, invocation, mapping, innerAnchor, info));
        return true;
    }

    /// <summary>Recognises the lambdas the engine can give a dedicated key: an index it can fold in, or a sequential API.</summary>
    private LambdaInfo? AnalyzeLambda(AnonymousFunctionExpressionSyntax lambda, KeyLocal key)
    {
        if (FindAnchor(lambda, key.Function, out var anchor) != AnchorResult.Statement
            || lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword)
            || _model.GetTypeInfo(lambda, _cancellationToken).ConvertedType is not INamedTypeSymbol delegateType
            || SymbolEqualityComparer.Default.Equals(delegateType.OriginalDefinition, _symbols.Expression)
            || _model.GetSymbolInfo(lambda, _cancellationToken).Symbol is not IMethodSymbol lambdaMethod
            || lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
            || _model.GetSymbolInfo(call, _cancellationToken).Symbol is not IMethodSymbol called)
        {
            return null;
        }

        var containing = (called.ReducedFrom ?? called).ContainingType?.OriginalDefinition;
        var parameters = lambdaMethod.Parameters;
        if (SymbolEqualityComparer.Default.Equals(containing, _symbols.Enumerable))
        {
            if (called.Name is "Select" or "Where" or "SelectMany" or "SkipWhile" or "TakeWhile"
                && parameters.Length == 2 && parameters[1].Type.SpecialType == SpecialType.System_Int32 && parameters[1].Name != "_")
            {
                return new LambdaInfo(lambda, anchor!, parameters[1].Name, lambdaMethod.ReturnsVoid);
            }

            // Enumerable.Range(a, n).Select(v => ...): v differs on every call, so it is the index to fold in.
            if (called.Name == "Select" && parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_Int32 && parameters[0].Name != "_"
                && call.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax source }
                && _model.GetSymbolInfo(source, _cancellationToken).Symbol is IMethodSymbol { Name: "Range" } range
                && SymbolEqualityComparer.Default.Equals(range.ContainingType, _symbols.Enumerable))
            {
                return new LambdaInfo(lambda, anchor!, parameters[0].Name, lambdaMethod.ReturnsVoid);
            }

            return new LambdaInfo(lambda, anchor!, null, lambdaMethod.ReturnsVoid);
        }

        if (SymbolEqualityComparer.Default.Equals(containing, _symbols.Parallel))
        {
            // Parallel bodies run concurrently: only the index makes them deterministic (a long index has no FoldIn).
            return called.Name == "For" && parameters.Length >= 1 && parameters[0].Type.SpecialType == SpecialType.System_Int32 && parameters[0].Name != "_"
                ? new LambdaInfo(lambda, anchor!, parameters[0].Name, lambdaMethod.ReturnsVoid)
                : null;
        }

        return SymbolEqualityComparer.Default.Equals(containing, _symbols.List) || SymbolEqualityComparer.Default.Equals(containing, _symbols.Array)
            ? new LambdaInfo(lambda, anchor!, null, lambdaMethod.ReturnsVoid)
            : null;
    }

    private static bool IsItemsDeclaration(ExpressionSyntax invocation, StatementSyntax anchor) =>
        anchor is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
        && invocation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
        && declarator == declaration.Declaration.Variables[0];

    private enum AnchorResult
    {
        Statement,
        ExpressionBody,
        Refused,
    }

    /// <summary>
    /// The statement before which a split can go: the nearest statement around <paramref name="node"/>, provided the
    /// node runs once per execution of that statement (not in a loop condition or incrementor, not in a query).
    /// </summary>
    private static AnchorResult FindAnchor(SyntaxNode node, SyntaxNode function, out StatementSyntax? anchor)
    {
        anchor = null;
        var child = node;
        for (var current = node.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current == function)
            {
                return AnchorResult.ExpressionBody;
            }

            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                case QueryBodySyntax or QueryClauseSyntax or SelectOrGroupClauseSyntax or QueryContinuationSyntax:
                    return AnchorResult.Refused;
                case WhileStatementSyntax loop when loop.Condition == child:
                case DoStatementSyntax loop2 when loop2.Condition == child:
                case ForStatementSyntax loop3 when loop3.Condition == child || loop3.Incrementors.Contains(child):
                    return AnchorResult.Refused;
                case StatementSyntax statement:
                    if (statement.Parent is LabeledStatementSyntax)
                    {
                        return AnchorResult.Refused;
                    }

                    anchor = statement;
                    return AnchorResult.Statement;
            }
        }

        return AnchorResult.Refused;
    }

    private KeyLocal? TryGetChild(InvocationExpressionSyntax invocation, IInvocationOperation operation, KeyLocal parent)
    {
        if (!DrawMapping.IsIntegerDraw(operation)
            || invocation.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: BaseObjectCreationExpressionSyntax creation } }
            || TryGetKeyLocal(_model, creation, _symbols, _cancellationToken) is not { } child
            || child.Function != parent.Function)
        {
            return null;
        }

        child.Parent = parent;
        return child;
    }

    private static KeyLocal? FindParent(SemanticModel model, KeyLocal key, MigrationSymbols symbols, CancellationToken cancellationToken)
    {
        if (key.Seed is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } }
            || model.GetSymbolInfo(receiver, cancellationToken).Symbol is not ILocalSymbol local
            || !symbols.IsRandom(local.Type)
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax
            {
                Initializer.Value: BaseObjectCreationExpressionSyntax creation,
            }
            || TryGetKeyLocal(model, creation, symbols, cancellationToken) is not { } parent
            || parent.Function != key.Function)
        {
            return null;
        }

        return parent;
    }

    /// <summary>A creation that initialises a plain <c>Random</c> local: <c>var r = new Random(seed);</c> in a statement list.</summary>
    private static KeyLocal? TryGetKeyLocal(SemanticModel model, BaseObjectCreationExpressionSyntax creation, MigrationSymbols symbols, CancellationToken cancellationToken)
    {
        if (model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation operation
            || !symbols.IsRandom(operation.Type)
            || operation.Constructor is not { } constructor
            || constructor.Parameters.Length > 1
            || creation.ArgumentList?.Arguments.Count != constructor.Parameters.Length
            || creation.Initializer is not null
            || InitializerOf(creation) is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || declaration.Parent is not LocalDeclarationStatementSyntax statement
            || statement.IsConst || statement.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)
            || declaration.Type is RefTypeSyntax
            || statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
            || !symbols.IsRandom(local.Type)
            || EnclosingFunction(statement) is not { } function)
        {
            return null;
        }

        var seed = creation.ArgumentList.Arguments.Count == 1 ? creation.ArgumentList.Arguments[0].Expression : null;
        if (creation.ArgumentList.Arguments.Count == 1 && !creation.ArgumentList.Arguments[0].RefKindKeyword.IsKind(SyntaxKind.None))
        {
            return null;
        }

        // var r = seed is null ? new Random() : new Random(seed.Value);  both branches become keys; the first is the
        // local's creation, so that each of the two diagnostics finds the same migration.
        if (creation.Parent is ConditionalExpressionSyntax conditional)
        {
            var other = conditional.WhenTrue == creation ? conditional.WhenFalse : conditional.WhenTrue;
            if (other is not BaseObjectCreationExpressionSyntax { Initializer: null, ArgumentList: { } otherArguments } otherCreation
                || model.GetOperation(otherCreation, cancellationToken) is not IObjectCreationOperation { Constructor: { } otherConstructor } otherOperation
                || !symbols.IsRandom(otherOperation.Type)
                || otherConstructor.Parameters.Length > 1
                || otherArguments.Arguments.Count != otherConstructor.Parameters.Length
                || otherArguments.Arguments.Any(argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None)))
            {
                return null;
            }

            var first = conditional.WhenTrue == creation ? creation : otherCreation;
            var second = first == creation ? otherCreation : creation;
            ExpressionSyntax? SeedOf(BaseObjectCreationExpressionSyntax c) => c.ArgumentList!.Arguments.Count == 1 ? c.ArgumentList.Arguments[0].Expression : null;
            return new KeyLocal(local, statement, first, SeedOf(first), function)
            {
                Alternative = new KeyLocal(local, statement, second, SeedOf(second), function),
            };
        }

        return new KeyLocal(local, statement, creation, seed, function);
    }

    /// <summary>The initializer a creation is the value of, directly or as a branch of a conditional.</summary>
    private static SyntaxNode? InitializerOf(BaseObjectCreationExpressionSyntax creation) =>
        creation.Parent is ConditionalExpressionSyntax { Parent: EqualsValueClauseSyntax clause } conditional
        && (conditional.WhenTrue == creation || conditional.WhenFalse == creation)
            ? clause
            : creation.Parent;

    private static SyntaxNode? EnclosingFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    return current;
                case GlobalStatementSyntax:
                    return current.Parent;
            }
        }

        return null;
    }

    /// <summary>A <c>Random</c> local being migrated.</summary>
    internal sealed class KeyLocal
    {
        public KeyLocal(ILocalSymbol symbol, LocalDeclarationStatementSyntax statement, BaseObjectCreationExpressionSyntax creation, ExpressionSyntax? seed, SyntaxNode function)
        {
            Symbol = symbol;
            Statement = statement;
            Creation = creation;
            Seed = seed;
            Function = function;
        }

        public ILocalSymbol Symbol { get; }

        public string Name => Symbol.Name;

        public LocalDeclarationStatementSyntax Statement { get; }

        public BaseObjectCreationExpressionSyntax Creation { get; }

        public ExpressionSyntax? Seed { get; }

        /// <summary>The body the local lives in: a method, accessor, local function, lambda or the top-level statements.</summary>
        public SyntaxNode Function { get; }

        public KeyLocal? Parent { get; set; }

        /// <summary>The other branch's creation of <c>c ? new Random() : new Random(seed)</c>, if the local has one.</summary>
        public KeyLocal? Alternative { get; set; }

        /// <summary>The same local analysed afresh as the root of its own family.</summary>
        public KeyLocal AsRoot() => new(Symbol, Statement, Creation, Seed, Function) { Alternative = Alternative };

        public List<Draw> Draws { get; } = new();
    }

    /// <summary>One draw: the call, its mapping, and the statement the split goes before (inside the lambda for lambda draws).</summary>
    internal sealed class Draw
    {
        public Draw(KeyLocal key, ExpressionSyntax invocation, DrawRewrite mapping, StatementSyntax? anchor, LambdaInfo? lambda)
        {
            Key = key;
            Invocation = invocation;
            Mapping = mapping;
            Anchor = anchor!;
            Lambda = lambda;
        }

        public KeyLocal Key { get; }

        /// <summary>The draw: a call on the local, or the local itself where it is passed to a <c>Random</c> parameter.</summary>
        public ExpressionSyntax Invocation { get; }

        public DrawRewrite Mapping { get; }

        public StatementSyntax Anchor { get; }

        public LambdaInfo? Lambda { get; }

        /// <summary>Set when the draw's loop only fills an array: the whole loop becomes one bulk call.</summary>
        public FillLoop? Fill { get; set; }
    }

    /// <summary>A lambda that draws: the statement its dedicated key is split before, and the index it folds in, if any.</summary>
    internal sealed class LambdaInfo
    {
        public LambdaInfo(AnonymousFunctionExpressionSyntax syntax, StatementSyntax anchor, string? indexName, bool returnsVoid)
        {
            Syntax = syntax;
            Anchor = anchor;
            IndexName = indexName;
            ReturnsVoid = returnsVoid;
        }

        public AnonymousFunctionExpressionSyntax Syntax { get; }

        public StatementSyntax Anchor { get; }

        public string? IndexName { get; }

        public bool ReturnsVoid { get; }
    }
}
