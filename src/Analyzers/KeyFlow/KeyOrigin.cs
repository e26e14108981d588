using System;
using Microsoft.CodeAnalysis;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>
/// Where a key value comes from: the operation or symbol that produced it, plus an element index for tuple
/// elements and array elements (-1 for the array itself). Copies share their origin, which is how aliases
/// share one consumption state.
/// </summary>
internal sealed class KeyOrigin : IEquatable<KeyOrigin>
{
    public const int Whole = -1;

    public KeyOrigin(object anchor, int index = Whole, bool isDefault = false, bool tracksReuse = true)
    {
        Anchor = anchor;
        Index = index;
        IsDefault = isDefault;
        TracksReuse = tracksReuse;
    }

    /// <summary>An <see cref="IOperation"/> (the producing operation) or an <see cref="ISymbol"/> (parameter, captured variable, field).</summary>
    public object Anchor { get; }

    public int Index { get; }

    /// <summary>The key is <c>default(PrngKey)</c> (RP0008); for an array origin, its elements start as default keys.</summary>
    public bool IsDefault { get; }

    /// <summary>False for values whose reuse another rule owns (fields: RP0009): RP0003 ignores them.</summary>
    public bool TracksReuse { get; }

    /// <summary>The origin of element <paramref name="index"/> of this array origin.</summary>
    public KeyOrigin Element(int index) => new(Anchor, index, IsDefault, TracksReuse);

    public bool Equals(KeyOrigin? other) =>
        other is not null && Index == other.Index && AnchorEquals(Anchor, other.Anchor);

    public override bool Equals(object? obj) => Equals(obj as KeyOrigin);

    public override int GetHashCode() =>
        unchecked(((Anchor is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : Anchor.GetHashCode()) * 397) ^ Index);

    public override string ToString() => (Anchor is IOperation op ? op.Syntax.ToString() : Anchor.ToString()) + (Index == Whole ? string.Empty : "[" + Index + "]");

    private static bool AnchorEquals(object left, object right) =>
        left is ISymbol l && right is ISymbol r ? SymbolEqualityComparer.Default.Equals(l, r)
        : left is JoinAnchor join ? join.Equals(right)
        : ReferenceEquals(left, right);
}

/// <summary>
/// The anchor of a join origin: the key a slot holds after a join point where the paths reaching it disagree on
/// which key it holds (a loop head after a renewal, the end of an <c>if</c> that renewed on one branch). The join
/// origin has its own consumption state, the join of the paths' states, so a copy renewed in a loop is not tied to
/// the key it was copied from; its <see cref="OriginState.Members"/> keep the aliasing with the keys it may be.
/// </summary>
internal sealed class JoinAnchor : IEquatable<JoinAnchor>
{
    public JoinAnchor(object site, object slot, int element)
    {
        Site = site;
        Slot = slot;
        Element = element;
    }

    /// <summary>The join point: a basic block or a try region (compared by reference).</summary>
    public object Site { get; }

    public object Slot { get; }

    /// <summary>The tuple element path inside the slot's value (0 for the whole value).</summary>
    public int Element { get; }

    public bool Equals(JoinAnchor? other) =>
        other is not null && ReferenceEquals(Site, other.Site) && Element == other.Element && SlotComparer.Instance.Equals(Slot, other.Slot);

    public override bool Equals(object? obj) => Equals(obj as JoinAnchor);

    public override int GetHashCode() => unchecked((Site.GetHashCode() * 31 + SlotComparer.Instance.GetHashCode(Slot)) * 31 + Element);

    public override string ToString() => "join(" + Slot + ")";
}
