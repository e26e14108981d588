using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RandomPurity.Analyzers.KeyFlow;
using RandomPurity.Analyzers.Prefilter;

namespace RandomPurity.Analyzers.Rules;

/// <summary>
/// RP0009: a key reused across executions. A captured key consumed inside a lambda, anonymous method or local
/// function that may run more than once, or a key field or auto-property consumed by a member that does not
/// renew it: every execution draws the same numbers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyReusedAcrossExecutionsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KeyReusedAcrossExecutions);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownKeyTypes.Create(start.Compilation);
            if (types is null)
            {
                return;
            }

            var runOnce = RunOnceApis.Create(start.Compilation, start.Options.AdditionalFiles, start.CancellationToken);
            var fields = new NeverAssignedKeyFields(types);
            var filter = MemberFilter.Get(start.Compilation, start.CancellationToken);
            MemberFilter.ForCandidateMembers(
                start,
                member => filter.MayHoldKeys(member.Symbol, member.CancellationToken),
                member => member.RegisterOperationBlockAction(block => new Session(block, types, runOnce, fields).Run()));
        });
    }

    private sealed class Session
    {
        private readonly OperationBlockAnalysisContext _context;
        private readonly KnownKeyTypes _types;
        private readonly RunOnceApis _runOnce;
        private readonly NeverAssignedKeyFields _fields;
        private readonly HashSet<Location> _reported = new();
        private readonly List<IOperation> _all = new();

        public Session(OperationBlockAnalysisContext context, KnownKeyTypes types, RunOnceApis runOnce, NeverAssignedKeyFields fields)
        {
            _context = context;
            _types = types;
            _runOnce = runOnce;
            _fields = fields;
        }

        public void Run()
        {
            var mentionsKeys = false;
            foreach (var block in _context.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    _all.Add(operation);
                    mentionsKeys |= operation.Type is { } type && _types.IsKey(type);
                }
            }

            if (!mentionsKeys)
            {
                return;
            }

            foreach (var operation in _all)
            {
                switch (operation)
                {
                    case IAnonymousFunctionOperation lambda:
                        AnalyzeFunction(lambda, lambda.Symbol, lambda.Body, scope => DescribeLambda(lambda, scope));
                        break;
                    case ILocalFunctionOperation local:
                        AnalyzeFunction(local, local.Symbol, (IOperation?)local.Body ?? local.IgnoredBody, scope => DescribeLocalFunction(local.Symbol, scope));
                        break;
                }
            }

            if (_context.OwningSymbol is IMethodSymbol { MethodKind: not (MethodKind.Constructor or MethodKind.StaticConstructor) } member)
            {
                AnalyzeMember(member);
            }
        }

        private void AnalyzeFunction(IOperation declaration, IMethodSymbol function, IOperation? body, System.Func<ILoopOperation?, string?> describe)
        {
            if (body is null)
            {
                return;
            }

            var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var candidates = new List<(IOperation Reference, ISymbol Variable)>();
            foreach (var operation in body.DescendantsAndSelf())
            {
                ISymbol? variable = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (variable is null || !_types.IsKey(operation.Type) || CapturedKeyUses.IsOwnedBy(variable, function))
                {
                    continue;
                }

                var use = KeyUseClassifier.Classify(operation, _types);
                if (use.Kind is KeyUseKind.Renew or KeyUseKind.ConsumeAndRenew || IsDeconstructionTarget(operation))
                {
                    written.Add(variable);
                }
                else if (DrawsTheSameNumbersEachTime(use, function) && SymbolEqualityComparer.Default.Equals(InnermostFunction(operation), function))
                {
                    candidates.Add((operation, variable));
                }
            }

            if (candidates.Count == 0)
            {
                return;
            }

            var description = describe(IterationScope(declaration, candidates));
            if (description is null)
            {
                return;
            }

            foreach (var (reference, variable) in candidates)
            {
                if (!written.Contains(variable))
                {
                    Report(reference, variable.Name, description);
                }
            }
        }

        private void AnalyzeMember(IMethodSymbol member)
        {
            var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var candidates = new List<(IOperation Reference, ISymbol Storage)>();
            foreach (var operation in _all)
            {
                var storage = KeyStorage(operation, member);
                if (storage is null)
                {
                    continue;
                }

                var use = KeyUseClassifier.Classify(operation, _types);
                if (use.Kind is KeyUseKind.Renew or KeyUseKind.ConsumeAndRenew || IsDeconstructionTarget(operation))
                {
                    written.Add(storage);
                }
                else if (DrawsTheSameNumbersEachTime(use, function: null))
                {
                    candidates.Add((operation, storage));
                }
            }

            foreach (var (reference, storage) in candidates)
            {
                if (!written.Contains(storage) && !(storage is IFieldSymbol field && _fields.IsNeverAssigned(field)))
                {
                    Report(reference, storage.Name, $"member '{member.Name}', which does not renew it");
                }
            }
        }

        /// <summary>A key field, or an auto-property, of this instance or a static one, declared in the member's type or a base.</summary>
        private ISymbol? KeyStorage(IOperation operation, IMethodSymbol member)
        {
            ISymbol? storage;
            IOperation? instance;
            switch (operation)
            {
                case IFieldReferenceOperation field when !field.Field.IsConst && _types.IsKey(field.Type):
                    storage = field.Field;
                    instance = field.Instance;
                    break;
                case IPropertyReferenceOperation property when _types.IsKey(property.Type) && IsAutoProperty(property.Property):
                    storage = property.Property;
                    instance = property.Instance;
                    break;
                default:
                    return null;
            }

            while (instance is IConversionOperation or IParenthesizedOperation)
            {
                instance = instance is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)instance).Operand;
            }

            // Read through another instance (a parameter: `other._key`, an operator's operand, a conversion's source),
            // the field is as much this member's every-call state as one read through `this` (docs/rules/RP0009.md).
            if (instance is IParameterReferenceOperation parameter
                && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, member)
                && storage.ContainingType is { IsTupleType: false })
            {
                return storage.OriginalDefinition;
            }

            if (instance is not (null or IInstanceReferenceOperation))
            {
                return null;
            }

            for (var type = member.ContainingType; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, storage.ContainingType?.OriginalDefinition))
                {
                    return storage.OriginalDefinition;
                }
            }

            return null;
        }

        private static bool IsAutoProperty(IPropertySymbol property)
        {
            foreach (var member in property.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { IsImplicitlyDeclared: true } field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A draw, split or pass of the same key on every execution. Folding in data that varies per execution (a
        /// parameter or local of the function, or any non-constant for members) derives a new key each time;
        /// returning or storing the key hands it on and is judged where it is consumed.
        /// </summary>
        private static bool DrawsTheSameNumbersEachTime(KeyUse use, IMethodSymbol? function)
        {
            switch (use.Kind)
            {
                case KeyUseKind.Consume:
                    return use.Reason is ConsumeReason.Draw or ConsumeReason.Split or ConsumeReason.Pass or ConsumeReason.Capture;
                case KeyUseKind.FoldInParent:
                    if (use.FoldData is null || use.FoldData.ConstantValue.HasValue)
                    {
                        return true;
                    }

                    return function is not null && !VariesPerExecution(use.FoldData, function);
                default:
                    return false;
            }
        }

        private static bool VariesPerExecution(IOperation data, IMethodSymbol function)
        {
            foreach (var operation in data.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IParameterReferenceOperation parameter when CapturedKeyUses.IsOwnedBy(parameter.Parameter, function):
                    case ILocalReferenceOperation local when CapturedKeyUses.IsOwnedBy(local.Local, function):
                    case IIncrementOrDecrementOperation:
                    case ICompoundAssignmentOperation:
                        return true;
                }
            }

            return false;
        }

        private static bool IsDeconstructionTarget(IOperation operation)
        {
            for (var current = operation; current.Parent is { } parent; current = parent)
            {
                switch (parent)
                {
                    case IDeconstructionAssignmentOperation deconstruction:
                        return deconstruction.Target == current;
                    case ITupleOperation:
                    case IDeclarationExpressionOperation:
                    case IConversionOperation:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        private static IMethodSymbol? InnermostFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return lambda.Symbol;
                    case ILocalFunctionOperation local:
                        return local.Symbol;
                }
            }

            return null;
        }

        /// <summary>
        /// The loop whose body creates the function, when every key the function consumes is made in that body (one
        /// per iteration: a local declared in the body, or a foreach iteration variable). Calls are then counted per
        /// iteration: a delegate made and called once per iteration over that iteration's key runs once per key.
        /// </summary>
        private static ILoopOperation? IterationScope(IOperation declaration, List<(IOperation Reference, ISymbol Variable)> candidates)
        {
            ILoopOperation? loop = null;
            for (var current = declaration.Parent; current is not null && loop is null; current = current.Parent)
            {
                switch (current)
                {
                    case ILoopOperation enclosing:
                        loop = enclosing;
                        break;
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return null;
                }
            }

            if (loop?.Body is not { } loopBody)
            {
                return null;
            }

            foreach (var (_, variable) in candidates)
            {
                if (variable is not ILocalSymbol local || local.DeclaringSyntaxReferences.Length == 0)
                {
                    return null;
                }

                var declared = local.DeclaringSyntaxReferences[0];
                var inBody = declared.SyntaxTree == loopBody.Syntax.SyntaxTree && loopBody.Syntax.Span.Contains(declared.Span);
                var iterationVariable = loop is IForEachLoopOperation forEach && forEach.Locals.Any(l => SymbolEqualityComparer.Default.Equals(l, local));
                if (!inBody && !iterationVariable)
                {
                    return null;
                }
            }

            return loop;
        }

        /// <summary>The method a delegate (a lambda or a method group) is passed to as an argument, when it is one.</summary>
        private static IMethodSymbol? ReceivingMethod(IOperation delegateValue, out bool isArgument)
        {
            var current = delegateValue;
            while (current.Parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            isArgument = current.Parent is IArgumentOperation;
            return current.Parent is IArgumentOperation argument
                ? argument.Parent switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation creation => creation.Constructor,
                    _ => null,
                }
                : null;
        }

        private string? DescribeLambda(IAnonymousFunctionOperation lambda, ILoopOperation? scope)
        {
            IOperation current = lambda;
            while (current.Parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case IArgumentOperation:
                    var method = ReceivingMethod(lambda, out _);
                    if (_runOnce.Contains(method))
                    {
                        return null;
                    }

                    var name = method is null ? "a method" : method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
                    return $"a lambda passed to '{name}', which may run it more than once";
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return DescribeStoredInLocal(declarator.Symbol, scope);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current:
                    return DescribeStoredInLocal(target.Local, scope);
                default:
                    return "a lambda that is stored, returned or subscribed, which may run more than once";
            }
        }

        private string? DescribeStoredInLocal(ILocalSymbol local, ILoopOperation? scope)
        {
            var calls = 0;
            foreach (var operation in _all)
            {
                if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local) || reference.IsDeclaration)
                {
                    continue;
                }

                if (reference.Parent is IInvocationOperation { TargetMethod.Name: "Invoke" } invocation && invocation.Instance == reference && !InLoopOrFunction(invocation, stopAt: scope))
                {
                    calls++;
                    continue;
                }

                if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                {
                    continue;
                }

                return $"a lambda stored in '{local.Name}', which may be invoked more than once";
            }

            return calls <= 1 ? null : $"a lambda stored in '{local.Name}', which is invoked more than once";
        }

        private string? DescribeLocalFunction(IMethodSymbol function, ILoopOperation? scope)
        {
            var calls = 0;
            foreach (var operation in _all)
            {
                switch (operation)
                {
                    case IMethodReferenceOperation reference when SameMethod(reference.Method, function):
                        // Passed to a run-once API (`Task.Run(Work)`), a local function runs once, exactly like a lambda.
                        var receiver = ReceivingMethod(reference, out var isArgument);
                        if (!isArgument || !_runOnce.Contains(receiver) || InLoopOrFunction(reference, stopAt: scope))
                        {
                            return $"local function '{function.Name}', which is used as a delegate";
                        }

                        calls++;
                        break;
                    case IInvocationOperation invocation when SameMethod(invocation.TargetMethod, function):
                        if (InLoopOrFunction(invocation, stopAt: scope) || IsInside(invocation, function))
                        {
                            return $"local function '{function.Name}', which is called in a loop or from a function that may run more than once";
                        }

                        calls++;
                        break;
                }
            }

            return calls <= 1 ? null : $"local function '{function.Name}', which is called more than once";
        }

        private static bool SameMethod(IMethodSymbol left, IMethodSymbol right) =>
            SymbolEqualityComparer.Default.Equals(left.OriginalDefinition, right.OriginalDefinition);

        private static bool IsInside(IOperation operation, IMethodSymbol function)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is ILocalFunctionOperation local && SameMethod(local.Symbol, function))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Inside a loop, or inside a lambda (which may itself run many times), up to the member's body.</summary>
        private static bool InLoopOrFunction(IOperation operation, IOperation? stopAt)
        {
            for (var current = operation.Parent; current is not null && current != stopAt; current = current.Parent)
            {
                if (current is ILoopOperation or IAnonymousFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private void Report(IOperation reference, string name, string description)
        {
            var location = reference.Syntax.GetLocation();
            if (_reported.Add(location))
            {
                _context.ReportDiagnostic(Diagnostic.Create(Descriptors.KeyReusedAcrossExecutions, location, name, description));
            }
        }
    }
}
