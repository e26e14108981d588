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
/// The "stateful" strategy for a <c>System.Random</c> field: the field becomes a <c>StatefulPrng</c> created from the
/// same seed, and every use of it is rewritten in place.
/// <code>
///   private readonly Random _rng = new Random(42);      private readonly StatefulPrng _rng = new StatefulPrng(PrngKey.Create(42));
///   _rng.Next(1, 7)                                     _rng.UnbiasedInt32(1, 7)
///   thirdParty.Sample(_rng)                             thirdParty.Sample(_rng.NextKey().AsRandom())
/// </code>
/// No member signature changes, so the field works in every member that drew from it. The migration is refused
/// (returns <see langword="null"/>) as soon as one use of the field could not follow: the field is visible outside
/// its assembly, read outside this document, assigned anything but a new <c>Random</c>, returned, stored, used by
/// reference, as a method group of a method with parameters, with <c>?.</c>, or inside an expression tree. A
/// parameterless draw used as a method group (<c>Func&lt;int&gt; f = _rng.Next</c>) becomes a lambda.
/// </summary>
internal sealed class FieldRandomMigration
{
    private readonly List<Edit> _edits;

    private FieldRandomMigration(IFieldSymbol field, bool isUnseeded, bool needsImport, List<Edit> edits)
    {
        Field = field;
        IsUnseeded = isUnseeded;
        NeedsImport = needsImport;
        _edits = edits;
    }

    /// <summary>The field being migrated.</summary>
    public IFieldSymbol Field { get; }

    /// <summary>True when some creation had no seed (its values come from entropy, before and after).</summary>
    public bool IsUnseeded { get; }

    /// <summary>True when <c>RandomPurity</c> is not yet imported where the field is declared.</summary>
    public bool NeedsImport { get; }

    /// <summary>Every node the migration replaces (creations included), so that FixAll can skip a field already handled.</summary>
    public IEnumerable<SyntaxNode> Nodes => _edits.Select(edit => edit.Node);

    /// <summary>Finds the field migration for the creation at <paramref name="span"/>, or <see langword="null"/>.</summary>
    public static async Task<FieldRandomMigration?> AnalyzeAsync(Document document, SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        if (MigrationSymbols.Create(model.Compilation) is not { } symbols
            || model.Compilation.GetTypeByMetadataName("RandomPurity.StatefulPrng") is not { } statefulType
            || ((CSharpParseOptions)root.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp7)
        {
            return null;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        if (node.AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault() is not { } creation
            || FieldOf(model, creation, symbols, cancellationToken) is not { } field
            || field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
            || declarator.SyntaxTree != root.SyntaxTree
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || declaration.Parent is not FieldDeclarationSyntax
            || MigrationChecks.AdaptsRandom(model, field, symbols, cancellationToken))
        {
            return null;
        }

        // The field keeps its name, so only the type names must bind to the runtime's types (or to nothing yet).
        var position = declaration.SpanStart;
        if (!MigrationChecks.BindsToOrFree(model, position, "StatefulPrng", statefulType) || !MigrationChecks.BindsToOrFree(model, position, "PrngKey", symbols.PrngKey))
        {
            return null;
        }

        // A use in an inactive #if branch is not parsed, so it could not be rewritten; it would break under another configuration.
        if (declaration.Parent.Parent is TypeDeclarationSyntax type && NamePicker.AppearsInDisabledText(type, field.Name))
        {
            return null;
        }

        var edits = new List<Edit>
        {
            new Edit(declaration.Type, (current, _) => SyntaxFactory.IdentifierName("StatefulPrng").WithTriviaFrom(current)),
        };
        var unseeded = false;
        if (declarator.Initializer is { } initializer)
        {
            if (initializer.Value is not BaseObjectCreationExpressionSyntax initial || !TryAddCreation(model, initial, symbols, edits, ref unseeded, cancellationToken))
            {
                return null;
            }
        }

        var references = await SymbolFinder.FindReferencesAsync(field, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<TextSpan>();
        foreach (var location in ReferenceOrder.InSourceOrder(references))
        {
            // With several target frameworks each location of this document is reported once per framework's copy.
            if (location.Document.Id == document.Id && !seen.Add(location.Location.SourceSpan))
            {
                continue;
            }

            // A multi-targeted project loads each file once per target framework: the same text, fixed once.
            if (location.Document.Id != document.Id && document.FilePath is not null && location.Document.FilePath == document.FilePath)
            {
                continue;
            }

            if (location.Document.Id != document.Id || location.IsImplicit
                || !TryAddUse(model, root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true), field, symbols, edits, ref unseeded, cancellationToken))
            {
                return null;
            }
        }

        var needsImport = model.LookupNamespacesAndTypes(position, name: "StatefulPrng").IsEmpty;
        return new FieldRandomMigration(field, unseeded, needsImport, edits);
    }

    /// <summary>
    /// Applies the edits of several migrations to one document root, innermost node first, so that a draw inside
    /// another draw's arguments (even on another field) keeps its own rewrite.
    /// </summary>
    public static SyntaxNode Apply(Document document, SyntaxNode root, IEnumerable<FieldRandomMigration> migrations)
    {
        var editor = new Microsoft.CodeAnalysis.Editing.SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        foreach (var edit in migrations.SelectMany(migration => migration._edits).OrderBy(edit => edit.Node.Span.Length).ThenByDescending(edit => edit.Node.SpanStart))
        {
            editor.ReplaceNode(edit.Node, edit.Replace);
        }

        return editor.GetChangedRoot();
    }

    /// <summary>The field a creation initialises or is assigned to: <c>Random _r = new Random(s);</c> or <c>_r = new Random(s);</c>.</summary>
    private static IFieldSymbol? FieldOf(SemanticModel model, BaseObjectCreationExpressionSyntax creation, MigrationSymbols symbols, CancellationToken cancellationToken)
    {
        ISymbol? symbol = creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken),
            AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == creation
                => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
            _ => null,
        };
        if (symbol is not IFieldSymbol field || !symbols.IsRandom(field.Type) || field.IsConst || field.IsVolatile
            || field.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct }
            || MigrationChecks.IsSerializedField(field))
        {
            return null;
        }

        // A field other assemblies can see keeps its type: changing it would break them. An application has no
        // other assemblies calling it.
        if (field.ContainingType.DeclaredAccessibility == Accessibility.NotApplicable)
        {
            return null;
        }

        return field.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal
               || model.Compilation.Options.OutputKind != OutputKind.DynamicallyLinkedLibrary
            ? field
            : null;
    }

    /// <summary><c>new Random(seed)</c> → <c>new StatefulPrng(PrngKey.Create(seed))</c>; <c>new Random()</c> → <c>new StatefulPrng(PrngKey.FromEntropy())</c>.</summary>
    private static bool TryAddCreation(SemanticModel model, BaseObjectCreationExpressionSyntax creation, MigrationSymbols symbols, List<Edit> edits, ref bool unseeded, CancellationToken cancellationToken)
    {
        if (model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation { Constructor: { } constructor } operation
            || !symbols.IsRandom(operation.Type)
            || constructor.Parameters.Length > 1
            || creation.Initializer is not null
            || creation.ArgumentList is not { } arguments
            || arguments.Arguments.Count != constructor.Parameters.Length
            || arguments.Arguments.Any(argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.NameColon is not null))
        {
            return false;
        }

        var seeded = arguments.Arguments.Count == 1;
        unseeded |= !seeded;
        edits.Add(new Edit(creation, (current, _) =>
        {
            var rewritten = (BaseObjectCreationExpressionSyntax)current;
            var seedArguments = seeded
                ? new[] { SyntaxFactory.Argument(rewritten.ArgumentList!.Arguments[0].Expression.WithoutTrivia()) }
                : new ArgumentSyntax[0];
            var key = SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression(seeded ? "PrngKey.Create" : "PrngKey.FromEntropy"),
                DrawRewrite.ArgumentList(seedArguments));
            return SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.IdentifierName("StatefulPrng"),
                    DrawRewrite.ArgumentList(new[] { SyntaxFactory.Argument(key) }),
                    null)
                .WithTriviaFrom(rewritten);
        }));
        return true;
    }

    /// <summary>Classifies one reference to the field; false when the field escapes through it.</summary>
    private static bool TryAddUse(SemanticModel model, SyntaxNode node, IFieldSymbol field, MigrationSymbols symbols, List<Edit> edits, ref bool unseeded, CancellationToken cancellationToken)
    {
        if (node is not IdentifierNameSyntax identifier || MigrationChecks.InExpressionTree(model, identifier, symbols, cancellationToken))
        {
            return false;
        }

        // `_rng` or `this._rng`: the expression that stands for the field.
        ExpressionSyntax reference = identifier.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } thisAccess && thisAccess.Name == identifier
            ? thisAccess
            : identifier;
        if (model.GetOperation(reference, cancellationToken) is not IFieldReferenceOperation fieldReference
            || !SymbolEqualityComparer.Default.Equals(fieldReference.Field, field))
        {
            return false;
        }

        switch (fieldReference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == fieldReference
                && assignment.Parent is IExpressionStatementOperation
                && assignment.Syntax is AssignmentExpressionSyntax { Right: BaseObjectCreationExpressionSyntax created }:
                return TryAddCreation(model, created, symbols, edits, ref unseeded, cancellationToken);

            case IInvocationOperation invocation when invocation.Instance == fieldReference
                && invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                && access.Expression == reference
                && DrawMapping.TryMap(invocation, symbols) is { } mapped:
                var draw = mapped.ExpressionForm();
                edits.Add(new Edit(call, (current, _) =>
                {
                    var rewritten = (InvocationExpressionSyntax)current;
                    var receiver = ((MemberAccessExpressionSyntax)rewritten.Expression).Expression;
                    return draw.Build(receiver, rewritten, model, call.SpanStart).WithTriviaFrom(rewritten);
                }));
                return true;

            case IMethodReferenceOperation { Method: { Parameters.Length: 0, IsStatic: false } group } methodReference
                when methodReference.Instance == fieldReference
                     && methodReference.Parent is IDelegateCreationOperation
                     && methodReference.Syntax is MemberAccessExpressionSyntax groupSyntax
                     && groupSyntax.Expression == reference
                     && GroupDraw(group.Name) is { } drawn:
                // Func<int> f = _rng.Next;  =>  Func<int> f = () => _rng.UnbiasedInt32(0, int.MaxValue);
                edits.Add(new Edit(groupSyntax, (current, _) =>
                    SyntaxFactory.ParseExpression("() => " + ((MemberAccessExpressionSyntax)current).Expression.WithoutTrivia().ToFullString() + "." + drawn)
                        .WithTriviaFrom(current)));
                return true;

            case IArgumentOperation { Parameter: { } parameter } argument when argument.Value == fieldReference
                && parameter.RefKind == RefKind.None
                && symbols.IsRandom(parameter.Type)
                && !parameter.IsParams
                && argument.Syntax is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.None }
                && !SymbolEqualityComparer.Default.Equals(parameter.ContainingAssembly, symbols.Random.ContainingAssembly):
                // Code that demands a Random gets one whose every draw comes from a fresh key; for the solution's own
                // methods ParameterThreading then turns the parameter into a PrngKey and passes _rng.NextKey().
                edits.Add(new Edit(reference, (current, _) => SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(
                            SyntaxKind.SimpleMemberAccessExpression,
                            SyntaxFactory.InvocationExpression(
                                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ((ExpressionSyntax)current).WithoutTrivia(), SyntaxFactory.IdentifierName("NextKey"))),
                            SyntaxFactory.IdentifierName("AsRandom")))
                    .WithTriviaFrom(current)));
                return true;

            default:
                return false;
        }
    }

    /// <summary>The <c>StatefulPrng</c> call for a parameterless <c>Random</c> method used as a method group.</summary>
    private static string? GroupDraw(string name) => name switch
    {
        "Next" => "UnbiasedInt32(0, int.MaxValue)",
        "NextInt64" => "UnbiasedInt64(0, long.MaxValue)",
        "NextDouble" => "Uniform()",
        "NextSingle" => "UniformSingle()",
        _ => null,
    };

    private readonly struct Edit
    {
        public Edit(SyntaxNode node, System.Func<SyntaxNode, Microsoft.CodeAnalysis.Editing.SyntaxGenerator, SyntaxNode> replace)
        {
            Node = node;
            Replace = replace;
        }

        public SyntaxNode Node { get; }

        public System.Func<SyntaxNode, Microsoft.CodeAnalysis.Editing.SyntaxGenerator, SyntaxNode> Replace { get; }
    }
}
