using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes.Threading;

/// <summary>
/// Turns a <c>System.Random</c> parameter of the solution's own methods into a <c>PrngKey</c> parameter, once every
/// call site can pass a key: a key's bridge (<c>sub.AsRandom()</c>, what the local and field fixes hand to code that
/// takes a <c>Random</c>) becomes the key itself, <c>new Random(seed)</c> becomes <c>PrngKey.Create(seed)</c>, and
/// <c>Random.Shared</c> or <c>new Random()</c> becomes <c>PrngKey.FromEntropy()</c>.
/// <code>
///   static int Roll(Random rng) => rng.Next(1, 7);       static int Roll(PrngKey rng) => rng.UnbiasedInt32(1, 7);
///   Roll(sub.AsRandom())                                  Roll(sub)
/// </code>
/// Inside the method the key is consumed once per draw: a single draw outside loops uses the parameter directly,
/// otherwise <c>(rng, sub) = rng.Split();</c> goes before each drawing statement. A parameter passed on to another
/// method's <c>Random</c> parameter is bridged with <c>AsRandom()</c>, and the next round threads that method too, so
/// a call chain migrates from the top down. Null guards on the parameter are removed (a key is a value).
/// <para>
/// No rewrite (the method keeps its <c>Random</c> and its callers their bridges) for: virtual, abstract, override,
/// interface or extern methods, public methods of a library (a public signature stays stable), methods used as a
/// method group, <c>ref</c>/<c>out</c>/<c>params</c>/optional parameters, a parameter stored, returned, captured by a
/// lambda or used by an unmapped member, or a call site passing any other <c>Random</c>. The edits are text edits per
/// file, so a file shared by several target frameworks (each with its own <c>#if</c> view) is changed once.
/// </para>
/// </summary>
internal static class ParameterThreading
{
    private const int MaxMigrations = 256;

    /// <summary>
    /// Threads keys into every eligible parameter that a call site in <paramref name="scope"/> (every document when
    /// <see langword="null"/>) hands a key's bridge or a new generator, and on down the chains those methods start.
    /// </summary>
    public static async Task<Solution> RunAsync(Solution solution, ISet<string>? scope, CancellationToken cancellationToken)
    {
        var files = scope is null ? null : new HashSet<string>(scope);
        var refused = new HashSet<string>();
        for (var migrations = 0; migrations < MaxMigrations; migrations++)
        {
            var progress = false;
            foreach (var candidate in await FindCandidatesAsync(solution, files, cancellationToken).ConfigureAwait(false))
            {
                if (refused.Contains(candidate.Id))
                {
                    continue;
                }

                if (await TryMigrateAsync(solution, candidate, cancellationToken).ConfigureAwait(false) is not { } migrated)
                {
                    refused.Add(candidate.Id);
                    continue;
                }

                solution = migrated.Solution;
                files?.UnionWith(migrated.ChangedFiles);
                refused.Clear();
                progress = true;
                break;
            }

            if (!progress)
            {
                break;
            }
        }

        return solution;
    }

    /// <summary>A parameter to try: the document and span of its declaration, and an identity that survives edits elsewhere.</summary>
    private sealed class Candidate
    {
        public Candidate(DocumentId document, TextSpan parameter, string id)
        {
            Document = document;
            Parameter = parameter;
            Id = id;
        }

        public DocumentId Document { get; }

        public TextSpan Parameter { get; }

        public string Id { get; }
    }

    private sealed class Migrated
    {
        public Migrated(Solution solution, IEnumerable<string> changedFiles)
        {
            Solution = solution;
            ChangedFiles = changedFiles.ToList();
        }

        public Solution Solution { get; }

        public List<string> ChangedFiles { get; }
    }

    /// <summary>Parameters of source methods that some call site in the scope passes a key's bridge or a new generator.</summary>
    private static async Task<List<Candidate>> FindCandidatesAsync(Solution solution, HashSet<string>? files, CancellationToken cancellationToken)
    {
        var result = new List<Candidate>();
        var seen = new HashSet<string>();
        var visitedFiles = new HashSet<string>();
        foreach (var document in solution.Projects.SelectMany(project => project.Documents))
        {
            var path = PathOf(document);
            if ((files is not null && !files.Contains(path)) || document.SourceCodeKind != SourceCodeKind.Regular)
            {
                continue;
            }

            // Linked copies (one per target framework) are all read: each sees its own #if branches.
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || !root.DescendantTokens().Any(token => token.ValueText is "AsRandom" or "Random" or "Shared"))
            {
                continue;
            }

            visitedFiles.Add(path);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || MigrationSymbols.Create(model.Compilation) is not { } symbols)
            {
                continue;
            }

            foreach (var argument in root.DescendantNodes().OfType<ArgumentSyntax>())
            {
                if (!IsBridgeLike(argument.Expression)
                    || model.GetOperation(argument, cancellationToken) is not IArgumentOperation { Parameter: { } parameter }
                    || !symbols.IsRandom(parameter.Type)
                    || parameter.ContainingSymbol is not IMethodSymbol method
                    || method.OriginalDefinition.Parameters[parameter.Ordinal] is not { } declared
                    || declared.DeclaringSyntaxReferences.Length != 1
                    || declared.DeclaringSyntaxReferences[0] is not { } reference
                    || solution.GetDocument(reference.SyntaxTree) is not { } declaring)
                {
                    continue;
                }

                var id = PathOf(declaring) + "@" + reference.Span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (seen.Add(id))
                {
                    result.Add(new Candidate(declaring.Id, reference.Span, id));
                }
            }
        }

        return result;
    }

    // Cheap syntactic filter; the migration checks the meaning.
    private static bool IsBridgeLike(ExpressionSyntax expression) => expression switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsRandom" } } => true,
        BaseObjectCreationExpressionSyntax => true,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Shared" } => true,
        _ => false,
    };

    private static string PathOf(Document document) => document.FilePath ?? document.Id.Id.ToString();

    private static async Task<Migrated?> TryMigrateAsync(Solution solution, Candidate candidate, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(candidate.Document);
        var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (document is null || root is null || model is null
            || MigrationSymbols.Create(model.Compilation) is not { } symbols
            || symbols.AsRandom is null
            || ((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp7
            || root.FindNode(candidate.Parameter, getInnermostNodeForTie: true) is not ParameterSyntax parameterSyntax
            || parameterSyntax.Type is null
            || model.GetDeclaredSymbol(parameterSyntax, cancellationToken) is not IParameterSymbol parameter
            || !symbols.IsRandom(parameter.Type)
            || parameter.ContainingSymbol is not IMethodSymbol method
            || parameterSyntax.Parent?.Parent is not BaseMethodDeclarationSyntax declaration
            || !IsEligible(method, parameter, declaration))
        {
            return null;
        }

        // A library's public surface keeps its signature: the method gains a key overload that takes the body, and the
        // Random one forwards to it (option "overload", the default), or its parameter changes ("replace").
        var overload = MigrationChecks.IsPublicSurface(method, document.Project);
        if (overload && PublicParameters(document, root.SyntaxTree) == PublicParameterStrategy.Replace)
        {
            overload = false;
        }

        if (overload && !CanOverload(method, parameter, declaration, symbols))
        {
            return null;
        }

        var edits = new EditSet();
        var imports = new HashSet<string>();
        if (!NeedsNoConflict(model, declaration.SpanStart, symbols, PathOf(document), imports))
        {
            return null;
        }

        // The body, as every target framework sees it; for an overload, edits of a copy of the method.
        var bodyEdits = overload ? new EditSet() : edits;
        bodyEdits.Replace(PathOf(document), parameterSyntax.Type.Span, "PrngKey");
        var recursiveCalls = new HashSet<TextSpan>();
        if (!await AddBodyEditsAsync(solution, document, declaration, parameter, symbols, bodyEdits, recursiveCalls, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (overload)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            AddOverload(edits, bodyEdits, PathOf(document), text, declaration, method, parameter);
        }

        // Every call site in the solution.
        var references = await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in ReferenceOrder.InSourceOrder(references))
        {
            if (location.IsImplicit || location.IsCandidateLocation)
            {
                return null;
            }

            var callerRoot = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var callerModel = await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (callerRoot is null || callerModel is null)
            {
                return null;
            }

            var site = TryAddCallSite(callerModel, callerRoot.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true), method, parameter.Ordinal, symbols,
                PathOf(location.Document), edits, imports, recursiveCalls, cancellationToken);

            // With an overload, a caller that holds no key keeps calling the Random one.
            if (site == CallSite.Refused || (site == CallSite.Kept && !overload))
            {
                return null;
            }
        }

        if (edits.HasConflicts)
        {
            return null;
        }

        // Every file edited must have the runtime in each target framework it is compiled for.
        foreach (var path in edits.Paths.Concat(imports).Distinct())
        {
            foreach (var copy in solution.Projects.SelectMany(project => project.Documents).Where(candidate => PathOf(candidate) == path))
            {
                if (!await MigrationSymbols.InEveryTargetAsync(copy, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
            }
        }

        return await ApplyAsync(solution, edits, imports, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>.editorconfig</c> key that chooses what a <c>Random</c> parameter of a library's public API becomes.</summary>
    public const string PublicParametersOption = "randompurity.migration.public_random_parameters";

    private enum PublicParameterStrategy
    {
        /// <summary>A <c>PrngKey</c> overload takes the body; the <c>Random</c> one forwards to it (the default).</summary>
        Overload,

        /// <summary>The parameter's type changes, as for internal methods: a breaking change for the library's users.</summary>
        Replace,
    }

    private static PublicParameterStrategy PublicParameters(Document document, SyntaxTree tree) =>
        document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(PublicParametersOption, out var value)
        && string.Equals(value.Trim(), "replace", System.StringComparison.OrdinalIgnoreCase)
            ? PublicParameterStrategy.Replace
            : PublicParameterStrategy.Overload;

    /// <summary>
    /// An ordinary method (not a constructor), whose parameter is not annotated nullable (the forwarder draws from it),
    /// and whose type has no method of that name taking a <c>PrngKey</c> in that place already.
    /// </summary>
    private static bool CanOverload(IMethodSymbol method, IParameterSymbol parameter, BaseMethodDeclarationSyntax declaration, MigrationSymbols symbols)
    {
        if (method.MethodKind != MethodKind.Ordinary || declaration is not MethodDeclarationSyntax
            || parameter.NullableAnnotation == NullableAnnotation.Annotated
            || method.ContainingType is not { } type)
        {
            return false;
        }

        return !type.GetMembers(method.Name).OfType<IMethodSymbol>().Any(other =>
            other.Parameters.Length == method.Parameters.Length
            && other.TypeParameters.Length == method.TypeParameters.Length
            && SymbolEqualityComparer.Default.Equals(other.Parameters[parameter.Ordinal].Type, symbols.PrngKey));
    }

    /// <summary>
    /// The migrated copy of the method (<paramref name="body"/>'s edits applied to its text) goes before it, and the
    /// original's body becomes a forwarder: <c>=&gt; Roll(PrngKey.FromWords((uint)random.Next(), (uint)random.Next()));</c>
    /// (62 bits of the caller's generator; <c>Random.NextInt64</c> is not in netstandard2.0).
    /// </summary>
    private static void AddOverload(EditSet edits, EditSet body, string path, SourceText text, BaseMethodDeclarationSyntax declaration, IMethodSymbol method, IParameterSymbol parameter)
    {
        var original = (MethodDeclarationSyntax)declaration;

        // The copy starts at the first line of the method's text (its doc comment, attributes), blank lines above
        // stay above the pair; a method sharing its line with other code is copied on that line.
        var start = declaration.GetLeadingTrivia()
            .Where(trivia => !trivia.IsKind(SyntaxKind.EndOfLineTrivia) && !trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            .Select(trivia => trivia.FullSpan.Start).DefaultIfEmpty(declaration.SpanStart).First();
        var line = text.Lines.GetLineFromPosition(start);
        var ownLine = string.IsNullOrWhiteSpace(text.ToString(TextSpan.FromBounds(line.Start, start))) && line.EndIncludingLineBreak > line.End;
        var region = ownLine ? TextSpan.FromBounds(line.Start, declaration.FullSpan.End) : declaration.Span;
        var shifted = body.ChangesFor(path).Where(change => region.Contains(change.Span))
            .Select(change => new TextChange(new TextSpan(change.Span.Start - region.Start, change.Span.Length), change.NewText ?? string.Empty));
        var keyed = SourceText.From(text.ToString(region)).WithChanges(shifted).ToString();
        var separator = ownLine ? text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak)) : " ";
        edits.Replace(path, new TextSpan(region.Start, 0), keyed + separator);

        var arguments = method.Parameters.Select(other => other.Ordinal == parameter.Ordinal
            ? $"PrngKey.FromWords((uint){other.Name}.Next(), (uint){other.Name}.Next())"
            : (other.RefKind switch { RefKind.Ref => "ref ", RefKind.Out => "out ", RefKind.In => "in ", _ => string.Empty }) + other.Name);
        var typeArguments = method.TypeParameters.IsEmpty ? string.Empty : "<" + string.Join(", ", method.TypeParameters.Select(type => type.Name)) + ">";
        var forward = $" => {original.Identifier.ValueText}{typeArguments}({string.Join(", ", arguments)});";
        var bodyStart = (SyntaxNode?)original.ExpressionBody ?? original.Body!;
        var bodyEnd = original.SemicolonToken.IsKind(SyntaxKind.None) ? bodyStart.Span.End : original.SemicolonToken.Span.End;
        edits.Replace(path, TextSpan.FromBounds(bodyStart.GetFirstToken().GetPreviousToken().Span.End, bodyEnd), forward);
    }

    private static bool IsEligible(IMethodSymbol method, IParameterSymbol parameter, BaseMethodDeclarationSyntax declaration)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor)
            || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern || method.IsExtensionMethod
            || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null
            || !method.ExplicitInterfaceImplementations.IsEmpty
            || method.DeclaringSyntaxReferences.Length != 1
            || (declaration.Body is null && declaration.ExpressionBody is null)
            || parameter.RefKind != RefKind.None || parameter.IsParams || parameter.IsOptional
            || MigrationChecks.ImplementsInterfaceMember(method))
        {
            return false;
        }

        return true;
    }

    /// <summary><c>PrngKey</c> must bind to the runtime's type where the new code names it, or be free (then a using is added).</summary>
    private static bool NeedsNoConflict(SemanticModel model, int position, MigrationSymbols symbols, string path, HashSet<string> imports)
    {
        var found = model.LookupNamespacesAndTypes(position, name: "PrngKey");
        if (found.IsEmpty)
        {
            imports.Add(path);
            return true;
        }

        return found.Length == 1 && SymbolEqualityComparer.Default.Equals(found[0], symbols.PrngKey);
    }

    private enum UseKind
    {
        Draw,
        PassedOn,
        Recursive,
    }

    private sealed class Use
    {
        public Use(ExpressionSyntax node, UseKind kind, StatementSyntax? anchor, string text)
        {
            Node = node;
            Kind = kind;
            Anchor = anchor;
            Text = text;
        }

        /// <summary>The node replaced: the draw call, or the parameter where it is passed on.</summary>
        public ExpressionSyntax Node { get; }

        public UseKind Kind { get; }

        public StatementSyntax? Anchor { get; }

        /// <summary>The replacement with <c>{0}</c> for the key it draws from.</summary>
        public string Text { get; }

        public bool InLoop { get; set; }
    }

    /// <summary>Rewrites the method's uses of the parameter, as the union over every linked copy of its file.</summary>
    private static async Task<bool> AddBodyEditsAsync(Solution solution, Document document, BaseMethodDeclarationSyntax declaration, IParameterSymbol parameter,
        MigrationSymbols symbols, EditSet edits, HashSet<TextSpan> recursiveCalls, CancellationToken cancellationToken)
    {
        var path = PathOf(document);
        var name = parameter.Name;
        var uses = new Dictionary<TextSpan, Use>();
        var seen = new HashSet<TextSpan>();
        var guards = new Dictionary<TextSpan, StatementSyntax>();
        var linked = new List<Document> { document };
        linked.AddRange(document.GetLinkedDocumentIds().Select(solution.GetDocument).Where(other => other is not null)!);
        var visible = false;
        BaseMethodDeclarationSyntax? primary = null;
        SemanticModel? primaryModel = null;
        foreach (var copy in linked)
        {
            var root = await copy.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await copy.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(declaration.Span) is not BaseMethodDeclarationSyntax method || model is null
                || model.GetDeclaredSymbol(method, cancellationToken) is not IMethodSymbol methodSymbol
                || methodSymbol.Parameters.Length <= parameter.Ordinal)
            {
                return false;
            }

            primary ??= method;
            primaryModel ??= model;
            var symbol = methodSymbol.Parameters[parameter.Ordinal];
            if (!NamePicker.AppearsInDisabledText(method, name))
            {
                visible = true;
            }

            foreach (var identifier in method.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol)
                    || identifier.Ancestors().Any(node => node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }))
                {
                    continue;
                }

                if (NullGuard(identifier) is { } guard)
                {
                    guards[guard.Span] = guard;
                    continue;
                }

                if (!seen.Add(identifier.Span))
                {
                    continue;
                }

                if (ClassifyUse(model, method, identifier, parameter, symbols, cancellationToken) is not { } use)
                {
                    return false;
                }

                uses[use.Node.Span] = use;
            }
        }

        if (!visible || primary is null || primaryModel is null)
        {
            return false;
        }

        foreach (var guard in guards.Values)
        {
            edits.Remove(path, guard);
        }

        var ordered = uses.Values.OrderBy(use => use.Node.SpanStart).ToList();
        if (ordered.Any(use => ordered.Any(other => other != use && other.Node.Span.Contains(use.Node.Span))))
        {
            return false;
        }

        foreach (var use in ordered.Where(use => use.Kind == UseKind.Recursive))
        {
            recursiveCalls.Add(use.Node.Span);
        }

        // One draw outside loops consumes the parameter itself; otherwise each drawing statement splits it first.
        if (ordered.Count == 1 && !ordered[0].InLoop)
        {
            edits.Replace(path, ordered[0].Node.Span, string.Format(System.Globalization.CultureInfo.InvariantCulture, ordered[0].Text, name));
            return true;
        }

        if (ordered.Count == 0)
        {
            return true;
        }

        if (ordered.Any(use => use.Anchor is null) || primary.Body is not { } body)
        {
            return false;
        }

        var names = new NamePicker(primaryModel, primary);
        var pool = new List<string>();
        var text = primary.SyntaxTree.GetText(cancellationToken);
        foreach (var group in ordered.GroupBy(use => use.Anchor!))
        {
            var index = 0;
            foreach (var use in group)
            {
                if (pool.Count <= index)
                {
                    pool.Add(names.Pick("sub"));
                }

                var sub = pool[index++];
                edits.InsertBeforeStatement(path, text, group.Key, $"({name}, {sub}) = {name}.Split();");
                edits.Replace(path, use.Node.Span, string.Format(System.Globalization.CultureInfo.InvariantCulture, use.Text, sub));
            }
        }

        var first = body.Statements.FirstOrDefault(statement => !guards.ContainsKey(statement.Span));
        if (first is null)
        {
            return false;
        }

        edits.InsertBeforeStatement(path, text, first, "PrngKey " + string.Join(", ", pool) + ";", first: true);
        return true;
    }

    /// <summary><c>if (p == null) throw ...;</c>, <c>if (p is null) throw ...;</c> or <c>ArgumentNullException.ThrowIfNull(p);</c>.</summary>
    private static StatementSyntax? NullGuard(IdentifierNameSyntax identifier)
    {
        switch (identifier.Parent)
        {
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals
                when (equals.Left == identifier ? equals.Right : equals.Left).IsKind(SyntaxKind.NullLiteralExpression)
                     && equals.Parent is IfStatementSyntax { Else: null } ifEquals && ifEquals.Condition == equals && Throws(ifEquals.Statement):
                return ifEquals;
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } pattern
                when pattern.Parent is IfStatementSyntax { Else: null } ifPattern && ifPattern.Condition == pattern && Throws(ifPattern.Statement):
                return ifPattern;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax call } }
                when call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ThrowIfNull", Expression: var type }
                     && type.ToString().EndsWith("ArgumentNullException", System.StringComparison.Ordinal)
                     && call.Parent is ExpressionStatementSyntax statement:
                return statement;
            default:
                return null;
        }

        static bool Throws(StatementSyntax statement) =>
            statement is ThrowStatementSyntax || (statement is BlockSyntax { Statements.Count: 1 } block && block.Statements[0] is ThrowStatementSyntax);
    }

    private static Use? ClassifyUse(SemanticModel model, BaseMethodDeclarationSyntax method, IdentifierNameSyntax identifier, IParameterSymbol parameter,
        MigrationSymbols symbols, CancellationToken cancellationToken)
    {
        // Uses in lambdas and local functions run at other times than the statement around them.
        if (identifier.Ancestors().TakeWhile(node => node != method).Any(node => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
        {
            return null;
        }

        if (identifier.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access
            && access.Expression == identifier && invocation.Expression == access
            && model.GetOperation(invocation, cancellationToken) is IInvocationOperation { Instance: IParameterReferenceOperation } operation
            && DrawMapping.TryMap(operation, symbols) is { } mapping)
        {
            var draw = mapping.ExpressionForm();
            var built = draw.Build(SyntaxFactory.IdentifierName("__KEY__"), invocation, model, invocation.SpanStart).ToFullString();
            return WithPlacement(new Use(invocation, UseKind.Draw, Anchor(invocation, method), Escape(built)), method);
        }

        if (identifier.Parent is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None } argument
            && argument.Expression == identifier
            && model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { RefKind: RefKind.None, IsParams: false } target }
            && symbols.IsRandom(target.Type))
        {
            var recursive = SymbolEqualityComparer.Default.Equals(target.ContainingSymbol.OriginalDefinition, parameter.ContainingSymbol.OriginalDefinition)
                            && target.Ordinal == parameter.Ordinal;
            return WithPlacement(new Use(identifier, recursive ? UseKind.Recursive : UseKind.PassedOn, Anchor(identifier, method), recursive ? "{0}" : "{0}.AsRandom()"), method);
        }

        return null;
    }

    private static string Escape(string text) => text.Replace("{", "{{").Replace("}", "}}").Replace("__KEY__", "{0}");

    private static Use WithPlacement(Use use, BaseMethodDeclarationSyntax method)
    {
        use.InLoop = use.Node.Ancestors().TakeWhile(node => node != method)
            .Any(node => node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or GotoStatementSyntax or QueryExpressionSyntax);
        return use;
    }

    /// <summary>The statement of a block the split can go before; null in loop headers, queries, embedded statements and expression bodies.</summary>
    private static StatementSyntax? Anchor(SyntaxNode node, BaseMethodDeclarationSyntax method)
    {
        var child = node;
        for (var current = node.Parent; current is not null && current != method; child = current, current = current.Parent)
        {
            switch (current)
            {
                case QueryExpressionSyntax or SwitchExpressionSyntax:
                case WhileStatementSyntax loop when loop.Condition == child:
                case DoStatementSyntax loop2 when loop2.Condition == child:
                case ForStatementSyntax loop3 when loop3.Condition == child || loop3.Incrementors.Contains(child) || loop3.Declaration == child || loop3.Initializers.Contains(child):
                case CommonForEachStatementSyntax loop4 when loop4.Expression == child:
                    return null;
                case StatementSyntax statement:
                    // A statement of a block, or the embedded statement of an if, else, loop, using, lock or fixed,
                    // which gets braces around it and the split.
                    return statement is not LabeledStatementSyntax
                           && statement.Parent is BlockSyntax or IfStatementSyntax or ElseClauseSyntax or ForStatementSyntax
                               or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or UsingStatementSyntax
                               or LockStatementSyntax or FixedStatementSyntax
                        ? statement
                        : null;
            }
        }

        return null;
    }

    private enum CallSite
    {
        /// <summary>The argument becomes a key.</summary>
        Keyed,

        /// <summary>A call whose argument is no key's bridge: it can keep calling a <c>Random</c> overload.</summary>
        Kept,

        /// <summary>Not a call that can be left or rewritten (a method group, an expression tree, a default argument).</summary>
        Refused,
    }

    /// <summary>One call of the method: the argument for the parameter becomes a key, or the call refuses the migration.</summary>
    private static CallSite TryAddCallSite(SemanticModel model, SyntaxNode node, IMethodSymbol method, int ordinal, MigrationSymbols symbols, string path,
        EditSet edits, HashSet<string> imports, HashSet<TextSpan> recursiveCalls, CancellationToken cancellationToken)
    {
        SyntaxNode? call = null;
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is InvocationExpressionSyntax invocation && invocation.Expression.Span.Contains(node.Span))
            {
                call = invocation;
                break;
            }

            if (current is BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax)
            {
                call = current;
                break;
            }

            if (current is ArgumentListSyntax or StatementSyntax or MemberDeclarationSyntax)
            {
                break;
            }
        }

        IOperation? operation = call is null ? null : model.GetOperation(call, cancellationToken);
        var (target, arguments) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
            _ => (null, default(System.Collections.Immutable.ImmutableArray<IArgumentOperation>)),
        };
        if (target is null || !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method.OriginalDefinition)
            || MigrationChecks.InExpressionTree(model, call!, symbols, cancellationToken))
        {
            return CallSite.Refused;
        }

        var argument = arguments.FirstOrDefault(candidate => candidate.Parameter?.Ordinal == ordinal);
        if (argument is null || argument.ArgumentKind != ArgumentKind.Explicit || argument.Syntax is not ArgumentSyntax argumentSyntax)
        {
            return CallSite.Refused;
        }

        if (recursiveCalls.Contains(argumentSyntax.Expression.Span))
        {
            return CallSite.Keyed;
        }

        string? replacement = argument.Value switch
        {
            IInvocationOperation { Instance: { } instance } bridge when SymbolEqualityComparer.Default.Equals(bridge.TargetMethod, symbols.AsRandom)
                => instance.Syntax.ToString(),
            IObjectCreationOperation { Constructor: { } constructor, Initializer: null } created when symbols.IsRandom(created.Type) && constructor.Parameters.Length <= 1
                && created.Arguments.All(seed => seed.ArgumentKind == ArgumentKind.Explicit)
                => created.Arguments.Length == 1 ? $"PrngKey.Create({created.Arguments[0].Value.Syntax})" : "PrngKey.FromEntropy()",
            IPropertyReferenceOperation { Property: { Name: "Shared", IsStatic: true } property } when symbols.IsRandom(property.ContainingType)
                => "PrngKey.FromEntropy()",
            _ => null,
        };
        if (replacement is null
            || (replacement.StartsWith("PrngKey.", System.StringComparison.Ordinal) && !NeedsNoConflict(model, argumentSyntax.SpanStart, symbols, path, imports)))
        {
            return CallSite.Kept;
        }

        edits.Replace(path, argumentSyntax.Expression.Span, replacement);
        return CallSite.Keyed;
    }

    private static async Task<Migrated> ApplyAsync(Solution solution, EditSet edits, HashSet<string> imports, CancellationToken cancellationToken)
    {
        var documentsByPath = solution.Projects.SelectMany(project => project.Documents).GroupBy(PathOf).ToDictionary(group => group.Key, group => group.ToList());
        var changed = new List<string>();
        foreach (var path in edits.Paths.Concat(imports).Distinct().ToList())
        {
            if (!documentsByPath.TryGetValue(path, out var copies))
            {
                continue;
            }

            var text = await copies[0].GetTextAsync(cancellationToken).ConfigureAwait(false);
            var updated = text.WithChanges(edits.ChangesFor(path));
            if (imports.Contains(path))
            {
                var tree = CSharpSyntaxTree.ParseText(updated, (CSharpParseOptions)(await copies[0].GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!.Options, cancellationToken: cancellationToken);
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit
                    && !unit.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>()
                        .Any(directive => directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name?.ToString() == UsingDirectives.RandomPurity))
                {
                    var endOfLine = unit.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
                    updated = SourceText.From(UsingDirectives.Add(unit, endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.CarriageReturnLineFeed).ToFullString(), text.Encoding);
                }
            }

            foreach (var copy in copies)
            {
                solution = solution.WithDocumentText(copy.Id, updated);
            }

            changed.Add(path);
        }

        return new Migrated(solution, changed);
    }

    /// <summary>Text edits grouped by file; overlapping edits mark the migration as unsafe. Linked copies of a file report the same edit twice: kept once.</summary>
    private sealed class EditSet
    {
        private readonly Dictionary<string, List<(TextSpan Span, string Text, int Order)>> _edits = new();
        private readonly HashSet<(string Path, TextSpan Anchor)> _braced = new();
        private int _order;

        public bool HasConflicts { get; private set; }

        public IEnumerable<string> Paths => _edits.Keys;

        public void Replace(string path, TextSpan span, string text) => Add(path, span, text, _order++);

        /// <summary>Removes a whole statement line (comments above it stay).</summary>
        public void Remove(string path, StatementSyntax statement)
        {
            var start = statement.FullSpan.Start;
            var lastEndOfLine = statement.GetLeadingTrivia().LastOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
            if (lastEndOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                start = lastEndOfLine.Span.End;
            }

            Add(path, TextSpan.FromBounds(start, statement.FullSpan.End), string.Empty, _order++);
        }

        /// <summary>
        /// Inserts <paramref name="statement"/> on a line of its own before <paramref name="anchor"/>, at its indentation
        /// (<paramref name="first"/>: before anything else inserted there).
        /// </summary>
        public void InsertBeforeStatement(string path, SourceText text, StatementSyntax anchor, string statement, bool first = false)
        {
            var line = text.Lines.GetLineFromPosition(anchor.SpanStart);
            var indentation = text.ToString(TextSpan.FromBounds(line.Start, anchor.SpanStart));
            var order = first ? -1 : _order++;
            if (anchor.Parent is not BlockSyntax)
            {
                InsertBeforeEmbedded(path, text, anchor, statement, line, indentation, order);
                return;
            }

            if (!string.IsNullOrWhiteSpace(indentation) || line.EndIncludingLineBreak == line.End)
            {
                // Something precedes the statement on its line (or there is no line break to copy): stay on that line.
                Add(path, new TextSpan(anchor.SpanStart, 0), statement + " ", order);
                return;
            }

            var endOfLine = text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak));
            Add(path, new TextSpan(anchor.SpanStart, 0), statement + endOfLine + indentation, order);
        }

        /// <summary>
        /// An embedded statement gets braces: on lines of their own at the parent's indentation when the statement
        /// starts its line, else on the statement's line (<c>for (...) { (r, sub) = r.Split(); t += Roll(sub); }</c>).
        /// </summary>
        private void InsertBeforeEmbedded(string path, SourceText text, StatementSyntax anchor, string statement, TextLine line, string indentation, int order)
        {
            var ownLine = string.IsNullOrWhiteSpace(indentation) && line.EndIncludingLineBreak > line.End;
            if (!_braced.Add((path, anchor.Span)))
            {
                // Already braced by an earlier split: only the split itself.
                Add(path, ownLine ? new TextSpan(line.Start, 0) : new TextSpan(anchor.SpanStart, 0),
                    ownLine ? indentation + statement + text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak)) : statement + " ", order);
                return;
            }

            if (!ownLine)
            {
                Add(path, new TextSpan(anchor.SpanStart, 0), "{ " + statement + " ", order);
                Add(path, new TextSpan(anchor.Span.End, 0), " }", int.MaxValue);
                return;
            }

            var endOfLine = text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak));
            var parentLine = text.Lines.GetLineFromPosition(anchor.Parent!.SpanStart);
            var parentIndentation = text.ToString(TextSpan.FromBounds(parentLine.Start, parentLine.Start + (parentLine.ToString().Length - parentLine.ToString().TrimStart().Length)));
            Add(path, new TextSpan(line.Start, 0), parentIndentation + "{" + endOfLine + indentation + statement + endOfLine, order);
            Add(path, new TextSpan(anchor.Span.End, 0), endOfLine + parentIndentation + "}", int.MaxValue);
        }

        public IEnumerable<TextChange> ChangesFor(string path) =>
            _edits.TryGetValue(path, out var list)
                ? list.GroupBy(edit => (edit.Span.Start, edit.Span.Length))
                    .Select(group => new TextChange(group.First().Span, string.Concat(group.OrderBy(edit => edit.Order).Select(edit => edit.Text))))
                    .OrderBy(change => change.Span.Start).ThenBy(change => change.Span.Length)
                    .ToList()
                : Enumerable.Empty<TextChange>();

        private void Add(string path, TextSpan span, string text, int order)
        {
            if (!_edits.TryGetValue(path, out var list))
            {
                list = new List<(TextSpan, string, int)>();
                _edits.Add(path, list);
            }

            foreach (var (existing, existingText, _) in list)
            {
                if (existing == span && span.Length > 0)
                {
                    // The same replacement seen from a linked copy; a different one would be a conflict.
                    HasConflicts |= existingText != text;
                    return;
                }

                var insertionInside = (span.Length == 0 && existing.Start < span.Start && span.Start < existing.End)
                                      || (existing.Length == 0 && span.Start < existing.Start && existing.Start < span.End);
                if ((span.Length > 0 && existing.Length > 0 && existing.OverlapsWith(span)) || insertionInside)
                {
                    HasConflicts = true;
                }
            }

            list.Add((span, text, order));
        }
    }
}
