using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RandomPurity.Analyzers.Prefilter;

namespace RandomPurity.Analyzers;

/// <summary>
/// RP0002: process-global randomness. <c>Random.Shared</c> however it is reached, the LINQ shuffles that draw from it
/// (<c>Enumerable</c>, <c>Queryable</c> and <c>AsyncEnumerable.Shuffle</c>), <c>Guid.NewGuid()</c> as a sort key, and
/// the APIs a team lists in <see cref="GlobalRandomnessList.FileName"/>. <c>RandomNumberGenerator</c> is
/// cryptographic and never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GlobalRandomnessAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] ShuffleContainers = ["System.Linq.Enumerable", "System.Linq.Queryable", "System.Linq.AsyncEnumerable"];

    private static readonly string[] SortContainers = [.. ShuffleContainers, "System.Linq.ParallelEnumerable"];

    private static readonly string[] SortMethods = ["OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending"];

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.GlobalRandomness);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var random = RandomSymbols.Create(start.Compilation);
            if (random is null)
            {
                return;
            }

            var symbols = new Symbols(random, GlobalRandomnessList.Load(start.Options, start.Compilation, start.CancellationToken));
            var filter = MemberFilter.Get(start.Compilation, start.CancellationToken);

            // The team's list: its members' names (and, for a listed type, the type's and all its members' names).
            // A listed namespace can cover any name, so it turns the filter off for the list.
            var listNames = symbols.List.IsEmpty ? null : symbols.List.Names();
            var listIndex = listNames is null ? null : new NameIndex(listNames);
            MemberFilter.ForCandidateMembers(
                start,
                member => MayUseGlobalRandomness(member, filter, symbols.List, listIndex),
                member =>
                {
                    member.RegisterOperationAction(
                        context => AnalyzeMemberReference(context, symbols),
                        OperationKind.PropertyReference,
                        OperationKind.MethodReference,
                        OperationKind.FieldReference,
                        OperationKind.EventReference);
                    member.RegisterOperationAction(context => AnalyzeInvocation(context, symbols), OperationKind.Invocation);
                    if (!symbols.List.IsEmpty)
                    {
                        member.RegisterOperationAction(context => AnalyzeCreation(context, symbols), OperationKind.ObjectCreation);
                    }
                });
        });
    }

    /// <summary>Spells <c>Shared</c>, <c>Shuffle</c> or <c>NewGuid</c>, or (with a list) a listed name, an alias or a target-typed <c>new()</c>.</summary>
    private static bool MayUseGlobalRandomness(SymbolStartAnalysisContext member, MemberFilter filter, GlobalRandomnessList list, NameIndex? listIndex)
    {
        var symbol = member.Symbol;
        if (filter.Mentions(symbol, MemberFilter.Shared | MemberFilter.Shuffle | MemberFilter.NewGuid, member.CancellationToken))
        {
            return true;
        }

        if (list.IsEmpty)
        {
            return false;
        }

        if (listIndex is null || filter.Mentions(symbol, MemberFilter.RandomType | NameIndex.ImplicitNew, member.CancellationToken))
        {
            return true;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (listIndex.Contains(reference.SyntaxTree, reference.Span, 1, member.CancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static void AnalyzeMemberReference(OperationAnalysisContext context, Symbols symbols)
    {
        var reference = (IMemberReferenceOperation)context.Operation;
        var member = reference.Member;
        if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, symbols.Random.Shared))
        {
            if (!IsOnlyAValue(reference, symbols.Random))
            {
                Report(context, reference, "Random.Shared", string.Empty);
            }
        }
        else if (member is IMethodSymbol method && symbols.IsShuffle(method))
        {
            Report(context, reference, method.ContainingType.Name + "." + method.Name, string.Empty);
        }
        else
        {
            ReportListed(context, reference, member, symbols);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, Symbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (symbols.IsShuffle(method))
        {
            Report(context, invocation, method.ContainingType.Name + "." + method.Name, string.Empty);
        }
        else if (symbols.IsNewGuid(method))
        {
            if (IsSortKey(invocation, symbols))
            {
                Report(context, invocation, "Guid.NewGuid()", " when used as a sort key");
            }
        }
        else
        {
            ReportListed(context, invocation, method, symbols);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, Symbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is { } constructor)
        {
            ReportListed(context, creation, constructor, symbols);
        }
    }

    private static void ReportListed(OperationAnalysisContext context, IOperation operation, ISymbol symbol, Symbols symbols)
    {
        if (symbols.List.IsEmpty
            || symbols.IsCryptographic(symbol)
            || !symbols.List.TryMatch(symbol, out var message)
            || symbols.List.TryMatch(context.ContainingSymbol, out _)
            || IsInside(context.ContainingSymbol, symbol.ContainingType))
        {
            // The listed API's own implementation uses its members freely: only its callers are reported.
            return;
        }

        var name = symbol.ContainingType is { } type
            ? type.ToDisplayString() + "." + (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "ctor" : symbol.Name)
            : symbol.ToDisplayString();
        Report(context, operation, name, message.Length == 0 ? string.Empty : " (" + message + ")");
    }

    private static void Report(OperationAnalysisContext context, IOperation operation, string name, string detail)
    {
        // nameof(Random.Shared) names the member without touching it. Checked last: the walk up is the costly part.
        if (!IsInsideNameOf(operation))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.GlobalRandomness, operation.Syntax.GetLocation(), name, detail));
        }
    }

    /// <summary>
    /// True when <paramref name="newGuid"/> sits in the key selector of a LINQ ordering: <c>OrderBy(_ =&gt; Guid.NewGuid())</c>
    /// or a query's <c>orderby Guid.NewGuid()</c>, which the compiler lowers to the same call.
    /// </summary>
    private static bool IsSortKey(IOperation newGuid, Symbols symbols)
    {
        IOperation? current = newGuid.Parent;
        while (current is not null and not IAnonymousFunctionOperation)
        {
            if (current is ILocalFunctionOperation or IMethodBodyBaseOperation)
            {
                return false;
            }

            current = current.Parent;
        }

        current = current?.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current is IArgumentOperation { Parameter.Name: "keySelector", Parent: IInvocationOperation ordering }
            && symbols.IsSort(ordering.TargetMethod);
    }

    /// <summary>
    /// True when the generator is only used as a value: passed on or returned as <c>object</c>, compared (<c>==</c>,
    /// <c>!=</c>, <c>object.Equals</c>) or type-tested. Nothing is drawn from it and it is not handed on as a generator.
    /// </summary>
    private static bool IsOnlyAValue(IOperation reference, RandomSymbols random)
    {
        switch (reference.Parent)
        {
            case IConversionOperation conversion:
                return conversion.OperatorMethod is null && !IsRandom(conversion.Type, random)
                    && (conversion.Type?.SpecialType == SpecialType.System_Object || conversion.Parent is IBinaryOperation);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
            case IIsTypeOperation:
            case IIsPatternOperation:
                return true;
            case IInvocationOperation invocation when invocation.Instance == reference:
                return invocation.TargetMethod is { Name: nameof(object.Equals), Parameters.Length: 1 } equals
                    && equals.ContainingType?.SpecialType == SpecialType.System_Object;
            default:
                return false;
        }
    }

    private static bool IsRandom(ITypeSymbol? type, RandomSymbols random)
    {
        for (var depth = 0; type is not null && depth < 64; type = type.BaseType, depth++)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, random.Random))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInside(ISymbol? code, INamedTypeSymbol? type)
    {
        var depth = 0;
        for (var current = code; current is not null && type is not null && depth < 64; current = current.ContainingSymbol, depth++)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInsideNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Everything RP0002 matches, resolved once per compilation.</summary>
    private sealed class Symbols
    {
        private readonly HashSet<INamedTypeSymbol> _shuffleContainers = new(SymbolEqualityComparer.Default);
        private readonly HashSet<INamedTypeSymbol> _sortContainers = new(SymbolEqualityComparer.Default);
        private readonly IMethodSymbol? _newGuid;
        private readonly INamedTypeSymbol? _randomNumberGenerator;

        public Symbols(RandomSymbols random, GlobalRandomnessList list)
        {
            Random = random;
            List = list;
            var compilation = random.Compilation;

            // Several assemblies may define the same name (System.Linq.Async's AsyncEnumerable next to .NET 10's).
            foreach (var name in ShuffleContainers)
            {
                _shuffleContainers.UnionWith(compilation.GetTypesByMetadataName(name));
            }

            foreach (var name in SortContainers)
            {
                _sortContainers.UnionWith(compilation.GetTypesByMetadataName(name));
            }

            foreach (var member in compilation.GetTypeByMetadataName("System.Guid")?.GetMembers("NewGuid") ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 0 } method)
                {
                    _newGuid = method;
                }
            }

            _randomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
        }

        public RandomSymbols Random { get; }

        public GlobalRandomnessList List { get; }

        public bool IsShuffle(IMethodSymbol method) =>
            method.Name == "Shuffle" && _shuffleContainers.Contains(Definition(method).ContainingType);

        public bool IsSort(IMethodSymbol method) =>
            Array.IndexOf(SortMethods, method.Name) >= 0 && _sortContainers.Contains(Definition(method).ContainingType);

        public bool IsNewGuid(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method, _newGuid);

        /// <summary>RandomNumberGenerator and its subclasses: cryptographic, never global-state randomness to replace.</summary>
        public bool IsCryptographic(ISymbol symbol)
        {
            if (_randomNumberGenerator is null)
            {
                return false;
            }

            var type = symbol as ITypeSymbol ?? symbol.ContainingType;
            for (var depth = 0; type is not null && depth < 64; type = type.BaseType, depth++)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _randomNumberGenerator))
                {
                    return true;
                }
            }

            return false;
        }

        private static IMethodSymbol Definition(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;
    }
}
