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
        left is ISymbol l && right is ISymbol r ? SymbolEqualityComparer.Default.Equals(l, r) : ReferenceEquals(left, right);
}
