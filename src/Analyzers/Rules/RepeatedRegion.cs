using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace RandomPurity.Analyzers.Rules;

/// <summary>
/// A piece of code that runs many times — a loop, a lambda, an anonymous method, a local function used as a
/// delegate — with what it writes, so RP0004 can tell whether a value is the same on every execution.
/// </summary>
internal sealed class RepeatedRegion
{
    // Wherever RP0004's code fix needs to know which construct it is hoisting out of.
    public const string KindFor = "for";
    public const string KindForEach = "foreach";
    public const string KindWhile = "while";
    public const string KindDo = "do";
    public const string KindLambda = "lambda";
    public const string KindAnonymousMethod = "anonymous";
    public const string KindLocalFunction = "localfunction";

    private readonly Dictionary<ISymbol, List<Write>> _writes = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _varying = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _invariant = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _deciding = new(SymbolEqualityComparer.Default);

    private RepeatedRegion(IOperation operation, string kind, string description)
    {
        Operation = operation;
        Kind = kind;
        Description = description;
        CollectWrites(operation);
    }

    /// <summary>The loop, anonymous function or local function.</summary>
    public IOperation Operation { get; }

    /// <summary>One of the <c>Kind*</c> constants.</summary>
    public string Kind { get; }

    /// <summary>What the diagnostic message calls it: "a 'for' loop", "a lambda", ...</summary>
    public string Description { get; }

    public TextSpan Span => Operation.Syntax.Span;

    /// <summary>
    /// The innermost region around <paramref name="operation"/> that runs it repeatedly, or null. Run-once delegates
    /// (<c>Task.Run</c>, <c>Lazy&lt;T&gt;</c>, ...) are looked through; a local function that is only called directly
    /// ends the search, since where it is declared says nothing about how often it runs.
    /// </summary>
    public static RepeatedRegion? Around(IOperation operation)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop when IsRepeatedPart(loop, child):
                    return ForLoop(loop);
                case IAnonymousFunctionOperation function when !IsRunOnce(function):
                    return function.Syntax is AnonymousMethodExpressionSyntax
                        ? new RepeatedRegion(function, KindAnonymousMethod, "an anonymous method")
                        : new RepeatedRegion(function, KindLambda, "a lambda");
                case ILocalFunctionOperation local:
                    return IsUsedAsDelegate(local)
                        ? new RepeatedRegion(local, KindLocalFunction, "a local function used as a delegate")
                        : null;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="operation"/> may have a different value on different executions of the region.</summary>
    public bool Varies(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
        {
            return false;
        }

        switch (operation)
        {
            case ILiteralOperation or IDefaultValueOperation or ITypeOfOperation or ISizeOfOperation or INameOfOperation or IInstanceReferenceOperation:
                return false;
            case ILocalReferenceOperation local:
                return SymbolVaries(local.Local);
            case IParameterReferenceOperation parameter:
                return SymbolVaries(parameter.Parameter);
            case IFieldReferenceOperation field:
                return _writes.ContainsKey(field.Field) || (field.Instance is not null && Varies(field.Instance));
            case IPropertyReferenceOperation property:
                // Static properties are ambient state (DateTime.Now, Environment.TickCount): assume they change.
                if (property.Property.IsStatic || _writes.ContainsKey(property.Property))
                {
                    return true;
                }

                break;
            case IConversionOperation { OperatorMethod: not null }:
            case IInvocationOperation or IObjectCreationOperation or IAwaitOperation or IInvalidOperation:
            case IAssignmentOperation or IIncrementOrDecrementOperation or IAnonymousFunctionOperation:
            case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicIndexerAccessOperation:
                // A call may return something new every time; nothing here proves it does not.
                return true;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (Varies(child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The positions after which the region stores into <paramref name="symbol"/>.</summary>
    public IEnumerable<int> WritePositions(ISymbol symbol)
    {
        if (_writes.TryGetValue(symbol, out var writes))
        {
            foreach (var write in writes)
            {
                yield return write.Position;
            }
        }
    }

    public bool IsDeclaredInside(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == Operation.Syntax.SyntaxTree && Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsOwnParameter(IParameterSymbol parameter) =>
        Operation is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, function.Symbol);

    private static RepeatedRegion ForLoop(ILoopOperation loop)
    {
        var (kind, keyword) = loop switch
        {
            IForLoopOperation => (KindFor, "'for'"),
            IForEachLoopOperation => (KindForEach, "'foreach'"),
            IWhileLoopOperation { ConditionIsTop: false } => (KindDo, "'do'"),
            _ => (KindWhile, "'while'"),
        };

        var description = ContainsYield(loop) ? $"a {keyword} loop of an iterator" : $"a {keyword} loop";
        return new RepeatedRegion(loop, kind, description);
    }

    /// <summary>A for loop's initialisers and a foreach loop's collection run once, before the repetition starts.</summary>
    private static bool IsRepeatedPart(ILoopOperation loop, IOperation child) => loop switch
    {
        IForLoopOperation forLoop => !forLoop.Before.Contains(child),
        IForEachLoopOperation forEach => child != forEach.Collection && child != forEach.LoopControlVariable,
        _ => true,
    };

    private static bool ContainsYield(IOperation loop)
    {
        foreach (var operation in loop.Descendants())
        {
            if (operation.Kind == OperationKind.YieldReturn)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A lambda handed straight to an API that runs it exactly once. Built in rather than configurable: RP0004 only
    /// needs it to avoid calling a one-shot task "repeated".
    /// </summary>
    private static bool IsRunOnce(IAnonymousFunctionOperation function)
    {
        var parent = function.Parent is IDelegateCreationOperation creation ? creation.Parent : function.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IArgumentOperation argument)
        {
            return false;
        }

        var method = argument.Parent switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation objectCreation => objectCreation.Constructor,
            _ => null,
        };

        var type = method?.ContainingType?.OriginalDefinition;
        if (method is null || type is null)
        {
            return false;
        }

        var name = type.ContainingNamespace?.ToDisplayString() + "." + type.MetadataName;
        return name switch
        {
            "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task`1" =>
                method.Name is "Run" or "ContinueWith" or WellKnownMemberNames.InstanceConstructorName,
            "System.Threading.Tasks.TaskFactory" or "System.Threading.Tasks.TaskFactory`1" => method.Name == "StartNew",
            "System.Threading.Tasks.Parallel" => method.Name == "Invoke",
            "System.Lazy`1" or "System.Lazy`2" or "System.Threading.Thread" => method.MethodKind == MethodKind.Constructor,
            "System.Threading.ThreadPool" => method.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem",
            "System.Threading.LazyInitializer" => method.Name == "EnsureInitialized",
            _ => false,
        };
    }

    private static bool IsUsedAsDelegate(ILocalFunctionOperation local)
    {
        IOperation top = local;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        foreach (var operation in top.Descendants())
        {
            if (operation is IMethodReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, local.Symbol.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private bool SymbolVaries(ISymbol symbol)
    {
        if (_varying.Contains(symbol))
        {
            return true;
        }

        if (_invariant.Contains(symbol))
        {
            return false;
        }

        // A value that feeds on itself (`s = s + 1`) changes every time round.
        if (!_deciding.Add(symbol))
        {
            return true;
        }

        var varies = ComputeVaries(symbol);
        _deciding.Remove(symbol);
        (varies ? _varying : _invariant).Add(symbol);
        return varies;
    }

    private bool ComputeVaries(ISymbol symbol)
    {
        var inside = IsDeclaredInside(symbol);
        if (symbol is IParameterSymbol parameter && (inside || IsOwnParameter(parameter)))
        {
            // The lambda's or local function's own parameters: the index of Parallel.For, the element of Select, and a
            // query's range variables (declared in an earlier clause, outside the clause's lambda).
            return true;
        }

        if (!_writes.TryGetValue(symbol, out var writes))
        {
            return false;
        }

        if (!inside)
        {
            // Declared before the region and written in it: it changes between executions.
            return true;
        }

        foreach (var write in writes)
        {
            if (write.Value is null || Varies(write.Value))
            {
                return true;
            }
        }

        return false;
    }

    private void CollectWrites(IOperation region)
    {
        foreach (var operation in region.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    // No initialiser: a foreach iteration variable, or `int x;` (whose later assignments are writes of their own).
                    if (declarator.Initializer is not null)
                    {
                        AddWrite(declarator.Symbol, declarator.Syntax.Span.End, declarator.Initializer.Value);
                    }

                    break;
                case IForEachLoopOperation forEach:
                    foreach (var local in forEach.Locals)
                    {
                        AddWrite(local, forEach.Syntax.SpanStart, null);
                    }

                    break;
                case ICatchClauseOperation catchClause:
                    foreach (var local in catchClause.Locals)
                    {
                        AddWrite(local, catchClause.Syntax.SpanStart, null);
                    }

                    break;
                case ISimpleAssignmentOperation simple:
                    AddTargetWrite(simple.Target, simple.Syntax.Span.End, simple.Value);
                    break;
                case ICompoundAssignmentOperation or ICoalesceAssignmentOperation:
                    AddTargetWrite(((IAssignmentOperation)operation).Target, operation.Syntax.Span.End, null);
                    break;
                case IIncrementOrDecrementOperation increment:
                    AddTargetWrite(increment.Target, increment.Syntax.Span.End, null);
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    AddTargetWrite(deconstruction.Target, deconstruction.Syntax.Span.End, null);
                    break;
                case IArgumentOperation { ArgumentKind: not ArgumentKind.DefaultValue } argument
                    when argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out:
                    AddTargetWrite(argument.Value, (argument.Parent ?? argument).Syntax.Span.End, null);
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: { } declared } pattern:
                    AddWrite(declared, pattern.Syntax.Span.End, null);
                    break;
                case IRecursivePatternOperation { DeclaredSymbol: { } declared } pattern:
                    AddWrite(declared, pattern.Syntax.Span.End, null);
                    break;
            }
        }
    }

    private void AddTargetWrite(IOperation target, int position, IOperation? value)
    {
        switch (target)
        {
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    AddTargetWrite(element, position, null);
                }

                return;
            case IDeclarationExpressionOperation declaration:
                AddTargetWrite(declaration.Expression, position, null);
                return;
        }

        ISymbol? symbol = target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        if (symbol is not null)
        {
            AddWrite(symbol, position, value);
        }
    }

    private void AddWrite(ISymbol symbol, int position, IOperation? value)
    {
        if (!_writes.TryGetValue(symbol, out var list))
        {
            _writes[symbol] = list = new List<Write>();
        }

        list.Add(new Write(position, value));
    }

    private readonly struct Write
    {
        public Write(int position, IOperation? value)
        {
            Position = position;
            Value = value;
        }

        public int Position { get; }

        public IOperation? Value { get; }
    }
}
