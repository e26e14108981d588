using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>How far a key has been consumed: the lattice None and Definite below Maybe.</summary>
internal enum ConsumeLevel
{
    None,
    Maybe,
    Definite,
}

/// <summary>One site where a key was folded in, with its data when that is a constant.</summary>
internal readonly struct FoldSite : IEquatable<FoldSite>
{
    public FoldSite(IOperation site, uint? constant, IOperation reference)
    {
        Site = site;
        Constant = constant;
        Reference = reference;
    }

    /// <summary>The FoldIn invocation (or the lambda / local function call that folds a captured key).</summary>
    public IOperation Site { get; }

    public uint? Constant { get; }

    /// <summary>The key reference at that site, for the diagnostic's additional location.</summary>
    public IOperation Reference { get; }

    public bool Equals(FoldSite other) => ReferenceEquals(Site, other.Site);

    public override bool Equals(object? obj) => obj is FoldSite other && Equals(other);

    public override int GetHashCode() => Site.GetHashCode();
}

/// <summary>
/// The state of one key origin at a program point: consumed (not, maybe, definitely) with its first use,
/// the sites that folded it in, and whether it escaped the analysis. A missing entry means a fresh key.
/// </summary>
internal sealed class OriginState : IEquatable<OriginState>
{
    public static readonly OriginState Fresh = new(ConsumeLevel.None, null, ConsumeReason.None, ImmutableArray<FoldSite>.Empty, escaped: false, stored: false);

    public OriginState(ConsumeLevel level, IOperation? firstUse, ConsumeReason firstReason, ImmutableArray<FoldSite> folds, bool escaped, bool stored, ImmutableHashSet<KeyOrigin>? members = null)
    {
        Level = level;
        FirstUse = firstUse;
        FirstReason = firstReason;
        Folds = folds;
        Escaped = escaped;
        Stored = stored;
        Members = members ?? ImmutableHashSet<KeyOrigin>.Empty;
    }

    /// <summary>
    /// For a join origin (<see cref="JoinAnchor"/>): the origins the joined slot may hold, each reached along some
    /// path. Consuming the join consumes them (maybe); consuming one of them makes the join maybe consumed.
    /// </summary>
    public ImmutableHashSet<KeyOrigin> Members { get; }

    public ConsumeLevel Level { get; }

    /// <summary>The earliest (in source order, for determinism) consuming reference that reaches this point.</summary>
    public IOperation? FirstUse { get; }

    public ConsumeReason FirstReason { get; }

    public ImmutableArray<FoldSite> Folds { get; }

    /// <summary>The key (or array) went where the analysis cannot follow: no more diagnostics about it.</summary>
    public bool Escaped { get; }

    /// <summary>For array origins: some element was stored (RP0008 stops trusting default elements).</summary>
    public bool Stored { get; }

    public OriginState WithConsumed(ConsumeLevel level, IOperation firstUse, ConsumeReason reason) =>
        FirstUse is null || Precedes(firstUse, FirstUse)
            ? new OriginState(level, firstUse, reason, Folds, Escaped, Stored, Members)
            : new OriginState(level, FirstUse, FirstReason, Folds, Escaped, Stored, Members);

    public OriginState WithFold(FoldSite site) =>
        Folds.Contains(site) ? this : new OriginState(Level, FirstUse, FirstReason, Folds.Add(site), Escaped, Stored, Members);

    public OriginState WithEscaped() => Escaped ? this : new OriginState(Level, FirstUse, FirstReason, Folds, escaped: true, Stored, Members);

    public OriginState WithStored() => Stored ? this : new OriginState(Level, FirstUse, FirstReason, Folds, Escaped, stored: true, Members);

    public OriginState WithMembers(ImmutableHashSet<KeyOrigin> members) => new(Level, FirstUse, FirstReason, Folds, Escaped, Stored, members);

    public static OriginState Join(OriginState left, OriginState right)
    {
        if (ReferenceEquals(left, right))
        {
            return left;
        }

        var level = left.Level == right.Level ? left.Level : ConsumeLevel.Maybe;
        IOperation? first;
        ConsumeReason reason;
        if (left.FirstUse is null || (right.FirstUse is not null && Precedes(right.FirstUse, left.FirstUse)))
        {
            first = right.FirstUse;
            reason = right.FirstReason;
        }
        else
        {
            first = left.FirstUse;
            reason = left.FirstReason;
        }

        var folds = left.Folds;
        foreach (var fold in right.Folds)
        {
            if (!folds.Contains(fold))
            {
                folds = folds.Add(fold);
            }
        }

        return new OriginState(level, first, reason, folds, left.Escaped || right.Escaped, left.Stored || right.Stored, left.Members.Union(right.Members));
    }

    public bool Equals(OriginState? other) =>
        other is not null
        && Level == other.Level
        && ReferenceEquals(FirstUse, other.FirstUse)
        && Escaped == other.Escaped
        && Stored == other.Stored
        && Folds.Length == other.Folds.Length
        && FoldsSubset(Folds, other.Folds)
        && Members.SetEquals(other.Members);

    public override bool Equals(object? obj) => Equals(obj as OriginState);

    public override int GetHashCode() => ((int)Level * 31) + Folds.Length;

    /// <summary>Source order, so that joins pick the same first use whatever order paths arrive in.</summary>
    private static bool Precedes(IOperation candidate, IOperation current)
    {
        var a = candidate.Syntax;
        var b = current.Syntax;
        if (a.SyntaxTree != b.SyntaxTree)
        {
            return string.CompareOrdinal(a.SyntaxTree.FilePath, b.SyntaxTree.FilePath) < 0;
        }

        return a.SpanStart < b.SpanStart || (a.SpanStart == b.SpanStart && a.Span.Length < b.Span.Length);
    }

    private static bool FoldsSubset(ImmutableArray<FoldSite> left, ImmutableArray<FoldSite> right)
    {
        foreach (var fold in left)
        {
            if (!right.Contains(fold))
            {
                return false;
            }
        }

        return true;
    }
}
