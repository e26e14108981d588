using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes.Threading;

/// <summary>
/// FixAll of RP0001 for both of its providers (locals and fields): every <c>Random</c> local and field of the scope,
/// then the parameters their keys now reach (<see cref="ParameterThreading"/>), then the <c>new Random(seed)</c>
/// arguments of parameters that stay (<see cref="BridgeRemainingAsync"/>). <c>dotnet format</c> hands one
/// diagnostic set to each RP0001 provider in turn and spans go stale once a document has changed, so the provider that
/// runs first does everything and the creations to migrate are found afresh in each document rather than taken from
/// the diagnostics. A file compiled for several target frameworks is migrated once per framework view (each sees its
/// own <c>#if</c> branches), and every view gets the same resulting text.
/// </summary>
internal sealed class RandomFixAllProvider : FixAllProvider
{
    public static readonly RandomFixAllProvider Instance = new();

    /// <inheritdoc />
    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    /// <inheritdoc />
    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var documents = fixAllContext.Scope switch
        {
            FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
            FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
            FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(project => project.Documents).ToArray(),
            _ => new Document[0],
        };
        var solution = fixAllContext.Solution;
        var ids = documents.Select(document => document.Id).ToList();
        var wholeSolution = fixAllContext.Scope == FixAllScope.Solution;
        return Task.FromResult<CodeAction?>(CodeAction.Create(
            "Migrate System.Random to explicit PrngKeys",
            cancellationToken => MigrateAsync(solution, ids, wholeSolution, cancellationToken),
            fixAllContext.CodeActionEquivalenceKey));
    }

    /// <summary>Migrates the locals and fields of the documents, then threads keys into the parameters they reach.</summary>
    public static async Task<Solution> MigrateAsync(Solution solution, IReadOnlyList<DocumentId> documents, bool wholeSolution, CancellationToken cancellationToken)
    {
        var paths = new HashSet<string>();
        foreach (var id in documents)
        {
            if (solution.GetDocument(id) is { } document && document.SourceCodeKind == SourceCodeKind.Regular)
            {
                paths.Add(PathOf(document));
            }
        }

        var merged = new HashSet<string>();
        foreach (var id in documents)
        {
            if (solution.GetDocument(id) is not { } document)
            {
                continue;
            }

            if (!document.GetLinkedDocumentIds().IsEmpty)
            {
                if (merged.Add(PathOf(document)) && await MigrateLinkedCopiesAsync(document, cancellationToken).ConfigureAwait(false) is { } together)
                {
                    solution = together;
                    continue;
                }

                // The copies' results conflict: one copy after the other, each seeing the other's result.
            }

            var spans = await RandomCreationsAsync(document, cancellationToken).ConfigureAwait(false);
            if (spans.Count == 0)
            {
                continue;
            }

            var migrated = await FieldRandomMigrator.MigrateFieldsAndLocalsAsync(document, spans, cancellationToken).ConfigureAwait(false);
            solution = await ShareWithLinkedCopiesAsync(migrated, cancellationToken).ConfigureAwait(false);
        }

        solution = await ParameterThreading.RunAsync(solution, wholeSolution ? null : paths, cancellationToken).ConfigureAwait(false);
        return await BridgeRemainingAsync(solution, documents, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A creation that initializes or is assigned to a serialized field: a <c>Random</c> subclass there fails at run time.</summary>
    internal static bool StoresIntoSerializedField(SemanticModel model, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        var target = creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken),
            AssignmentExpressionSyntax assignment when assignment.Right == creation => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
            _ => null,
        };
        return target is IFieldSymbol field && MigrationChecks.IsSerializedField(field);
    }

    /// <summary>
    /// The last step, for the creations nothing else could migrate: a generator made only to draw once
    /// (<c>new Random(seed).Next(1, 7)</c>) becomes that draw from a key (<c>PrngKey.Create(seed).UnbiasedInt32(1, 7)</c>).
    /// Every other creation is left with its RP0001: wrapping it as <c>PrngKey.Create(seed).AsRandom()</c> would keep a
    /// stateful <c>Random</c> made on the spot. <paramref name="spans"/>, when given, limits it to those creations.
    /// </summary>
    public static async Task<Solution> BridgeRemainingAsync(Solution solution, IEnumerable<DocumentId> documents, CancellationToken cancellationToken, ISet<TextSpan>? spans = null)
    {
        foreach (var id in documents)
        {
            var document = solution.GetDocument(id);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (document is null || root is not Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax unit || model is null
                || IsGenerated(document, root)
                || MigrationSymbols.Create(model.Compilation) is not { } symbols
                || !await MigrationSymbols.InEveryTargetAsync(document, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if ((spans is not null && !spans.Contains(creation.Span))
                    || !symbols.IsRandom(model.GetTypeInfo(creation, cancellationToken).ConvertedType)
                    || model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation { Initializer: null, Constructor.Parameters.Length: <= 1 } operation
                    || !symbols.IsRandom(operation.Type)
                    || operation.Arguments.Any(seed => seed.ArgumentKind != ArgumentKind.Explicit)
                    || MigrationChecks.InExpressionTree(model, creation, symbols, cancellationToken)
                    || !MigrationChecks.BindsToOrFree(model, creation.SpanStart, "PrngKey", symbols.PrngKey)
                    || StoresIntoSerializedField(model, creation, cancellationToken))
                {
                    continue;
                }

                if (SingleDraw(operation, symbols) is { } draw)
                {
                    var key = operation.Arguments.Length == 1 ? $"PrngKey.Create({operation.Arguments[0].Value.Syntax})" : "PrngKey.FromEntropy()";
                    // `new Random(seed).Next(1, 7)` draws once from a generator nobody else sees: one draw from the
                    // key itself (PrngKey.Create(seed).UnbiasedInt32(1, 7)) is the same stream discipline, without a bridge.
                    var call = (InvocationExpressionSyntax)draw.Invocation.Syntax;
                    replacements[call] = draw.Mapping.ExpressionForm()
                        .Build(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(key), call, model, call.SpanStart)
                        .WithTriviaFrom(call);
                }

                // Anything else would stay a Random made on the spot (PrngKey.Create(seed).AsRandom()): the same hidden
                // state with other numbers. It keeps its RP0001 for the user to decide (suppress where a Random is the point).
            }

            if (replacements.Count == 0)
            {
                continue;
            }

            var rewritten = UsingDirectives.AddIfUnbound(
                unit.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]), model, replacements.Keys.Min(node => node.SpanStart));
            solution = await ShareWithLinkedCopiesAsync(document.WithSyntaxRoot(rewritten), cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    /// <summary>The draw made straight on a new generator (<c>new Random(seed).Next(1, 7)</c>) when it has a mapping.</summary>
    internal static (IInvocationOperation Invocation, DrawRewrite Mapping)? SingleDraw(IObjectCreationOperation creation, MigrationSymbols symbols) =>
        creation.Parent is IInvocationOperation { Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } } invocation
        && invocation.Instance == creation
        && access.Expression == creation.Syntax
        && DrawMapping.TryMap(invocation, symbols) is { } mapping
            ? (invocation, mapping)
            : null;

    /// <summary>
    /// A file compiled for several target frameworks: each copy is migrated from the same text, with its inactive
    /// branches that another copy compiles left to that copy, and the text changes of all copies are merged (the
    /// shared code gets the same edits from each). <see langword="null"/> when the copies' edits overlap differently.
    /// </summary>
    private static async Task<Solution?> MigrateLinkedCopiesAsync(Document document, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var copies = new List<Document> { document };
        copies.AddRange(document.GetLinkedDocumentIds().Select(solution.GetDocument).Where(copy => copy is not null)!);
        var roots = new List<SyntaxNode>();
        foreach (var copy in copies)
        {
            roots.Add((await copy.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
        }

        var changes = new List<TextChange>();
        for (var i = 0; i < copies.Count; i++)
        {
            var spans = await RandomCreationsAsync(copies[i], cancellationToken).ConfigureAwait(false);
            if (spans.Count == 0)
            {
                continue;
            }

            var activeElsewhere = new HashSet<TextSpan>();
            foreach (var trivia in roots[i].DescendantTrivia().Where(trivia => trivia.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DisabledTextTrivia)))
            {
                if (roots.Where((_, j) => j != i).Any(other => !other.FindTrivia(trivia.SpanStart + (trivia.Span.Length / 2)).IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DisabledTextTrivia)))
                {
                    activeElsewhere.Add(trivia.Span);
                }
            }

            Document migrated;
            using (NamePicker.ActiveElsewhere(activeElsewhere))
            {
                migrated = await FieldRandomMigrator.MigrateFieldsAndLocalsAsync(copies[i], spans, cancellationToken).ConfigureAwait(false);
            }

            changes.AddRange(await migrated.GetTextChangesAsync(copies[i], cancellationToken).ConfigureAwait(false));
        }

        if (changes.Count == 0)
        {
            return solution;
        }

        if (Merge(changes) is not { } distinct)
        {
            return null;
        }

        var text = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).WithChanges(distinct);
        foreach (var copy in copies)
        {
            solution = solution.WithDocumentText(copy.Id, text);
        }

        return solution;
    }

    /// <summary>
    /// After edits made to one target framework's copy of a file (or to several copies, each in its own active
    /// branches), every copy gets the merged text: the text changes of the changed copies against the original are
    /// united (identical ones once). A workspace that writes files would otherwise keep whichever copy it saves last.
    /// Copies whose changes overlap differently are left as they are.
    /// </summary>
    public static async Task<Solution> MergeLinkedCopiesAsync(Solution original, Solution changed, CancellationToken cancellationToken)
    {
        var changedIds = changed.GetChanges(original).GetProjectChanges().SelectMany(project => project.GetChangedDocuments()).ToList();
        var done = new HashSet<DocumentId>();
        foreach (var id in changedIds)
        {
            if (done.Contains(id) || changed.GetDocument(id) is not { } document || original.GetDocument(id) is not { } before)
            {
                continue;
            }

            var linked = document.GetLinkedDocumentIds();
            if (linked.IsEmpty)
            {
                continue;
            }

            var copies = new List<DocumentId> { id };
            copies.AddRange(linked);
            done.UnionWith(copies);
            var changes = new List<TextChange>();
            foreach (var copy in copies)
            {
                if (changed.GetDocument(copy) is { } after && original.GetDocument(copy) is { } previous)
                {
                    changes.AddRange(await after.GetTextChangesAsync(previous, cancellationToken).ConfigureAwait(false));
                }
            }

            if (Merge(changes) is not { } distinct)
            {
                continue;
            }

            var text = (await before.GetTextAsync(cancellationToken).ConfigureAwait(false)).WithChanges(distinct);
            foreach (var copy in copies)
            {
                changed = changed.WithDocumentText(copy, text);
            }
        }

        return changed;
    }

    /// <summary>
    /// The text changes of several copies of one file against the same original, each once and in order; <see
    /// langword="null"/> when two of them overlap (or insert different text at one point): the copies disagree.
    /// </summary>
    private static List<TextChange>? Merge(IEnumerable<TextChange> changes)
    {
        var distinct = changes.GroupBy(change => (change.Span, change.NewText)).Select(group => group.First())
            .OrderBy(change => change.Span.Start).ThenBy(change => change.Span.Length).ToList();
        for (var i = 1; i < distinct.Count; i++)
        {
            var previous = distinct[i - 1];
            var current = distinct[i];
            if (current.Span.Start < previous.Span.End || (current.Span.Start == previous.Span.Start && current.Span.Length == 0 && previous.Span.Length == 0))
            {
                return null;
            }
        }

        return distinct;
    }

    /// <summary>The solution of <paramref name="document"/>, with its text also given to the other target frameworks' copies of the file.</summary>
    public static async Task<Solution> ShareWithLinkedCopiesAsync(Document document, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var linked = document.GetLinkedDocumentIds();
        if (linked.IsEmpty)
        {
            return solution;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in linked)
        {
            solution = solution.WithDocumentText(id, text);
        }

        return solution;
    }

    /// <summary>The scope ParameterThreading may start from after a fix in <paramref name="document"/>.</summary>
    public static ISet<string> ScopeOf(Document document) => new HashSet<string> { PathOf(document) };

    private static string PathOf(Document document) => document.FilePath ?? document.Id.Id.ToString();

    /// <summary>Generated code gets no RP0001 (the analyzers skip it), so FixAll leaves it alone too.</summary>
    private static bool IsGenerated(Document document, SyntaxNode root)
    {
        var name = System.IO.Path.GetFileName(document.FilePath ?? document.Name) ?? string.Empty;
        if (name.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase) || name.EndsWith(".g.i.cs", System.StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".designer.cs", System.StringComparison.OrdinalIgnoreCase) || name.EndsWith(".generated.cs", System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var header = root.GetLeadingTrivia().ToFullString();
        return header.IndexOf("<auto-generated", System.StringComparison.OrdinalIgnoreCase) >= 0
               || header.IndexOf("<autogenerated", System.StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>Every creation of a <c>System.Random</c> in the document: what RP0001 reports, seen afresh.</summary>
    private static async Task<List<TextSpan>> RandomCreationsAsync(Document document, CancellationToken cancellationToken)
    {
        var result = new List<TextSpan>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || IsGenerated(document, root) || !root.DescendantTokens().Any(token => token.ValueText == "Random" || token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NewKeyword))
            || !await MigrationSymbols.InEveryTargetAsync(document, cancellationToken).ConfigureAwait(false))
        {
            return result;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || MigrationSymbols.Create(model.Compilation) is not { } symbols)
        {
            return result;
        }

        foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
        {
            if (model.GetOperation(creation, cancellationToken) is IObjectCreationOperation operation && symbols.IsRandom(operation.Type))
            {
                result.Add(creation.Span);
            }
        }

        return result;
    }
}
