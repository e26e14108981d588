using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>
/// The transfer function: evaluates one operation tree of a basic block, in execution order, against a
/// <see cref="FlowState"/>, computing the key value of each expression and applying each use that
/// <see cref="KeyUseClassifier"/> finds. Reports into <see cref="KeyFlowFindings"/> when asked to.
/// </summary>
internal sealed class OperationEvaluator
{
    private readonly KnownKeyTypes _types;
    private readonly ControlFlowGraph _graph;
    private readonly HashSet<ISymbol> _ownLocals;
    private readonly Func<IFieldSymbol, bool> _isNeverAssigned;
    private readonly CapturedKeyUses _captured;
    private FlowState _state = FlowState.Empty();
    private KeyFlowFindings? _findings;

    public OperationEvaluator(KnownKeyTypes types, ControlFlowGraph graph, Func<IFieldSymbol, bool> isNeverAssigned, CapturedKeyUses captured)
    {
        _types = types;
        _graph = graph;
        _ownLocals = ControlFlowGraphs.OwnLocals(graph);
        _isNeverAssigned = isNeverAssigned;
        _captured = captured;
    }

    /// <summary>Evaluates a block statement; <paramref name="findings"/> is null while iterating to the fixpoint.</summary>
    public void Evaluate(FlowState state, IOperation operation, KeyFlowFindings? findings)
    {
        _state = state;
        _findings = findings;
        Eval(operation);
    }

    /// <summary>Evaluates a block's branch value; a returned key is consumed (returning ends the body).</summary>
    public void EvaluateBranchValue(FlowState state, IOperation value, bool isReturn, KeyFlowFindings? findings)
    {
        _state = state;
        _findings = findings;
        var result = Eval(value);
        if (isReturn && result is not null)
        {
            Consume(result, value, ConsumeReason.Return, viaLocalFunction: null);
        }
    }

    /// <summary>What a slot holds when no assignment reached it: parameters and captured variables hold their entry key.</summary>
    public KeyValue? ImplicitValue(object slot)
    {
        switch (slot)
        {
            case ElementSlot element:
                return KeyValue.Key(element.Array.Element(element.Index));
            case IParameterSymbol parameter:
                return EntryValue(parameter, parameter.Type);
            case ILocalSymbol local when !_ownLocals.Contains(local):
                return EntryValue(local, local.Type);
            default:
                return null;
        }
    }

    private KeyValue? EntryValue(ISymbol symbol, ITypeSymbol type)
    {
        if (_types.IsKey(type))
        {
            return KeyValue.Key(new KeyOrigin(symbol));
        }

        if (_types.IsKeyArray(type))
        {
            return KeyValue.Array(new KeyOrigin(symbol));
        }

        return _types.IsKeyTuple(type) ? FreshTuple(symbol, (INamedTypeSymbol)type) : null;
    }

    private KeyValue? Eval(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        KeyValue? value;
        switch (operation)
        {
            case ILocalReferenceOperation local:
                value = _types.CarriesKeys(local.Type) ? Read(local.Local) : null;
                break;
            case IParameterReferenceOperation parameter:
                value = _types.CarriesKeys(parameter.Type) ? Read(parameter.Parameter) : null;
                break;
            case IFlowCaptureReferenceOperation captureReference:
                value = _state.Slots.TryGetValue(captureReference.Id, out var captured) ? captured : null;
                break;
            case IFlowCaptureOperation capture:
                Write(capture.Id, Eval(capture.Value));
                return null;
            case IParenthesizedOperation parenthesized:
                value = Eval(parenthesized.Operand);
                break;
            case IConversionOperation conversion:
                var operand = Eval(conversion.Operand);
                value = !_types.CarriesKeys(conversion.Type) ? null : operand ?? Fresh(conversion);
                break;
            case ISimpleAssignmentOperation assignment:
                value = EvalAssignment(assignment);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                Assign(deconstruction.Target, Eval(deconstruction.Value));
                return null;
            case IInvocationOperation invocation:
                value = EvalInvocation(invocation);
                break;
            case IObjectCreationOperation creation:
                EvalArguments(creation.Arguments);
                Eval(creation.Initializer);
                value = _types.IsKey(creation.Type) && creation.Arguments.Length == 0
                    ? Fresh(creation, isDefault: true)
                    : _types.CarriesKeys(creation.Type) ? Fresh(creation) : null;
                break;
            case IDefaultValueOperation defaultValue:
                value = _types.IsKey(defaultValue.Type) ? Fresh(defaultValue, isDefault: true) : null;
                break;
            case ITupleOperation tuple:
                value = EvalTuple(tuple);
                break;
            case IFieldReferenceOperation field:
                value = EvalField(field);
                break;
            case IPropertyReferenceOperation property:
                var instance = Eval(property.Instance);
                EvalArguments(property.Arguments);
                value = property.Property.Name == "Value" && property.Property.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                    ? instance
                    : _types.CarriesKeys(property.Type) ? Fresh(property) : null;
                break;
            case IArrayElementReferenceOperation element:
                value = EvalElement(element);
                break;
            case IArrayCreationOperation arrayCreation:
                foreach (var size in arrayCreation.DimensionSizes)
                {
                    Eval(size);
                }

                Eval(arrayCreation.Initializer);
                value = _types.IsKeyArray(arrayCreation.Type) ? Fresh(arrayCreation, isDefault: arrayCreation.Initializer is null) : null;
                break;
            case IIsPatternOperation isPattern:
                Bind(isPattern.Pattern, Eval(isPattern.Value));
                return null;
            case IDeclarationExpressionOperation declaration:
                value = Eval(declaration.Expression);
                break;
            case IFlowAnonymousFunctionOperation function:
                ApplyCaptured(_captured.ForAnonymousFunction(_graph, function), function, viaLocalFunction: null);
                return null;
            default:
                foreach (var child in operation.ChildOperations)
                {
                    Eval(child);
                }

                value = _types.CarriesKeys(operation.Type) ? Fresh(operation) : null;
                break;
        }

        if (value is not null)
        {
            Apply(operation, value);
        }

        return value;
    }

    private KeyValue? Read(ISymbol symbol) => _state.Slots.TryGetValue(symbol, out var value) ? value : ImplicitValue(symbol);

    private void Write(object slot, KeyValue? value)
    {
        if (value is null)
        {
            _state.Slots.Remove(slot);
        }
        else
        {
            _state.Slots[slot] = value;
        }
    }

    private KeyValue? EvalAssignment(ISimpleAssignmentOperation assignment)
    {
        switch (assignment.Target)
        {
            case ILocalReferenceOperation { Local.RefKind: RefKind.None } local:
            {
                var value = Eval(assignment.Value);
                if (_types.CarriesKeys(local.Type))
                {
                    Write(local.Local, value ?? Fresh(assignment, type: local.Local.Type));
                }

                return value;
            }

            case IParameterReferenceOperation { Parameter.RefKind: RefKind.None } parameter:
            {
                var value = Eval(assignment.Value);
                if (_types.CarriesKeys(parameter.Type))
                {
                    Write(parameter.Parameter, value ?? Fresh(assignment, type: parameter.Parameter.Type));
                }

                return value;
            }

            case IArrayElementReferenceOperation element:
            {
                var array = Eval(element.ArrayReference);
                foreach (var index in element.Indices)
                {
                    Eval(index);
                }

                Eval(assignment.Value);
                if (array is { Kind: KeyValueKind.Array })
                {
                    var constant = ConstantIndex(element);
                    _state.ResetAnchor(assignment);
                    foreach (var origin in array.Origins)
                    {
                        var state = _state.Get(origin).WithStored();
                        if (constant is int i)
                        {
                            _state.Slots[new ElementSlot(origin, i)] = KeyValue.Key(new KeyOrigin(assignment, i));
                        }
                        else
                        {
                            state = state.WithEscaped();
                        }

                        _state.Set(origin, state);
                    }
                }

                return null;
            }

            default:
                Eval(assignment.Target);
                return Eval(assignment.Value);
        }
    }

    private void Assign(IOperation target, KeyValue? value)
    {
        switch (target)
        {
            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, value);
                break;
            case IConversionOperation conversion:
                Assign(conversion.Operand, value);
                break;
            case ITupleOperation tuple:
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    Assign(tuple.Elements[i], value is { Kind: KeyValueKind.Tuple } && i < value.Elements.Length ? value.Elements[i] : null);
                }

                break;
            case ILocalReferenceOperation local when _types.CarriesKeys(local.Type):
                Write(local.Local, value ?? Fresh(local));
                break;
            case IParameterReferenceOperation parameter when _types.CarriesKeys(parameter.Type):
                Write(parameter.Parameter, value ?? Fresh(parameter));
                break;
            case IDiscardOperation:
            case ILocalReferenceOperation:
            case IParameterReferenceOperation:
                break;
            default:
                foreach (var child in target.ChildOperations)
                {
                    Eval(child);
                }

                if (value is not null)
                {
                    ApplyUse(value, target, new KeyUse(KeyUseKind.Consume, ConsumeReason.Store, target));
                }

                break;
        }
    }

    private KeyValue? EvalInvocation(IInvocationOperation invocation)
    {
        var instance = Eval(invocation.Instance);
        EvalArguments(invocation.Arguments);
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            ApplyCaptured(_captured.ForLocalFunction(_graph, method), invocation, method);
        }

        if (method.ContainingType?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && method.Name == "GetValueOrDefault" && invocation.Arguments.Length == 0)
        {
            return instance;
        }

        if (method.Name == "Split" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _types.PrngKey))
        {
            if (invocation.Type is INamedTypeSymbol { IsTupleType: true } pair)
            {
                return FreshTuple(invocation, pair);
            }

            if (_types.IsKeyArray(invocation.Type))
            {
                return Fresh(invocation);
            }
        }

        return _types.CarriesKeys(invocation.Type) ? Fresh(invocation) : null;
    }

    private void EvalArguments(ImmutableArray<IArgumentOperation> arguments)
    {
        List<IOperation>? renewed = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.RefKind == RefKind.Out)
            {
                foreach (var child in argument.Value.ChildOperations)
                {
                    if (child is not ILocalReferenceOperation and not IParameterReferenceOperation)
                    {
                        Eval(child);
                    }
                }

                (renewed ??= new List<IOperation>()).Add(argument.Value);
            }
            else
            {
                Eval(argument.Value);
            }
        }

        if (renewed is not null)
        {
            foreach (var target in renewed)
            {
                Renew(target);
            }
        }
    }

    private KeyValue? EvalTuple(ITupleOperation tuple)
    {
        var elements = ImmutableArray.CreateBuilder<KeyValue?>(tuple.Elements.Length);
        foreach (var element in tuple.Elements)
        {
            elements.Add(Eval(element));
        }

        return _types.IsKeyTuple(tuple.Type) ? KeyValue.Tuple(elements.MoveToImmutable()) : null;
    }

    private KeyValue? EvalField(IFieldReferenceOperation field)
    {
        var instance = Eval(field.Instance);
        if (field.Field.ContainingType?.IsTupleType == true)
        {
            var index = TupleIndex(field.Field);
            return instance is { Kind: KeyValueKind.Tuple } && index >= 0 && index < instance.Elements.Length ? instance.Elements[index] : null;
        }

        if (_types.IsKey(field.Type) && _isNeverAssigned(field.Field))
        {
            return KeyValue.Key(new KeyOrigin(field.Field, isDefault: true, tracksReuse: false));
        }

        // A field is read afresh each time: its reuse across calls is RP0009's, not this body's.
        return _types.CarriesKeys(field.Type) ? Fresh(field, tracksReuse: false) : null;
    }

    private KeyValue? EvalElement(IArrayElementReferenceOperation element)
    {
        var array = Eval(element.ArrayReference);
        foreach (var index in element.Indices)
        {
            Eval(index);
        }

        return ElementValue(array, ConstantIndex(element));
    }

    /// <summary>The value of an element of a key array: a constant index is tracked; any other is tracked only as a default key.</summary>
    private KeyValue? ElementValue(KeyValue? array, int? constant)
    {
        if (array is not { Kind: KeyValueKind.Array })
        {
            return null;
        }

        KeyValue? result = null;
        var first = true;
        foreach (var origin in array.Origins)
        {
            var state = _state.Get(origin);
            if (state.Escaped)
            {
                return null;
            }

            KeyValue? elementValue;
            if (constant is int i)
            {
                var slot = new ElementSlot(origin, i);
                elementValue = _state.Slots.TryGetValue(slot, out var stored) ? stored : KeyValue.Key(origin.Element(i));
            }
            else if (origin.IsDefault && !state.Stored)
            {
                // Any element of an array nothing was stored into is a default key (RP0008); its reuse is not tracked.
                elementValue = KeyValue.Key(new KeyOrigin(origin.Anchor, -2, isDefault: true, tracksReuse: false));
            }
            else
            {
                return null;
            }

            result = first ? elementValue : KeyValue.Join(result, elementValue);
            first = false;
        }

        return result;
    }

    private void Bind(IPatternOperation pattern, KeyValue? value)
    {
        // A key tested from an untracked value (`o is PrngKey k`, `case PrngKey k:`, a switch-expression arm) is a key
        // of its own from the pattern on, like any other key that comes from outside the analysed body.
        switch (pattern)
        {
            case INegatedPatternOperation negated:
                Bind(negated.Pattern, value);
                return;
            case IBinaryPatternOperation binary:
                Bind(binary.LeftPattern, value);
                Bind(binary.RightPattern, value);
                return;
            case IListPatternOperation list:
                // `keys is [var first, .., var last]`, `key.Split(2) is [var a, var b]`: the elements before a slice are
                // the array's constant-index elements (tracked, like `keys[0]`); the rest are keys of their own.
                var sliced = false;
                for (var i = 0; i < list.Patterns.Length; i++)
                {
                    if (list.Patterns[i] is ISlicePatternOperation slice)
                    {
                        sliced = true;
                        if (slice.Pattern is { } inner)
                        {
                            Bind(inner, null);
                        }

                        continue;
                    }

                    Bind(list.Patterns[i], sliced ? null : ElementValue(value, i));
                }

                break;
            case IRecursivePatternOperation recursive:
                // Members and deconstructed parts are read from the tested value: untracked, so each is a key of its own.
                foreach (var part in recursive.DeconstructionSubpatterns)
                {
                    Bind(part, null);
                }

                foreach (var property in recursive.PropertySubpatterns)
                {
                    Bind(property.Pattern, null);
                }

                break;
        }

        var local = pattern switch
        {
            IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } => declared,
            IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol declared } => declared,
            IListPatternOperation { DeclaredSymbol: ILocalSymbol declared } => declared,
            _ => null,
        };
        if (local is not null && (value ?? Fresh(pattern, type: local.Type)) is { } bound)
        {
            Write(local, bound);
        }
    }

    private void Apply(IOperation operation, KeyValue value) =>
        ApplyUse(value, operation, KeyUseClassifier.Classify(operation, _types));

    private void ApplyUse(KeyValue value, IOperation reference, KeyUse use)
    {
        switch (value.Kind)
        {
            case KeyValueKind.Key:
                switch (use.Kind)
                {
                    case KeyUseKind.Consume:
                        Consume(value, reference, use.Reason, viaLocalFunction: null);
                        break;
                    case KeyUseKind.FoldInParent:
                        Fold(value, reference, use.Site ?? reference, use.FoldData);
                        break;
                    case KeyUseKind.ConsumeAndRenew:
                        Consume(value, reference, use.Reason, viaLocalFunction: null);
                        Renew(reference);
                        break;
                    case KeyUseKind.Renew:
                        Renew(reference);
                        break;
                    case KeyUseKind.Escape:
                        Escape(value);
                        break;
                }

                break;
            case KeyValueKind.Tuple:
                if (use.Kind is KeyUseKind.Consume or KeyUseKind.Escape or KeyUseKind.ConsumeAndRenew)
                {
                    foreach (var element in value.Elements)
                    {
                        if (element is not null)
                        {
                            ApplyUse(element, reference, use.Kind == KeyUseKind.Escape ? use : new KeyUse(KeyUseKind.Consume, use.Reason, use.Site));
                        }
                    }
                }

                break;
            case KeyValueKind.Array:
                if (use.Kind is not KeyUseKind.Flow and not KeyUseKind.Neither)
                {
                    Escape(value);
                }

                break;
        }
    }

    private void Consume(KeyValue value, IOperation reference, ConsumeReason reason, IMethodSymbol? viaLocalFunction, string? keyName = null)
    {
        if (value.Kind == KeyValueKind.Tuple)
        {
            foreach (var element in value.Elements)
            {
                if (element is not null)
                {
                    Consume(element, reference, reason, viaLocalFunction, keyName);
                }
            }

            return;
        }

        if (value.Kind == KeyValueKind.Array)
        {
            Escape(value);
            return;
        }

        ReportDefault(value, reference);
        ReuseKind? kind = null;
        IOperation? first = null;
        foreach (var origin in value.Origins)
        {
            if (!origin.TracksReuse)
            {
                continue;
            }

            var state = _state.Get(origin);
            if (state.Escaped)
            {
                continue;
            }

            ReuseKind? found = null;
            IOperation? foundFirst = null;
            if (state.Level != ConsumeLevel.None)
            {
                foundFirst = state.FirstUse;
                found = ReferenceEquals(state.FirstUse, reference) ? ReuseKind.ConsumedInEarlierIteration
                    : state.Level == ConsumeLevel.Maybe ? ReuseKind.MaybeConsumed
                    : state.FirstReason == ConsumeReason.Split ? ReuseKind.UsedAfterSplit
                    : ReuseKind.ConsumedTwice;
            }
            else if (state.Folds.Length > 0)
            {
                found = ReuseKind.ConsumedAfterFoldIn;
                foundFirst = state.Folds[0].Reference;
            }

            if (found is not null && (kind is null || Rank(found.Value) < Rank(kind.Value)))
            {
                kind = found;
                first = foundFirst;
            }

            var level = value.Origins.Count == 1 || state.Level == ConsumeLevel.Definite ? ConsumeLevel.Definite : ConsumeLevel.Maybe;
            _state.Set(origin, state.WithConsumed(level, reference, reason));
            ForAliases(origin, state, alias => alias.WithConsumed(alias.Level == ConsumeLevel.Definite ? ConsumeLevel.Definite : ConsumeLevel.Maybe, reference, reason));
        }

        // A local function called twice (or in a loop) is RP0009's finding, on the consume inside it.
        if (viaLocalFunction is not null && first is IInvocationOperation previous
            && SymbolEqualityComparer.Default.Equals(previous.TargetMethod.OriginalDefinition, viaLocalFunction.OriginalDefinition))
        {
            return;
        }

        if (kind is not null)
        {
            _findings?.Add(new KeyFlowFinding(reference, first, kind, keyName));
        }
    }

    private void Fold(KeyValue value, IOperation reference, IOperation site, IOperation? data, string? keyName = null)
    {
        if (value.Kind != KeyValueKind.Key)
        {
            return;
        }

        ReportDefault(value, reference);
        var constant = ConstantData(data);
        ReuseKind? kind = null;
        IOperation? first = null;
        foreach (var origin in value.Origins)
        {
            if (!origin.TracksReuse)
            {
                continue;
            }

            var state = _state.Get(origin);
            if (state.Escaped)
            {
                continue;
            }

            if (state.Level != ConsumeLevel.None)
            {
                kind = state.Level == ConsumeLevel.Maybe ? ReuseKind.MaybeConsumed
                    : state.FirstReason == ConsumeReason.Split ? ReuseKind.FoldedInAfterSplit
                    : ReuseKind.FoldedInAfterConsumed;
                first = state.FirstUse;
            }
            else if (kind is null)
            {
                foreach (var fold in state.Folds)
                {
                    if (!ReferenceEquals(fold.Site, site) && (fold.Constant is null || constant is null || fold.Constant == constant))
                    {
                        kind = ReuseKind.FoldedInAtSeveralSites;
                        first = fold.Reference;
                        break;
                    }
                }
            }

            var foldSite = new FoldSite(site, constant, reference);
            _state.Set(origin, state.WithFold(foldSite));
            ForAliases(origin, state, alias => alias.WithFold(foldSite));
        }

        if (kind is not null)
        {
            _findings?.Add(new KeyFlowFinding(reference, first, kind, keyName));
        }
    }

    private void ReportDefault(KeyValue value, IOperation reference)
    {
        if (_findings is null || value.Origins.Count == 0)
        {
            return;
        }

        foreach (var origin in value.Origins)
        {
            if (!origin.IsDefault || origin.Index == KeyOrigin.Whole && origin.Anchor is IArrayCreationOperation)
            {
                return;
            }
        }

        _findings.Add(new KeyFlowFinding(reference, null, null));
    }

    private void Escape(KeyValue value)
    {
        foreach (var origin in value.Origins)
        {
            var state = _state.Get(origin);
            _state.Set(origin, state.WithEscaped());
            foreach (var member in state.Members)
            {
                _state.Set(member, _state.Get(member).WithEscaped());
            }
        }
    }

    /// <summary>
    /// A use of a join origin is a maybe-use of every key it may be; a use of a key is a maybe-use of every join
    /// origin that may be it (aliasing across a join). <paramref name="state"/> is the origin's state before the use.
    /// </summary>
    private void ForAliases(KeyOrigin origin, OriginState state, Func<OriginState, OriginState> apply)
    {
        if (!state.Members.IsEmpty)
        {
            foreach (var member in state.Members)
            {
                var memberState = _state.Get(member);
                if (!memberState.Escaped)
                {
                    _state.Set(member, apply(memberState));
                }
            }

            return;
        }

        List<KeyValuePair<KeyOrigin, OriginState>>? joins = null;
        foreach (var pair in _state.Origins)
        {
            if (!pair.Value.Members.IsEmpty && pair.Value.Members.Contains(origin) && !pair.Value.Escaped)
            {
                (joins ??= new List<KeyValuePair<KeyOrigin, OriginState>>()).Add(pair);
            }
        }

        if (joins is not null)
        {
            foreach (var pair in joins)
            {
                _state.Set(pair.Key, apply(pair.Value));
            }
        }
    }

    private void Renew(IOperation target)
    {
        while (target is IDeclarationExpressionOperation or IParenthesizedOperation or IConversionOperation)
        {
            target = target switch
            {
                IDeclarationExpressionOperation declaration => declaration.Expression,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => ((IConversionOperation)target).Operand,
            };
        }

        switch (target)
        {
            case ILocalReferenceOperation local when _types.CarriesKeys(local.Type):
                Write(local.Local, Fresh(target));
                break;
            case IParameterReferenceOperation parameter when _types.CarriesKeys(parameter.Type):
                Write(parameter.Parameter, Fresh(target));
                break;
        }
    }

    private void ApplyCaptured(IReadOnlyList<CapturedKeyUse> uses, IOperation site, IMethodSymbol? viaLocalFunction)
    {
        var renewedIndex = 0;
        foreach (var use in uses)
        {
            var variable = use.Variable;
            if (use.Written)
            {
                if (renewedIndex == 0)
                {
                    _state.ResetAnchor(site);
                }

                Write(variable, KeyValue.Key(new KeyOrigin(site, renewedIndex++)));
                continue;
            }

            var value = Read(variable);
            if (value is not { Kind: KeyValueKind.Key })
            {
                continue;
            }

            if (use.FirstConsume is not null)
            {
                // A call is located at the call; a lambda at the consuming reference inside it.
                Consume(value, viaLocalFunction is null ? use.FirstConsume : site, ConsumeReason.Capture, viaLocalFunction, variable.Name);
            }
            else if (use.FirstFold is not null)
            {
                Fold(value, viaLocalFunction is null ? use.FirstFold : site, site, data: null, variable.Name);
            }
        }
    }

    private KeyValue? Fresh(IOperation operation, bool isDefault = false, bool tracksReuse = true, ITypeSymbol? type = null)
    {
        type ??= operation.Type;
        _state.ResetAnchor(operation);
        if (_types.IsKey(type))
        {
            return KeyValue.Key(new KeyOrigin(operation, isDefault: isDefault, tracksReuse: tracksReuse));
        }

        if (_types.IsKeyArray(type))
        {
            return KeyValue.Array(new KeyOrigin(operation, isDefault: isDefault, tracksReuse: tracksReuse));
        }

        return type is INamedTypeSymbol { IsTupleType: true } tuple ? FreshTuple(operation, tuple) : null;
    }

    private KeyValue FreshTuple(object anchor, INamedTypeSymbol tuple)
    {
        if (anchor is IOperation operation)
        {
            _state.ResetAnchor(operation);
        }

        var elements = tuple.TupleElements;
        var builder = ImmutableArray.CreateBuilder<KeyValue?>(elements.Length);
        for (var i = 0; i < elements.Length; i++)
        {
            builder.Add(_types.IsKey(elements[i].Type) ? KeyValue.Key(new KeyOrigin(anchor, i)) : null);
        }

        return KeyValue.Tuple(builder.MoveToImmutable());
    }

    private static int TupleIndex(IFieldSymbol field)
    {
        var element = field.CorrespondingTupleField ?? field;
        var elements = field.ContainingType.TupleElements;
        for (var i = 0; i < elements.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(elements[i], element) || SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField, element))
            {
                return i;
            }
        }

        return -1;
    }

    private static int? ConstantIndex(IArrayElementReferenceOperation element) =>
        element.Indices.Length == 1 && element.Indices[0].ConstantValue is { HasValue: true, Value: int index } && index >= 0 ? index : null;

    private static uint? ConstantData(IOperation? data)
    {
        if (data?.ConstantValue is not { HasValue: true } constant)
        {
            return null;
        }

        return constant.Value switch
        {
            int i => unchecked((uint)i),
            uint u => u,
            short s => unchecked((uint)s),
            ushort us => us,
            byte b => b,
            sbyte sb => unchecked((uint)sb),
            char c => c,
            _ => null,
        };
    }

    private static int Rank(ReuseKind kind) => kind switch
    {
        ReuseKind.ConsumedTwice or ReuseKind.UsedAfterSplit or ReuseKind.ConsumedInEarlierIteration => 0,
        ReuseKind.MaybeConsumed => 1,
        _ => 2,
    };
}
