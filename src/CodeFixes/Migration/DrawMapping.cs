using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RandomPurity.CodeFixes.Migration;

/// <summary>
/// The "Mapping from System.Random" table of runtime-api.md, in one place: which <c>PrngKey</c> member and which
/// arguments replace a draw from a <c>System.Random</c>. Shared by every migration engine (locals now, fields and
/// parameters later), so the numbers a migrated program draws never depend on which fix produced it.
/// </summary>
internal static class DrawMapping
{
    /// <summary>
    /// Maps a call on a <c>System.Random</c> instance. Returns <see langword="null"/> for members with no mapping
    /// (<c>Sample</c>, <c>Equals</c>, ...) and for calls whose rewrite would not compile on this target (for example
    /// <c>NextBytes</c> where <c>Span&lt;T&gt;</c> is not referenced).
    /// </summary>
    public static DrawRewrite? TryMap(IInvocationOperation invocation, MigrationSymbols symbols)
    {
        var rewrite = TryMapCall(invocation, symbols);
        if (rewrite is not null)
        {
            // `rng.Next();` only advanced the generator: the new draw's value is discarded explicitly (RP0005 flags a
            // key draw whose result is dropped).
            rewrite.DiscardsResult = invocation.Parent is IExpressionStatementOperation && invocation.Type is { SpecialType: not SpecialType.System_Void };
        }

        return rewrite;
    }

    private static DrawRewrite? TryMapCall(IInvocationOperation invocation, MigrationSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic || !SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Random)
            || invocation.Syntax is not InvocationExpressionSyntax syntax
            || !TryGetArgumentIndexes(invocation, syntax, out var indexes))
        {
            return null;
        }

        var parameters = method.Parameters;
        switch (method.Name)
        {
            case "Next" when parameters.Length <= 2:
                return Bounded("UnbiasedInt32", "int", parameters.Length, indexes);
            case "NextInt64" when parameters.Length <= 2:
                return Bounded("UnbiasedInt64", "long", parameters.Length, indexes);
            case "NextDouble" when parameters.Length == 0:
                return new DrawRewrite("Uniform", ImmutableArray<DrawArgument>.Empty);
            case "NextSingle" when parameters.Length == 0:
                return new DrawRewrite("UniformSingle", ImmutableArray<DrawArgument>.Empty);
            case "NextBytes" when parameters.Length == 1 && symbols.Span is not null:
                // Bits(Span<byte>) takes a byte[] through the implicit array-to-span conversion.
                return new DrawRewrite("Bits", ImmutableArray.Create(DrawArgument.FromSource(indexes[0])));
            case "Shuffle" when parameters.Length == 1 && symbols.Span is not null:
                return new DrawRewrite("Shuffle", ImmutableArray.Create(DrawArgument.FromSource(indexes[0])))
                {
                    TypeArgument = SpanTypeArgument(method, invocation, symbols),
                };
            case "GetItems" when parameters.Length == 2 && symbols.Span is not null:
                if (parameters[1].Type.SpecialType == SpecialType.System_Int32)
                {
                    // GetItems(choices, length) returns a new array; Choice fills a destination span, so the caller
                    // must have a variable to hold the array (see MigrationPlanner).
                    if (method.TypeArguments.Length != 1)
                    {
                        return null;
                    }

                    return new DrawRewrite("Choice", ImmutableArray.Create(DrawArgument.FromSource(indexes[0])))
                    {
                        TypeArgument = method.TypeArguments[0],
                        CreatedArrayLength = indexes[1],
                    };
                }

                return new DrawRewrite("Choice", ImmutableArray.Create(DrawArgument.FromSource(indexes[0]), DrawArgument.FromSource(indexes[1])))
                {
                    TypeArgument = SpanTypeArgument(method, invocation, symbols),
                };
            default:
                return null;
        }
    }

    /// <summary>True for draws whose result is an <c>int</c> or <c>long</c>: what a child generator is seeded with.</summary>
    public static bool IsIntegerDraw(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "Next" or "NextInt64";

    private static DrawRewrite Bounded(string member, string keyword, int parameterCount, ImmutableArray<int> indexes)
    {
        var zero = DrawArgument.FromText("0");
        var max = DrawArgument.FromText(keyword + ".MaxValue");
        var arguments = parameterCount switch
        {
            0 => ImmutableArray.Create(zero, max),
            1 => ImmutableArray.Create(zero, DrawArgument.FromSource(indexes[0])),
            _ => ImmutableArray.Create(DrawArgument.FromSource(indexes[0]), DrawArgument.FromSource(indexes[1])),
        };
        return new DrawRewrite(member, arguments);
    }

    /// <summary>
    /// Generic inference does not see the implicit array-to-span conversion before C# 14, so an array argument needs
    /// the element type spelled out (<c>sub.Shuffle&lt;int&gt;(values)</c>); span arguments infer it.
    /// </summary>
    private static ITypeSymbol? SpanTypeArgument(IMethodSymbol method, IInvocationOperation invocation, MigrationSymbols symbols)
    {
        if (method.TypeArguments.Length != 1)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            var type = argument.Value is IConversionOperation conversion ? conversion.Operand.Type : argument.Value.Type;
            if (type is not INamedTypeSymbol named
                || !(SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbols.Span)
                     || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbols.ReadOnlySpan)))
            {
                return method.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>
    /// The index, in the call's argument list, of the argument bound to each parameter. Named arguments out of
    /// parameter order are refused: reordering them would change the order their side effects run in.
    /// </summary>
    private static bool TryGetArgumentIndexes(IInvocationOperation invocation, InvocationExpressionSyntax syntax, out ImmutableArray<int> indexes)
    {
        var result = new int[invocation.TargetMethod.Parameters.Length];
        var arguments = syntax.ArgumentList.Arguments;
        if (invocation.Arguments.Length != result.Length || arguments.Count != result.Length)
        {
            indexes = default;
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null || argument.ArgumentKind != ArgumentKind.Explicit
                || argument.Syntax is not ArgumentSyntax argumentSyntax || !argumentSyntax.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                indexes = default;
                return false;
            }

            var index = arguments.IndexOf(argumentSyntax);
            if (index != argument.Parameter.Ordinal)
            {
                indexes = default;
                return false;
            }

            result[argument.Parameter.Ordinal] = index;
        }

        indexes = ImmutableArray.Create(result);
        return true;
    }
}

/// <summary>One argument of the <c>PrngKey</c> call: either fixed text (<c>0</c>, <c>int.MaxValue</c>) or an argument of the original call.</summary>
internal readonly struct DrawArgument
{
    private DrawArgument(string? text, int sourceIndex)
    {
        Text = text;
        SourceIndex = sourceIndex;
    }

    public string? Text { get; }

    public int SourceIndex { get; }

    public static DrawArgument FromText(string text) => new(text, -1);

    public static DrawArgument FromSource(int index) => new(null, index);
}

/// <summary>The <c>PrngKey</c> call that replaces one <c>System.Random</c> call.</summary>
internal sealed class DrawRewrite
{
    public DrawRewrite(string member, ImmutableArray<DrawArgument> arguments)
    {
        Member = member;
        Arguments = arguments;
    }

    /// <summary>
    /// A generator handed to code that takes a <c>System.Random</c>: <c>sub.AsRandom()</c> replaces the generator itself
    /// (the draw node is the argument, not a call on it).
    /// </summary>
    public static DrawRewrite AsRandomBridge { get; } = new("AsRandom", ImmutableArray<DrawArgument>.Empty);

    /// <summary>The <c>PrngKey</c> member to call on the subkey.</summary>
    public string Member { get; }

    public ImmutableArray<DrawArgument> Arguments { get; }

    /// <summary>An explicit type argument, when inference cannot see an array-to-span conversion.</summary>
    public ITypeSymbol? TypeArgument { get; set; }

    /// <summary>The draw was a statement of its own whose value was dropped: the new draw is written <c>_ = ...</c>.</summary>
    public bool DiscardsResult { get; set; }

    /// <summary>For <c>GetItems(choices, length)</c>: the index of the length argument; the array is created by the caller.</summary>
    public int? CreatedArrayLength { get; set; }

    /// <summary>
    /// The rewrite as one expression: <c>GetItems(choices, length)</c> becomes <c>Choice&lt;T&gt;(choices, length)</c>,
    /// which returns the new array (the same values as filling <c>new T[length]</c>); other draws are unchanged.
    /// </summary>
    public DrawRewrite ExpressionForm() => CreatedArrayLength is { } length
        ? new DrawRewrite(Member, ImmutableArray.Create(Arguments[0], DrawArgument.FromSource(length))) { TypeArgument = TypeArgument, DiscardsResult = DiscardsResult }
        : this;

    /// <summary>An argument list written as a person would: <c>(a, b)</c>, independent of any later formatting pass.</summary>
    public static ArgumentListSyntax ArgumentList(IReadOnlyList<ArgumentSyntax> arguments)
    {
        var separators = new List<SyntaxToken>();
        for (var i = 1; i < arguments.Count; i++)
        {
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        }

        return SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments, separators));
    }

    /// <summary>
    /// Builds <c>receiver.Member(args)</c> from the already-rewritten original call, so that arguments which were
    /// themselves draws keep their own rewrite.
    /// </summary>
    public ExpressionSyntax Build(ExpressionSyntax receiver, InvocationExpressionSyntax? rewrittenCall, SemanticModel model, int position, IReadOnlyList<ArgumentSyntax>? extra = null)
    {
        var arguments = new List<ArgumentSyntax>();
        foreach (var argument in Arguments)
        {
            var expression = argument.Text is not null
                ? SyntaxFactory.ParseExpression(argument.Text)
                : rewrittenCall!.ArgumentList.Arguments[argument.SourceIndex].Expression.WithoutTrivia();
            arguments.Add(SyntaxFactory.Argument(expression));
        }

        if (extra is not null)
        {
            arguments.AddRange(extra);
        }

        SimpleNameSyntax name = TypeArgument is null
            ? SyntaxFactory.IdentifierName(Member)
            : SyntaxFactory.GenericName(
                SyntaxFactory.Identifier(Member),
                SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.ParseTypeName(TypeArgument.ToMinimalDisplayString(model, position)))));
        ExpressionSyntax call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, name),
            ArgumentList(arguments));
        // Not where `_` names a variable (a lambda parameter `_ =>`): that would assign it rather than discard.
        return DiscardsResult && ((CSharpParseOptions)model.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp7
                              && model.LookupSymbols(position, name: "_").IsEmpty
            // The receiver's leading trivia (the statement's indentation) stays in front of the discard.
            ? SyntaxFactory.ParseExpression("_ = " + call.WithoutLeadingTrivia().ToFullString()).WithLeadingTrivia(call.GetLeadingTrivia())
            : call;
    }
}
