using System.Collections.Immutable;
using System.Linq;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>
/// The abstract value of an expression that carries keys: a key (the origins it may come from), a tuple
/// (one value per element) or a key array (the array origins it may be).
/// </summary>
internal sealed class KeyValue
{
    private KeyValue(KeyValueKind kind, ImmutableHashSet<KeyOrigin> origins, ImmutableArray<KeyValue?> elements)
    {
        Kind = kind;
        Origins = origins;
        Elements = elements;
    }

    public KeyValueKind Kind { get; }

    /// <summary>For keys and arrays: every origin the value may have (more than one after a join).</summary>
    public ImmutableHashSet<KeyOrigin> Origins { get; }

    /// <summary>For tuples: the element values (null for elements that carry no key or are not tracked).</summary>
    public ImmutableArray<KeyValue?> Elements { get; }

    public static KeyValue Key(KeyOrigin origin) => new(KeyValueKind.Key, ImmutableHashSet.Create(origin), default);

    public static KeyValue Array(KeyOrigin origin) => new(KeyValueKind.Array, ImmutableHashSet.Create(origin), default);

    public static KeyValue Tuple(ImmutableArray<KeyValue?> elements) => new(KeyValueKind.Tuple, ImmutableHashSet<KeyOrigin>.Empty, elements);

    /// <summary>The least upper bound: origins are united; values of different shapes are no longer tracked.</summary>
    public static KeyValue? Join(KeyValue? left, KeyValue? right)
    {
        if (left is null || right is null || left.Kind != right.Kind)
        {
            return null;
        }

        if (ReferenceEquals(left, right) || left.Equals(right))
        {
            return left;
        }

        if (left.Kind != KeyValueKind.Tuple)
        {
            return new KeyValue(left.Kind, left.Origins.Union(right.Origins), default);
        }

        if (left.Elements.Length != right.Elements.Length)
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<KeyValue?>(left.Elements.Length);
        for (var i = 0; i < left.Elements.Length; i++)
        {
            builder.Add(Join(left.Elements[i], right.Elements[i]));
        }

        return Tuple(builder.MoveToImmutable());
    }

    public override bool Equals(object? obj)
    {
        if (ReferenceEquals(this, obj))
        {
            return true;
        }

        if (obj is not KeyValue other || other.Kind != Kind)
        {
            return false;
        }

        if (Kind != KeyValueKind.Tuple)
        {
            return Origins.SetEquals(other.Origins);
        }

        return Elements.Length == other.Elements.Length
            && Elements.Zip(other.Elements, (a, b) => a is null ? b is null : a.Equals(b)).All(x => x);
    }

    public override int GetHashCode() => Kind == KeyValueKind.Tuple ? Elements.Length : Origins.Count * 31 + (int)Kind;
}

/// <summary>The shape of a <see cref="KeyValue"/>.</summary>
internal enum KeyValueKind
{
    Key,
    Tuple,
    Array,
}
