using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>
/// The analysis state at one program point: what each slot (local, parameter, flow capture, constant-index
/// array element) holds, and the state of each key origin. Aliases are slots holding the same origin.
/// </summary>
internal sealed class FlowState
{
    private FlowState(Dictionary<object, KeyValue> slots, Dictionary<KeyOrigin, OriginState> origins)
    {
        Slots = slots;
        Origins = origins;
    }

    public Dictionary<object, KeyValue> Slots { get; }

    public Dictionary<KeyOrigin, OriginState> Origins { get; }

    public static FlowState Empty() => new(new Dictionary<object, KeyValue>(SlotComparer.Instance), new Dictionary<KeyOrigin, OriginState>());

    public FlowState Clone() => new(new Dictionary<object, KeyValue>(Slots, SlotComparer.Instance), new Dictionary<KeyOrigin, OriginState>(Origins));

    public OriginState Get(KeyOrigin origin) => Origins.TryGetValue(origin, out var state) ? state : OriginState.Fresh;

    public void Set(KeyOrigin origin, OriginState state)
    {
        if (state.Equals(OriginState.Fresh))
        {
            Origins.Remove(origin);
        }
        else
        {
            Origins[origin] = state;
        }
    }

    /// <summary>A key produced again by the same operation (next loop iteration) is a new, fresh key.</summary>
    public void ResetAnchor(object anchor)
    {
        List<KeyOrigin>? stale = null;
        foreach (var origin in Origins.Keys)
        {
            if (ReferenceEquals(origin.Anchor, anchor))
            {
                (stale ??= new List<KeyOrigin>()).Add(origin);
            }
        }

        if (stale is not null)
        {
            foreach (var origin in stale)
            {
                Origins.Remove(origin);
            }
        }

        List<object>? staleSlots = null;
        foreach (var slot in Slots.Keys)
        {
            if (slot is ElementSlot element && ReferenceEquals(element.Array.Anchor, anchor))
            {
                (staleSlots ??= new List<object>()).Add(slot);
            }
        }

        if (staleSlots is not null)
        {
            foreach (var slot in staleSlots)
            {
                Slots.Remove(slot);
            }
        }
    }

    /// <summary>
    /// The join of two states at <paramref name="site"/> (a block or region). A slot missing on one side takes its
    /// implicit value there (a parameter or captured variable holds its entry key; an own local not yet assigned
    /// contributes nothing). A slot whose key differs between the sides holds a join origin from here on (see
    /// <see cref="JoinAnchor"/>), whose state is the join of the states of what it held on each side.
    /// </summary>
    public static FlowState Join(FlowState left, FlowState right, Func<object, KeyValue?> implicitValue, object site)
    {
        var result = left.Clone();
        List<KeyValuePair<KeyOrigin, OriginState>>? joins = null;
        foreach (var pair in right.Slots)
        {
            if (result.Slots.TryGetValue(pair.Key, out var existing))
            {
                var joined = JoinValues(existing, pair.Value, left, right, site, pair.Key, 0, ref joins);
                if (joined is null)
                {
                    result.Slots.Remove(pair.Key);
                }
                else
                {
                    result.Slots[pair.Key] = joined;
                }
            }
            else
            {
                var implicitLeft = implicitValue(pair.Key);
                var joined = implicitLeft is null ? pair.Value : JoinValues(implicitLeft, pair.Value, left, right, site, pair.Key, 0, ref joins);
                if (joined is not null)
                {
                    result.Slots[pair.Key] = joined;
                }
            }
        }

        List<object>? onlyLeft = null;
        foreach (var pair in left.Slots)
        {
            if (!right.Slots.ContainsKey(pair.Key))
            {
                (onlyLeft ??= new List<object>()).Add(pair.Key);
            }
        }

        if (onlyLeft is not null)
        {
            foreach (var slot in onlyLeft)
            {
                var implicitRight = implicitValue(slot);
                if (implicitRight is not null)
                {
                    var joined = JoinValues(result.Slots[slot], implicitRight, left, right, site, slot, 0, ref joins);
                    if (joined is null)
                    {
                        result.Slots.Remove(slot);
                    }
                    else
                    {
                        result.Slots[slot] = joined;
                    }
                }
            }
        }

        // An origin no slot of one side can reach any more (the loop variable now holds a newer key) says nothing
        // on that side: it takes the other side's state instead of turning into "maybe consumed".
        var leftLive = LiveOrigins(left);
        var rightLive = LiveOrigins(right);
        result.Origins.Clear();
        foreach (var origin in Union(left.Origins.Keys, right.Origins.Keys))
        {
            var inLeft = IsLive(origin, left, leftLive, implicitValue);
            var inRight = IsLive(origin, right, rightLive, implicitValue);
            if (inLeft && inRight)
            {
                result.Set(origin, OriginState.Join(left.Get(origin), right.Get(origin)));
            }
            else if (inLeft)
            {
                result.Set(origin, left.Get(origin));
            }
            else if (inRight)
            {
                result.Set(origin, right.Get(origin));
            }
        }

        if (joins is not null)
        {
            foreach (var pair in joins)
            {
                result.Set(pair.Key, pair.Value);
            }
        }

        return result;
    }

    /// <summary>
    /// Joins one slot's values: equal values stay; two different keys become the slot's join origin at this site;
    /// tuples join element by element; arrays unite their origins; different shapes are no longer tracked.
    /// </summary>
    private static KeyValue? JoinValues(KeyValue left, KeyValue right, FlowState leftState, FlowState rightState, object site, object slot, int path, ref List<KeyValuePair<KeyOrigin, OriginState>>? joins)
    {
        if (ReferenceEquals(left, right) || left.Equals(right))
        {
            return left;
        }

        if (left.Kind != right.Kind)
        {
            return null;
        }

        switch (left.Kind)
        {
            case KeyValueKind.Key:
            {
                var members = ImmutableHashSet.CreateBuilder<KeyOrigin>();
                var isDefault = true;
                var tracksReuse = true;
                var state = SideState(left, leftState, members, ref isDefault, ref tracksReuse);
                state = OriginState.Join(state, SideState(right, rightState, members, ref isDefault, ref tracksReuse));
                var origin = new KeyOrigin(new JoinAnchor(site, slot, path), isDefault: isDefault, tracksReuse: tracksReuse);
                members.Remove(origin);
                (joins ??= new List<KeyValuePair<KeyOrigin, OriginState>>()).Add(new KeyValuePair<KeyOrigin, OriginState>(origin, state.WithMembers(members.ToImmutable())));
                return KeyValue.Key(origin);
            }

            case KeyValueKind.Tuple:
            {
                if (left.Elements.Length != right.Elements.Length)
                {
                    return null;
                }

                var builder = ImmutableArray.CreateBuilder<KeyValue?>(left.Elements.Length);
                for (var i = 0; i < left.Elements.Length; i++)
                {
                    var l = left.Elements[i];
                    var r = right.Elements[i];
                    builder.Add(l is null || r is null ? null : JoinValues(l, r, leftState, rightState, site, slot, (path * 16) + i + 1, ref joins));
                }

                return KeyValue.Tuple(builder.MoveToImmutable());
            }

            default:
                return KeyValue.Join(left, right);
        }
    }

    /// <summary>The state of a key value on one side of a join (the join of its origins' states), collecting what it may be.</summary>
    private static OriginState SideState(KeyValue value, FlowState state, ImmutableHashSet<KeyOrigin>.Builder members, ref bool isDefault, ref bool tracksReuse)
    {
        OriginState? result = null;
        foreach (var origin in value.Origins)
        {
            var originState = state.Get(origin);
            result = result is null ? originState : OriginState.Join(result, originState);
            isDefault &= origin.IsDefault;
            tracksReuse &= origin.TracksReuse;
            if (originState.Members.IsEmpty)
            {
                members.Add(origin);
            }
            else
            {
                members.UnionWith(originState.Members);
            }
        }

        return result ?? OriginState.Fresh;
    }

    private static IEnumerable<KeyOrigin> Union(IEnumerable<KeyOrigin> left, IEnumerable<KeyOrigin> right)
    {
        var seen = new HashSet<KeyOrigin>();
        foreach (var origin in left)
        {
            if (seen.Add(origin))
            {
                yield return origin;
            }
        }

        foreach (var origin in right)
        {
            if (seen.Add(origin))
            {
                yield return origin;
            }
        }
    }

    /// <summary>
    /// The origins some slot can still reach: held in a slot's value (tuple elements included), or the array behind
    /// a constant-index element slot. Liveness is per origin, not per producing operation: after
    /// <c>(key, var other) = key.Split()</c>, <c>other</c> keeps the second half alive, not the first.
    /// </summary>
    private static HashSet<KeyOrigin> LiveOrigins(FlowState state)
    {
        var origins = new HashSet<KeyOrigin>();
        foreach (var pair in state.Slots)
        {
            if (pair.Key is ElementSlot element)
            {
                origins.Add(element.Array);
            }

            AddOrigins(pair.Value, origins);
        }

        return origins;
    }

    private static void AddOrigins(KeyValue? value, HashSet<KeyOrigin> origins)
    {
        if (value is null)
        {
            return;
        }

        origins.UnionWith(value.Origins);
        if (value.Kind == KeyValueKind.Tuple)
        {
            foreach (var element in value.Elements)
            {
                AddOrigins(element, origins);
            }
        }
    }

    /// <summary>An element origin of an array lives as long as its array does.</summary>
    private static bool IsLive(KeyOrigin origin, FlowState state, HashSet<KeyOrigin> liveOrigins, Func<object, KeyValue?> implicitValue) =>
        liveOrigins.Contains(origin)
        || (origin.Index != KeyOrigin.Whole && liveOrigins.Contains(new KeyOrigin(origin.Anchor)))
        || (origin.Anchor is ISymbol symbol && !state.Slots.ContainsKey(symbol) && implicitValue(symbol) is not null);

    public bool StateEquals(FlowState other)
    {
        if (Slots.Count != other.Slots.Count || Origins.Count != other.Origins.Count)
        {
            return false;
        }

        foreach (var pair in Slots)
        {
            if (!other.Slots.TryGetValue(pair.Key, out var value) || !value.Equals(pair.Value))
            {
                return false;
            }
        }

        foreach (var pair in Origins)
        {
            if (!other.Origins.TryGetValue(pair.Key, out var value) || !value.Equals(pair.Value))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A constant-index element of a tracked key array.</summary>
internal sealed class ElementSlot : IEquatable<ElementSlot>
{
    public ElementSlot(KeyOrigin array, int index)
    {
        Array = array;
        Index = index;
    }

    public KeyOrigin Array { get; }

    public int Index { get; }

    public bool Equals(ElementSlot? other) => other is not null && Index == other.Index && Array.Equals(other.Array);

    public override bool Equals(object? obj) => Equals(obj as ElementSlot);

    public override int GetHashCode() => unchecked(Array.GetHashCode() * 31 + Index);
}

/// <summary>Compares slots: symbols by <see cref="SymbolEqualityComparer.Default"/>, everything else by value.</summary>
internal sealed class SlotComparer : IEqualityComparer<object>
{
    public static readonly SlotComparer Instance = new();

    public new bool Equals(object? x, object? y) =>
        x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

    public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
}
