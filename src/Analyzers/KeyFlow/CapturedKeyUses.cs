using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>What a lambda or local function does to one key variable it captures.</summary>
internal sealed class CapturedKeyUse
{
    public CapturedKeyUse(ISymbol variable)
    {
        Variable = variable;
    }

    public ISymbol Variable { get; }

    /// <summary>The first reference (in source order) that consumes the captured key.</summary>
    public IOperation? FirstConsume { get; set; }

    /// <summary>The first reference that folds the captured key in.</summary>
    public IOperation? FirstFold { get; set; }

    /// <summary>The function assigns the variable: it keeps its own state, so callers no longer know the key.</summary>
    public bool Written { get; set; }
}

/// <summary>
/// Summaries of the captured keys each lambda and local function of one body uses, from their own control
/// flow graphs (nested functions and calls to other local functions included).
/// </summary>
internal sealed class CapturedKeyUses
{
    private readonly KnownKeyTypes _types;
    private readonly Dictionary<object, List<CapturedKeyUse>> _cache = new();

    public CapturedKeyUses(KnownKeyTypes types)
    {
        _types = types;
    }

    public IReadOnlyList<CapturedKeyUse> ForAnonymousFunction(ControlFlowGraph cfg, IFlowAnonymousFunctionOperation function)
    {
        if (_cache.TryGetValue(function, out var cached))
        {
            return cached;
        }

        var result = new List<CapturedKeyUse>();
        _cache[function] = result;
        var inner = ControlFlowGraphs.ForAnonymousFunction(cfg, function);
        if (inner is not null)
        {
            Collect(inner, function.Symbol, result, new HashSet<object>());
        }

        return result;
    }

    public IReadOnlyList<CapturedKeyUse> ForLocalFunction(ControlFlowGraph cfg, IMethodSymbol localFunction)
    {
        var key = localFunction.OriginalDefinition;
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = new List<CapturedKeyUse>();
        _cache[key] = result;
        var inner = ControlFlowGraphs.ForLocalFunction(cfg, localFunction);
        if (inner is not null)
        {
            Collect(inner, localFunction, result, new HashSet<object> { key });
        }

        return result;
    }

    private void Collect(ControlFlowGraph graph, IMethodSymbol owner, List<CapturedKeyUse> result, HashSet<object> visited)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var root in ControlFlowGraphs.OperationsOf(block))
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case ILocalReferenceOperation local when _types.IsKey(local.Type) && !IsOwnedBy(local.Local, owner):
                            Record(local, local.Local, result);
                            break;
                        case IParameterReferenceOperation parameter when _types.IsKey(parameter.Type) && !IsOwnedBy(parameter.Parameter, owner):
                            Record(parameter, parameter.Parameter, result);
                            break;
                        case IFlowAnonymousFunctionOperation nested:
                            var nestedGraph = ControlFlowGraphs.ForAnonymousFunction(graph, nested);
                            if (nestedGraph is not null)
                            {
                                Collect(nestedGraph, owner, result, visited);
                            }

                            break;
                        case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call when visited.Add(call.TargetMethod.OriginalDefinition):
                            var calledGraph = ControlFlowGraphs.ForLocalFunction(graph, call.TargetMethod);
                            if (calledGraph is not null)
                            {
                                Collect(calledGraph, owner, result, visited);
                            }

                            break;
                    }
                }
            }
        }
    }

    private void Record(IOperation reference, ISymbol variable, List<CapturedKeyUse> result)
    {
        var entry = result.Find(e => SymbolEqualityComparer.Default.Equals(e.Variable, variable));
        if (entry is null)
        {
            entry = new CapturedKeyUse(variable);
            result.Add(entry);
        }

        var use = KeyUseClassifier.Classify(reference, _types);
        switch (use.Kind)
        {
            case KeyUseKind.Renew:
            case KeyUseKind.ConsumeAndRenew:
            case KeyUseKind.Escape:
                entry.Written = true;
                break;
            case KeyUseKind.Consume:
                if (entry.FirstConsume is null || reference.Syntax.SpanStart < entry.FirstConsume.Syntax.SpanStart)
                {
                    entry.FirstConsume = reference;
                }

                break;
            case KeyUseKind.FoldInParent:
                if (entry.FirstFold is null || reference.Syntax.SpanStart < entry.FirstFold.Syntax.SpanStart)
                {
                    entry.FirstFold = reference;
                }

                break;
        }
    }

    /// <summary>True when the variable is declared by <paramref name="function"/> or by a function nested in it.</summary>
    public static bool IsOwnedBy(ISymbol variable, IMethodSymbol function)
    {
        for (var container = variable.ContainingSymbol; container is IMethodSymbol method; container = method.ContainingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(method, function) || SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, function.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
