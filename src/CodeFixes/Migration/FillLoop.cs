using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RandomPurity.CodeFixes.Migration;

/// <summary>
/// A loop that only fills an array from the generator, <c>for (int i = 0; i &lt; a.Length; i++) a[i] = rng.NextDouble();</c>,
/// which becomes one bulk call on a subkey (<c>sub.Uniform(a)</c>): JAX's shape-(n,) draw, and no per-element split.
/// </summary>
internal sealed class FillLoop
{
    private FillLoop(ForStatementSyntax loop, string array, string member, string[] bounds)
    {
        Loop = loop;
        Array = array;
        Member = member;
        Bounds = bounds;
    }

    /// <summary>The whole <c>for</c> statement, replaced by the bulk call.</summary>
    public ForStatementSyntax Loop { get; }

    public string Array { get; }

    public string Member { get; }

    public string[] Bounds { get; }

    /// <summary>The call on a subkey that replaces the loop.</summary>
    public StatementSyntax BuildCall(string receiver) =>
        MigrationPlan.Statement($"{receiver}.{Member}({string.Join(", ", new[] { Array }.Concat(Bounds))});");

    /// <summary>Recognises the loop around <paramref name="draw"/>, whose nearest statement is <paramref name="anchor"/>.</summary>
    public static FillLoop? TryCreate(SemanticModel model, IInvocationOperation draw, StatementSyntax anchor, MigrationSymbols symbols)
    {
        if (symbols.Span is null
            || anchor is not ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }
            || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            || assignment.Left is not ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax array } access
            || access.ArgumentList.Arguments.Count != 1
            || access.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax index
            || assignment.Right != draw.Syntax
            || LoopAround(anchor) is not { } loop
            || loop.Declaration is not { Variables.Count: 1 } declaration
            || declaration.Variables[0] is not { Initializer.Value: LiteralExpressionSyntax { Token.ValueText: "0" } } variable
            || variable.Identifier.ValueText != index.Identifier.ValueText
            || loop.Initializers.Count != 0
            || loop.Condition is not BinaryExpressionSyntax { Left: IdentifierNameSyntax conditionIndex } condition
            || !condition.IsKind(SyntaxKind.LessThanExpression)
            || condition.Right is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax conditionArray, Name.Identifier.ValueText: "Length" }
            || conditionIndex.Identifier.ValueText != index.Identifier.ValueText
            || conditionArray.Identifier.ValueText != array.Identifier.ValueText
            || loop.Incrementors.Count != 1
            || !IsIncrementOf(loop.Incrementors[0], index.Identifier.ValueText)
            || ArrayType(model.GetSymbolInfo(array).Symbol) is not { Rank: 1 } arrayType)
        {
            return null;
        }

        var element = arrayType.ElementType.SpecialType;
        var arguments = draw.Arguments.OrderBy(argument => argument.Parameter?.Ordinal ?? 0).Select(argument => argument.Value.Syntax).ToArray();

        // The bounds are evaluated once instead of per element: only constants and locals or parameters that the
        // loop does not write (it writes nothing but the index and the element) qualify.
        foreach (var argument in arguments)
        {
            var invariant = model.GetConstantValue(argument).HasValue
                || (argument is IdentifierNameSyntax identifier && identifier.Identifier.ValueText != index.Identifier.ValueText
                    && identifier.Identifier.ValueText != array.Identifier.ValueText
                    && model.GetSymbolInfo(identifier).Symbol is ILocalSymbol or IParameterSymbol);
            if (!invariant)
            {
                return null;
            }
        }

        var bounds = arguments.Select(argument => argument.ToString()).ToArray();
        var name = array.Identifier.ValueText;
        // Integer fills stay loops: the bulk Integers is JAX's randint, biased for spans above 2^16, and a draw that
        // replaced Next must be unbiased (UnbiasedInt32 has no bulk form).
        return (draw.TargetMethod.Name, element, bounds.Length) switch
        {
            ("NextDouble", SpecialType.System_Double, 0) => new FillLoop(loop, name, "Uniform", bounds),
            ("NextSingle", SpecialType.System_Single, 0) => new FillLoop(loop, name, "Uniform", bounds),
            _ => null,
        };
    }

    private static IArrayTypeSymbol? ArrayType(ISymbol? symbol) => symbol switch
    {
        ILocalSymbol { RefKind: RefKind.None } local => local.Type as IArrayTypeSymbol,
        IParameterSymbol { RefKind: RefKind.None } parameter => parameter.Type as IArrayTypeSymbol,
        _ => null,
    };

    private static ForStatementSyntax? LoopAround(StatementSyntax statement) => statement.Parent switch
    {
        ForStatementSyntax loop => loop,
        BlockSyntax { Statements.Count: 1, Parent: ForStatementSyntax loop } => loop,
        _ => null,
    };

    private static bool IsIncrementOf(ExpressionSyntax incrementor, string index) => incrementor switch
    {
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression, Operand: IdentifierNameSyntax name } => name.Identifier.ValueText == index,
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression, Operand: IdentifierNameSyntax name } => name.Identifier.ValueText == index,
        _ => false,
    };
}
