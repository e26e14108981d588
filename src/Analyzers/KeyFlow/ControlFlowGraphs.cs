using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>Guarded access to the nested graphs and operations of a ControlFlowGraph.</summary>
internal static class ControlFlowGraphs
{
    public static ControlFlowGraph? ForAnonymousFunction(ControlFlowGraph graph, IFlowAnonymousFunctionOperation function)
    {
        try
        {
            return graph.GetAnonymousFunctionControlFlowGraphInScope(function);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static ControlFlowGraph? ForLocalFunction(ControlFlowGraph graph, IMethodSymbol localFunction)
    {
        try
        {
            return graph.GetLocalFunctionControlFlowGraphInScope(localFunction.OriginalDefinition);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The statements of a block, then its branch value.</summary>
    public static IEnumerable<IOperation> OperationsOf(BasicBlock block)
    {
        foreach (var operation in block.Operations)
        {
            yield return operation;
        }

        if (block.BranchValue is not null)
        {
            yield return block.BranchValue;
        }
    }

    /// <summary>Locals declared anywhere in the graph's own regions (not in nested functions).</summary>
    public static HashSet<ISymbol> OwnLocals(ControlFlowGraph graph)
    {
        var locals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ControlFlowRegion>();
        pending.Push(graph.Root);
        while (pending.Count > 0)
        {
            var region = pending.Pop();
            foreach (var local in region.Locals)
            {
                locals.Add(local);
            }

            foreach (var nested in region.NestedRegions)
            {
                pending.Push(nested);
            }
        }

        return locals;
    }
}
