using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>Entry point: runs the key-flow engine over a body and over every lambda and local function in it.</summary>
internal static class KeyFlowAnalysis
{
    // Lambdas nested deeper than this are not analysed: a guard against pathological generated code.
    private const int MaxNesting = 16;

    /// <summary>Analyses <paramref name="graph"/> and its nested functions, adding what it finds to <paramref name="findings"/>.</summary>
    public static void Analyze(ControlFlowGraph graph, KnownKeyTypes types, Func<IFieldSymbol, bool> isNeverAssigned, KeyFlowFindings findings, CancellationToken cancellationToken)
    {
        Analyze(graph, types, isNeverAssigned, new CapturedKeyUses(types), findings, depth: 0, cancellationToken);
    }

    private static void Analyze(ControlFlowGraph graph, KnownKeyTypes types, Func<IFieldSymbol, bool> isNeverAssigned, CapturedKeyUses captured, KeyFlowFindings findings, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxNesting)
        {
            return;
        }

        var evaluator = new OperationEvaluator(types, graph, isNeverAssigned, captured);
        new ControlFlowWalker(graph, evaluator, cancellationToken).Run(findings);

        foreach (var block in graph.Blocks)
        {
            foreach (var root in ControlFlowGraphs.OperationsOf(block))
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is IFlowAnonymousFunctionOperation function && ControlFlowGraphs.ForAnonymousFunction(graph, function) is { } inner)
                    {
                        Analyze(inner, types, isNeverAssigned, captured, findings, depth + 1, cancellationToken);
                    }
                }
            }
        }

        foreach (var localFunction in graph.LocalFunctions)
        {
            if (ControlFlowGraphs.ForLocalFunction(graph, localFunction) is { } inner)
            {
                Analyze(inner, types, isNeverAssigned, captured, findings, depth + 1, cancellationToken);
            }
        }
    }
}
