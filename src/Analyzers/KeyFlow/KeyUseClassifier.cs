using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>What the operation around a key value does to that key (docs/rules/RP0003.md, "What it flags").</summary>
internal enum KeyUseKind
{
    /// <summary>Inspects the key without drawing from it: Word0, Equals, ==, ToString, Clone, [PreservesKey], nameof, a discarded value.</summary>
    Neither,

    /// <summary>Draws from, splits, passes, boxes, stores or returns the key.</summary>
    Consume,

    /// <summary><c>FoldIn</c>: the key becomes a fold-in parent (see <see cref="KeyUse.FoldData"/>).</summary>
    FoldInParent,

    /// <summary>A <c>ref</c> argument: the callee consumes the key and writes a new one.</summary>
    ConsumeAndRenew,

    /// <summary>An <c>out</c> argument or an assignment target: the variable receives a new key.</summary>
    Renew,

    /// <summary>The value moves on unchanged (copy to a local, flow capture, tuple, conversion to a key type, pattern input, tuple field access).</summary>
    Flow,

    /// <summary>The key goes somewhere the analysis cannot follow (invalid code, an operation kind it does not know): stop tracking it.</summary>
    Escape,
}

/// <summary>Why a key counts as consumed; the first use's reason shapes the RP0003 message.</summary>
internal enum ConsumeReason
{
    None,
    Draw,
    Split,
    Pass,
    Box,
    Store,
    Return,
    Capture,
}

/// <summary>One classified use of a key value.</summary>
internal readonly struct KeyUse
{
    public KeyUse(KeyUseKind kind, ConsumeReason reason = ConsumeReason.None, IOperation? site = null, IOperation? foldData = null)
    {
        Kind = kind;
        Reason = reason;
        Site = site;
        FoldData = foldData;
    }

    public KeyUseKind Kind { get; }

    public ConsumeReason Reason { get; }

    /// <summary>The operation that performs the use (the invocation, assignment, conversion...), when there is one.</summary>
    public IOperation? Site { get; }

    /// <summary>For <see cref="KeyUseKind.FoldInParent"/>: the data argument's value.</summary>
    public IOperation? FoldData { get; }

    public override string ToString() => Kind + (Reason == ConsumeReason.None ? string.Empty : "/" + Reason);
}

/// <summary>
/// The one place that decides whether an operation consumes a key, makes it a fold-in parent, renews it, or
/// neither. Works on ordinary operation trees and on ControlFlowGraph operations (flow captures). Reused by the
/// key-flow engine (RP0003, RP0008), RP0009, RP0004 and the code fixes.
/// </summary>
internal static class KeyUseClassifier
{
    /// <summary>Attribute names recognised on user methods and parameters (declared by anyone, matched by name).</summary>
    public const string PreservesKeyAttributeName = "PreservesKeyAttribute";

    /// <summary>
    /// Classifies what the parent of <paramref name="keyValue"/> (an operation whose value is a key) does to that
    /// key. Parenthesized operations are looked through.
    /// </summary>
    public static KeyUse Classify(IOperation keyValue, KnownKeyTypes types)
    {
        var child = keyValue;
        var parent = keyValue.Parent;
        while (parent is IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case null:
            case IExpressionStatementOperation:
            case INameOfOperation:
            case IInterpolationOperation:
            case IIsNullOperation:
            case IIsTypeOperation:
            case ITypeOfOperation:
                return new KeyUse(KeyUseKind.Neither);

            case IInvocationOperation invocation when invocation.Instance == child:
                return ClassifyReceiver(invocation, types);

            case IPropertyReferenceOperation property when property.Instance == child:
                return property.Property.Name == "Value" && property.Property.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                    ? new KeyUse(KeyUseKind.Flow, site: property)
                    : new KeyUse(KeyUseKind.Neither, site: property);

            case IFieldReferenceOperation field when field.Instance == child:
                return field.Field.ContainingType.IsTupleType
                    ? new KeyUse(KeyUseKind.Flow, site: field)
                    : new KeyUse(KeyUseKind.Neither, site: field);

            case IArgumentOperation argument:
                return ClassifyArgument(argument);

            case IConversionOperation conversion:
                if (types.CarriesKeys(conversion.Type))
                {
                    return new KeyUse(KeyUseKind.Flow, site: conversion);
                }

                return IsInsideInterpolation(conversion)
                    ? new KeyUse(KeyUseKind.Neither, site: conversion)
                    : new KeyUse(KeyUseKind.Consume, conversion.OperatorMethod is null ? ConsumeReason.Box : ConsumeReason.Pass, conversion);

            case IBinaryOperation binary:
                return binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                    ? new KeyUse(KeyUseKind.Neither, site: binary)
                    : new KeyUse(KeyUseKind.Consume, ConsumeReason.Pass, binary);

            case IUnaryOperation unary:
                return new KeyUse(KeyUseKind.Consume, ConsumeReason.Pass, unary);

            case IReturnOperation returned:
                return new KeyUse(KeyUseKind.Consume, ConsumeReason.Return, returned);

            case ISimpleAssignmentOperation assignment:
                if (assignment.Target == child)
                {
                    return new KeyUse(KeyUseKind.Renew, site: assignment);
                }

                return assignment.Target switch
                {
                    ILocalReferenceOperation { Local.RefKind: RefKind.None } or IParameterReferenceOperation { Parameter.RefKind: RefKind.None } => new KeyUse(KeyUseKind.Flow, site: assignment),
                    IDiscardOperation => new KeyUse(KeyUseKind.Neither, site: assignment),
                    _ => new KeyUse(KeyUseKind.Consume, ConsumeReason.Store, assignment),
                };

            case IDeconstructionAssignmentOperation deconstruction:
                return deconstruction.Target == child
                    ? new KeyUse(KeyUseKind.Renew, site: deconstruction)
                    : new KeyUse(KeyUseKind.Flow, site: deconstruction);

            case IVariableInitializerOperation initializer:
                return initializer.Parent is IVariableDeclaratorOperation
                    ? new KeyUse(KeyUseKind.Flow, site: initializer)
                    : new KeyUse(KeyUseKind.Consume, ConsumeReason.Store, initializer);

            case IArrayInitializerOperation:
                return new KeyUse(KeyUseKind.Consume, ConsumeReason.Store, parent);

            case IFlowCaptureOperation:
            case ITupleOperation:
            case IConditionalOperation:
            case ICoalesceOperation:
            case ICoalesceAssignmentOperation:
            case IIsPatternOperation:
            case ISwitchExpressionOperation:
            case ISwitchOperation:
            case IDeclarationExpressionOperation:
            case IArrayElementReferenceOperation:
                return new KeyUse(KeyUseKind.Flow, site: parent);

            case IObjectCreationOperation:
            case IAnonymousObjectCreationOperation:
            case IPropertyInitializerOperation:
            case IFieldInitializerOperation:
                return new KeyUse(KeyUseKind.Consume, ConsumeReason.Store, parent);

            default:
                // Collection expressions (`[a, b]`, `[.. ks, a]`) and a `params ReadOnlySpan<PrngKey>` argument store the
                // key like `new[] { a, b }`. Their operation kinds (C# 12/13) are newer than the Roslyn this is built against.
                return IsCollectionElement(child, parent)
                    ? new KeyUse(KeyUseKind.Consume, ConsumeReason.Store, parent)
                    : new KeyUse(KeyUseKind.Escape, site: parent);
        }
    }

    private static bool IsCollectionElement(IOperation child, IOperation parent) =>
        parent.Syntax is CollectionExpressionSyntax
        || child.Syntax.Parent is ExpressionElementSyntax or SpreadElementSyntax
        || (parent.IsImplicit && parent.Parent is IArgumentOperation { Parameter.IsParams: true });

    /// <summary>True when the method or parameter carries <c>[PreservesKey]</c> (any namespace).</summary>
    public static bool HasPreservesKey(ISymbol? symbol)
    {
        if (symbol is null)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (name is PreservesKeyAttributeName or "PreservesKey")
            {
                return true;
            }
        }

        return false;
    }

    private static KeyUse ClassifyReceiver(IInvocationOperation invocation, KnownKeyTypes types)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return method.Name == "GetValueOrDefault" && invocation.Arguments.Length == 0
                ? new KeyUse(KeyUseKind.Flow, site: invocation)
                : new KeyUse(KeyUseKind.Neither, site: invocation);
        }

        switch (method.Name)
        {
            case "Equals":
            case "GetHashCode":
            case "ToString":
            case "GetType":
            case "Clone":
                return new KeyUse(KeyUseKind.Neither, site: invocation);
            case "FoldIn" when SymbolEqualityComparer.Default.Equals(method.ContainingType, types.PrngKey):
                return new KeyUse(
                    KeyUseKind.FoldInParent,
                    site: invocation,
                    foldData: invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            case "Split" when SymbolEqualityComparer.Default.Equals(method.ContainingType, types.PrngKey):
                return new KeyUse(KeyUseKind.Consume, ConsumeReason.Split, invocation);
        }

        // The batched forms (FoldIn(data span, keys span), FoldInUniformSingle(firstData, span), ...) fold in a whole
        // range of data: the key is a fold-in parent, with data that is not one constant (two such sites are reuse).
        if (method.Name.StartsWith("FoldIn", System.StringComparison.Ordinal)
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.PrngKey))
        {
            return new KeyUse(KeyUseKind.FoldInParent, site: invocation, foldData: null);
        }

        return HasPreservesKey(method)
            ? new KeyUse(KeyUseKind.Neither, site: invocation)
            : new KeyUse(KeyUseKind.Consume, ConsumeReason.Draw, invocation);
    }

    private static KeyUse ClassifyArgument(IArgumentOperation argument)
    {
        var parameter = argument.Parameter;
        if (parameter is not null)
        {
            switch (parameter.RefKind)
            {
                case RefKind.Out:
                    return new KeyUse(KeyUseKind.Renew, site: argument.Parent);
                case RefKind.Ref:
                    return HasPreservesKey(parameter) ? new KeyUse(KeyUseKind.Neither, site: argument.Parent) : new KeyUse(KeyUseKind.ConsumeAndRenew, ConsumeReason.Pass, argument.Parent);
            }
        }

        var method = argument.Parent switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };

        // Equality and interpolated-string handlers only read the key (docs/rules/RP0003.md: Equals, string interpolation).
        if (method is { Name: "Equals" or "ReferenceEquals" or "AppendFormatted" } || HasPreservesKey(parameter) || HasPreservesKey(method))
        {
            return new KeyUse(KeyUseKind.Neither, site: argument.Parent);
        }

        return new KeyUse(KeyUseKind.Consume, ConsumeReason.Pass, argument.Parent);
    }

    private static bool IsInsideInterpolation(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IInterpolationOperation:
                    return true;
                case IConversionOperation:
                case IParenthesizedOperation:
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }
}
