using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RandomPurity.Analyzers.Prefilter;

namespace RandomPurity.Analyzers.Rules;

/// <summary>
/// RP0004: <c>PrngKey.Create(...)</c> or <c>PrngKey.FromWords(...)</c> inside a loop, a lambda or a local function
/// used as a delegate, from a seed that is the same on every execution, and consumed there without first folding
/// in something that changes per execution: every iteration creates the same key and draws the same numbers.
/// </summary>
/// <remarks>
/// Silent when the seed varies (<c>Create(i)</c>), when the key is folded with a varying value before use
/// (<c>Create(42).FoldIn(i).Uniform()</c>), and when the key is only stored or returned (the consumer decides).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsplitKeyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: which construct the key is created in (a <c>RepeatedRegion.Kind*</c> value).</summary>
    internal const string RegionKindProperty = "RegionKind";

    /// <summary>Diagnostic property: where that construct starts, so the code fix hoists out of the same one.</summary>
    internal const string RegionStartProperty = "RegionStart";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnsplitKeyInLoop);

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

            // A key creation spells `Create` or `FromWords`: other members get no per-invocation action.
            var filter = MemberFilter.Get(start.Compilation, start.CancellationToken);
            MemberFilter.ForCandidateMembers(
                start,
                member => filter.Mentions(member.Symbol, MemberFilter.KeyFactory, member.CancellationToken),
                member => member.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation));
        });
    }

    private static void Analyze(OperationAnalysisContext context, KeySymbols symbols)
    {
        var creation = (IInvocationOperation)context.Operation;
        if (!IsKeyCreation(creation.TargetMethod, symbols) || creation.Syntax.ContainsDiagnostics)
        {
            return;
        }

        var region = RepeatedRegion.Around(creation);
        if (region is null)
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (region.Varies(argument.Value))
            {
                return;
            }
        }

        var tracker = new ConsumptionTracker(region, symbols);
        if (!tracker.IsConsumedUnfolded(creation))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(RegionKindProperty, region.Kind)
            .Add(RegionStartProperty, region.Span.Start.ToString(CultureInfo.InvariantCulture));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.UnsplitKeyInLoop, creation.Syntax.GetLocation(), properties, region.Description));
    }

    internal static bool IsKeyCreation(IMethodSymbol method, KeySymbols symbols) =>
        method.IsStatic && method.Name is "Create" or "FromWords" && symbols.IsKeyMember(method);

    /// <summary>
    /// Follows a freshly created key through the region: is it drawn from, split or handed to a key parameter before
    /// anything that varies per execution is folded into it?
    /// </summary>
    private sealed class ConsumptionTracker
    {
        private readonly RepeatedRegion _region;
        private readonly KeySymbols _symbols;
        private readonly HashSet<ISymbol> _followed = new(SymbolEqualityComparer.Default);
        private List<IOperation>? _references;

        public ConsumptionTracker(RepeatedRegion region, KeySymbols symbols)
        {
            _region = region;
            _symbols = symbols;
        }

        public bool IsConsumedUnfolded(IOperation key)
        {
            var current = key;
            while (true)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IConversionOperation conversion:
                        // Boxed or converted to an interface: stored somewhere, not drawn from here.
                        if (!IsKey(conversion.Type))
                        {
                            return false;
                        }

                        current = conversion;
                        continue;

                    case IInvocationOperation invocation when invocation.Instance == current:
                        if (!_symbols.IsKeyMember(invocation.TargetMethod))
                        {
                            return false;
                        }

                        switch (invocation.TargetMethod.Name)
                        {
                            case "FoldIn":
                                if (invocation.Arguments.Length > 0 && _region.Varies(invocation.Arguments[0].Value))
                                {
                                    return false;
                                }

                                // Folding in a constant gives another key that is the same every time round.
                                current = invocation;
                                continue;
                            case "Clone":
                                current = invocation;
                                continue;
                            case "ToString" or "Equals" or "GetHashCode":
                                return false;
                            default:
                                return !KeySymbols.HasPreservesKey(invocation.TargetMethod);
                        }

                    case IArgumentOperation argument:
                        return ConsumesArgument(argument);

                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return IsConsumedThrough(declarator.Symbol, declarator.Syntax.Span.End);

                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        return assignment.Target switch
                        {
                            ILocalReferenceOperation local => IsConsumedThrough(local.Local, assignment.Syntax.Span.End),
                            IParameterReferenceOperation parameter => IsConsumedThrough(parameter.Parameter, assignment.Syntax.Span.End),
                            // A field, property, array element or collection: stored for later, not drawn from here.
                            _ => false,
                        };

                    case IConditionalOperation conditional when conditional.Condition != current:
                        current = conditional;
                        continue;

                    case ICoalesceOperation coalesce:
                        current = coalesce;
                        continue;

                    default:
                        // Returned, yielded, put in a tuple, compared, discarded: nothing drawn here.
                        return false;
                }
            }
        }

        private bool ConsumesArgument(IArgumentOperation argument)
        {
            var parameter = argument.Parameter;
            if (parameter is null || parameter.RefKind == RefKind.Out || !IsKey(parameter.OriginalDefinition.Type))
            {
                // A generic or object parameter (List<T>.Add) stores the key; it is not drawn from here.
                return false;
            }

            if (KeySymbols.HasPreservesKey(parameter) || KeySymbols.HasPreservesKey(parameter.ContainingSymbol))
            {
                return false;
            }

            // `a.Equals(b)` only compares.
            return !(parameter.ContainingSymbol is IMethodSymbol { Name: "Equals" } method && _symbols.IsKeyMember(method));
        }

        /// <summary>
        /// The key now lives in a variable: look at the reads that see this value, from the store up to the next
        /// store into the same variable (text order inside the region: enough for straight-line loop bodies).
        /// </summary>
        private bool IsConsumedThrough(ISymbol variable, int storedAt)
        {
            if (!_followed.Add(variable))
            {
                return false;
            }

            var nextStore = int.MaxValue;
            foreach (var position in _region.WritePositions(variable))
            {
                if (position > storedAt && position < nextStore)
                {
                    nextStore = position;
                }
            }

            foreach (var reference in References())
            {
                var start = reference.Syntax.SpanStart;
                if (start < storedAt || start >= nextStore || !RefersTo(reference, variable) || IsStoreTarget(reference))
                {
                    continue;
                }

                if (IsConsumedUnfolded(reference))
                {
                    return true;
                }
            }

            return false;
        }

        private List<IOperation> References()
        {
            if (_references is null)
            {
                _references = new List<IOperation>();
                foreach (var operation in _region.Operation.Descendants())
                {
                    if (operation is ILocalReferenceOperation or IParameterReferenceOperation)
                    {
                        _references.Add(operation);
                    }
                }
            }

            return _references;
        }

        private static bool RefersTo(IOperation reference, ISymbol variable) => reference switch
        {
            ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, variable),
            IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, variable),
            _ => false,
        };

        private static bool IsStoreTarget(IOperation reference)
        {
            var parent = reference.Parent;
            while (parent is ITupleOperation or IDeclarationExpressionOperation)
            {
                reference = parent;
                parent = parent.Parent;
            }

            return parent switch
            {
                IAssignmentOperation assignment => assignment.Target == reference,
                IArgumentOperation argument => argument.Parameter?.RefKind == RefKind.Out,
                _ => false,
            };
        }

        private bool IsKey(ITypeSymbol? type) => _symbols.IsPrngKey(type);
    }
}
