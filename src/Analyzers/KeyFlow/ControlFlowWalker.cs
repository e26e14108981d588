using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>
/// Iterates the transfer function over the basic blocks of one graph to a fixpoint (joins at merges, loops until
/// stable), then replays every reachable block once with its final input state to report. Exception regions:
/// a catch, filter or finally block starts from the join of every state inside its try block; a branch that
/// leaves through finally regions runs them with its own state before reaching its destination.
/// </summary>
internal sealed class ControlFlowWalker
{
    // Far above what any real body needs (each block's input only grows in a finite lattice); a safety net for hostile code.
    private const int MaxVisitsPerBlock = 64;

    private readonly ControlFlowGraph _graph;
    private readonly OperationEvaluator _evaluator;
    private readonly CancellationToken _cancellationToken;
    private readonly FlowState?[] _inputs;
    private readonly Dictionary<ControlFlowRegion, FlowState> _tryStates = new();
    private readonly SortedSet<int> _work = new();

    public ControlFlowWalker(ControlFlowGraph graph, OperationEvaluator evaluator, CancellationToken cancellationToken)
    {
        _graph = graph;
        _evaluator = evaluator;
        _cancellationToken = cancellationToken;
        _inputs = new FlowState?[graph.Blocks.Length];
    }

    /// <summary>Runs the analysis; returns false (and reports nothing) when it did not converge.</summary>
    public bool Run(KeyFlowFindings findings)
    {
        if (_graph.Blocks.Length == 0)
        {
            return true;
        }

        _inputs[0] = FlowState.Empty();
        _work.Add(0);
        var budget = MaxVisitsPerBlock * _graph.Blocks.Length;
        while (_work.Count > 0)
        {
            if (--budget < 0)
            {
                return false;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            var ordinal = _work.Min;
            _work.Remove(ordinal);
            var block = _graph.Blocks[ordinal];
            var output = Transfer(block, _inputs[ordinal]!.Clone(), findings: null, accumulate: true);
            foreach (var branch in Successors(block))
            {
                var state = WithoutEndedCaptures(branch, ThroughFinally(branch, output));
                if (branch.Destination is not null)
                {
                    Merge(branch.Destination.Ordinal, state);
                }
            }
        }

        for (var i = 0; i < _graph.Blocks.Length; i++)
        {
            if (_inputs[i] is { } input)
            {
                Transfer(_graph.Blocks[i], input.Clone(), findings, accumulate: false);
            }
        }

        return true;
    }

    private FlowState Transfer(BasicBlock block, FlowState state, KeyFlowFindings? findings, bool accumulate)
    {
        if (accumulate)
        {
            Accumulate(block, state);
        }

        foreach (var operation in block.Operations)
        {
            _evaluator.Evaluate(state, operation, findings);
            if (accumulate)
            {
                Accumulate(block, state);
            }
        }

        if (block.BranchValue is not null)
        {
            var isReturn = block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return;
            _evaluator.EvaluateBranchValue(state, block.BranchValue, isReturn, findings);
            if (accumulate)
            {
                Accumulate(block, state);
            }
        }

        return state;
    }

    private void Merge(int ordinal, FlowState state)
    {
        // A region outside this graph (a lambda's regions chain into the enclosing graph's) has no block here; the
        // region walks stop at the graph's root, and this guard keeps any other such case from throwing (AD0001).
        if ((uint)ordinal >= (uint)_inputs.Length)
        {
            return;
        }

        var existing = _inputs[ordinal];
        if (existing is null)
        {
            _inputs[ordinal] = state.Clone();
            _work.Add(ordinal);
            return;
        }

        var joined = FlowState.Join(existing, state, _evaluator.ImplicitValue, _graph.Blocks[ordinal]);
        if (!joined.StateEquals(existing))
        {
            _inputs[ordinal] = joined;
            _work.Add(ordinal);
        }
    }

    /// <summary>Joins the state into every enclosing try region and feeds the handlers of those that changed.</summary>
    private void Accumulate(BasicBlock block, FlowState state)
    {
        // A lambda's graph has its own block ordinals, yet its regions chain up into the enclosing graph's (a lambda in
        // the body of a foreach over an IEnumerable sits inside the loop's try/finally): stop at this graph's root.
        for (var region = block.EnclosingRegion; region is not null; region = region == _graph.Root ? null : region.EnclosingRegion)
        {
            if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } tryWithHandlers)
            {
                continue;
            }

            FlowState joined;
            if (_tryStates.TryGetValue(region, out var existing))
            {
                joined = FlowState.Join(existing, state, _evaluator.ImplicitValue, region);
                if (joined.StateEquals(existing))
                {
                    continue;
                }
            }
            else
            {
                joined = state.Clone();
            }

            _tryStates[region] = joined;
            foreach (var handler in tryWithHandlers.NestedRegions)
            {
                if (handler != region)
                {
                    Merge(handler.FirstBlockOrdinal, joined);
                }
            }
        }
    }

    private FlowState ThroughFinally(ControlFlowBranch branch, FlowState state)
    {
        foreach (var finallyRegion in branch.FinallyRegions)
        {
            state = RunFinally(finallyRegion, state);
        }

        return state;
    }

    /// <summary>Runs a finally region from one entry state, without reporting, and returns the state it exits with.</summary>
    private FlowState RunFinally(ControlFlowRegion region, FlowState entry)
    {
        var inputs = new Dictionary<int, FlowState> { [region.FirstBlockOrdinal] = entry.Clone() };
        var work = new SortedSet<int> { region.FirstBlockOrdinal };
        FlowState? exit = null;
        var budget = MaxVisitsPerBlock * (region.LastBlockOrdinal - region.FirstBlockOrdinal + 1);
        while (work.Count > 0 && --budget >= 0)
        {
            var ordinal = work.Min;
            work.Remove(ordinal);
            var block = _graph.Blocks[ordinal];
            var output = Transfer(block, inputs[ordinal].Clone(), findings: null, accumulate: false);
            foreach (var branch in Successors(block))
            {
                var state = WithoutEndedCaptures(branch, ThroughFinally(branch, output));
                if (branch.Destination is null)
                {
                    if (branch.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling && InnermostFinally(block) == region)
                    {
                        exit = exit is null ? state : FlowState.Join(exit, state, _evaluator.ImplicitValue, region);
                    }

                    continue;
                }

                var destination = branch.Destination.Ordinal;
                if (destination < region.FirstBlockOrdinal || destination > region.LastBlockOrdinal)
                {
                    continue;
                }

                if (!inputs.TryGetValue(destination, out var existing))
                {
                    inputs[destination] = state.Clone();
                    work.Add(destination);
                }
                else
                {
                    var joined = FlowState.Join(existing, state, _evaluator.ImplicitValue, _graph.Blocks[destination]);
                    if (!joined.StateEquals(existing))
                    {
                        inputs[destination] = joined;
                        work.Add(destination);
                    }
                }
            }
        }

        return exit ?? entry;
    }

    /// <summary>
    /// A flow capture (the value of a conditional, a null-coalescing or a deconstructed tuple, held between blocks)
    /// ends with the region that owns it; dropping it on the way out keeps it from holding keys alive at later joins,
    /// where a key consumed in a loop would otherwise look maybe-consumed at the loop's head.
    /// </summary>
    private static FlowState WithoutEndedCaptures(ControlFlowBranch branch, FlowState state)
    {
        FlowState? result = null;
        foreach (var region in branch.LeavingRegions)
        {
            foreach (var capture in region.CaptureIds)
            {
                if (state.Slots.ContainsKey(capture))
                {
                    result ??= state.Clone();
                    result.Slots.Remove(capture);
                }
            }
        }

        return result ?? state;
    }

    private ControlFlowRegion? InnermostFinally(BasicBlock block)
    {
        var region = block.EnclosingRegion;
        while (region is not null && region.Kind != ControlFlowRegionKind.Finally)
        {
            region = region == _graph.Root ? null : region.EnclosingRegion;
        }

        return region;
    }

    private static IEnumerable<ControlFlowBranch> Successors(BasicBlock block)
    {
        if (block.ConditionalSuccessor is { } conditional)
        {
            yield return conditional;
        }

        if (block.FallThroughSuccessor is { } fallThrough)
        {
            yield return fallThrough;
        }
    }
}
