using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RandomPurity.Analyzers.Prefilter;

namespace RandomPurity.Analyzers.Rules;

/// <summary>
/// RP0006: a <c>PrngKey</c> field or settable property that a member renews from itself
/// (<c>_key = _key.Split().First</c>, <c>(_key, var sub) = _key.Split()</c>, <c>_key = _key.FoldIn(1)</c>).
/// That is <c>System.Random</c>'s hidden state again, and a data race between threads. Constructors, readonly
/// fields, init-only properties, locals and <c>StatefulPrng</c> (the explicit stateful form) are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyInMutableStateAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.KeyInMutableState);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KeySymbols.TryCreate(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            var filter = MemberFilter.Get(start.Compilation, start.CancellationToken);
            MemberFilter.ForCandidateMembers(
                start,
                member => filter.MayHoldKeys(member.Symbol, member.CancellationToken),
                member => member.RegisterOperationAction(
                    c => Analyze(c, symbols),
                    OperationKind.SimpleAssignment,
                    OperationKind.DeconstructionAssignment));
        });
    }

    private static void Analyze(OperationAnalysisContext context, KeySymbols symbols)
    {
        var assignment = (IAssignmentOperation)context.Operation;

        // Initialising state is not renewing it; a handler or callback declared in a constructor runs later, though.
        if (context.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }
            && !IsInNestedFunction(assignment))
        {
            return;
        }

        if (HasErrors(assignment))
        {
            return;
        }

        foreach (var target in KeyStateTargets(assignment.Target, symbols))
        {
            if (DerivesFrom(assignment.Value, target, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)))
            {
                var member = target is IFieldReferenceOperation field ? field.Field.Name : ((IPropertyReferenceOperation)target).Property.Name;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KeyInMutableState, assignment.Syntax.GetLocation(), member));
                return;
            }
        }
    }

    /// <summary>The mutable key fields and properties an assignment writes (one, or several for a deconstruction).</summary>
    private static IEnumerable<IMemberReferenceOperation> KeyStateTargets(IOperation target, KeySymbols symbols)
    {
        if (target is ITupleOperation tuple)
        {
            foreach (var element in tuple.Elements)
            {
                foreach (var nested in KeyStateTargets(element, symbols))
                {
                    yield return nested;
                }
            }
        }
        else if (target is IFieldReferenceOperation field && IsKey(field.Type, symbols) && !field.Field.IsReadOnly && !field.Field.IsConst)
        {
            yield return field;
        }
        else if (target is IPropertyReferenceOperation property
            && IsKey(property.Type, symbols)
            && property.Property.SetMethod is { IsInitOnly: false }
            // `new Holder { Key = ... }` initialises a fresh object.
            && property.Instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            yield return property;
        }
    }

    private static bool IsInNestedFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Code that does not bind is the compiler's to report.</summary>
    private static bool HasErrors(IOperation operation)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IInvalidOperation || descendant is IConversionOperation { Conversion.Exists: false })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKey(ITypeSymbol? type, KeySymbols symbols) =>
        symbols.IsPrngKey(type)
        || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && symbols.IsPrngKey(nullable.TypeArguments[0]));

    /// <summary>Whether <paramref name="value"/> reads the same state, directly or through locals computed from it.</summary>
    private static bool DerivesFrom(IOperation value, IMemberReferenceOperation state, HashSet<ILocalSymbol> visited)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IMemberReferenceOperation read when IsSameState(read, state):
                    return true;
                case ILocalReferenceOperation local when visited.Add(local.Local):
                    foreach (var written in ValuesWrittenTo(local.Local, Root(value)))
                    {
                        if (DerivesFrom(written, state, visited))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private static bool IsSameState(IMemberReferenceOperation read, IMemberReferenceOperation state) =>
        SymbolEqualityComparer.Default.Equals(read.Member.OriginalDefinition, state.Member.OriginalDefinition)
        && IsSameInstance(read.Instance, state.Instance);

    /// <summary>`_key = other._key.Split().First` copies another object's key; only this object's own key counts.</summary>
    private static bool IsSameInstance(IOperation? a, IOperation? b) => (a, b) switch
    {
        (null, null) => true,
        (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
        (ILocalReferenceOperation x, ILocalReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Local, y.Local),
        (IParameterReferenceOperation x, IParameterReferenceOperation y) => SymbolEqualityComparer.Default.Equals(x.Parameter, y.Parameter),
        (IFieldReferenceOperation x, IFieldReferenceOperation y) =>
            SymbolEqualityComparer.Default.Equals(x.Field, y.Field) && IsSameInstance(x.Instance, y.Instance),
        _ => false,
    };

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>Every value the body stores into <paramref name="local"/>: initialisers, assignments, deconstructions.</summary>
    private static IEnumerable<IOperation> ValuesWrittenTo(ILocalSymbol local, IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator
                    when declarator.Initializer is not null && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    yield return declarator.Initializer.Value;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } simple
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return simple.Value;
                    break;
                case IDeconstructionAssignmentOperation deconstruction when WritesLocal(deconstruction.Target, local):
                    yield return deconstruction.Value;
                    break;
            }
        }
    }

    private static bool WritesLocal(IOperation target, ILocalSymbol local)
    {
        foreach (var operation in target.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }
}
