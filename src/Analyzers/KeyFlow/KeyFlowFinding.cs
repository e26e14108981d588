using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>The kind of reuse, which the RP0003 message names.</summary>
internal enum ReuseKind
{
    ConsumedTwice,
    UsedAfterSplit,
    MaybeConsumed,
    ConsumedInEarlierIteration,
    ConsumedAfterFoldIn,
    FoldedInAfterConsumed,
    FoldedInAfterSplit,
    FoldedInAtSeveralSites,
}

/// <summary>One problem the key-flow engine found: a reuse (RP0003) or a default key consumed (RP0008).</summary>
internal sealed class KeyFlowFinding
{
    public KeyFlowFinding(IOperation reference, IOperation? firstUse, ReuseKind? reuse, string? keyName = null)
    {
        Reference = reference;
        FirstUse = firstUse;
        Reuse = reuse;
        KeyName = keyName ?? reference.Syntax.ToString();
    }

    /// <summary>How the message names the key: its text at the reference, or the captured variable for a call.</summary>
    public string KeyName { get; }

    /// <summary>The key reference that performs the offending use (where the diagnostic sits).</summary>
    public IOperation Reference { get; }

    /// <summary>The earlier use (the additional location), for reuses.</summary>
    public IOperation? FirstUse { get; }

    /// <summary>Null for a default key consumed (RP0008).</summary>
    public ReuseKind? Reuse { get; }

    public static string Describe(ReuseKind kind) => kind switch
    {
        ReuseKind.ConsumedTwice => "it was already consumed",
        ReuseKind.UsedAfterSplit => "it is used after Split",
        ReuseKind.MaybeConsumed => "it may already have been consumed on another path",
        ReuseKind.ConsumedInEarlierIteration => "it was consumed in an earlier iteration of the loop and is not renewed in the body",
        ReuseKind.ConsumedAfterFoldIn => "it is a fold-in parent and is also consumed",
        ReuseKind.FoldedInAfterConsumed => "it is folded in after being consumed",
        ReuseKind.FoldedInAfterSplit => "it is folded in after Split",
        _ => "it is folded in at several sites whose data are not distinct constants",
    };
}

/// <summary>Collects findings, at most one per location and rule, in a deterministic order.</summary>
internal sealed class KeyFlowFindings
{
    private readonly Dictionary<(SyntaxTree, int, int, bool), KeyFlowFinding> _byLocation = new();

    public IEnumerable<KeyFlowFinding> All => _byLocation.Values;

    public void Add(KeyFlowFinding finding)
    {
        var span = finding.Reference.Syntax.Span;
        var key = (finding.Reference.Syntax.SyntaxTree, span.Start, span.Length, finding.Reuse is null);
        if (!_byLocation.ContainsKey(key))
        {
            _byLocation.Add(key, finding);
        }
    }
}
