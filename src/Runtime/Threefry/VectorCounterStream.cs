#if NET8_0_OR_GREATER
using System;

namespace RandomPurity;

/// <summary>
/// The <see cref="ThreefryLanes"/> kernels over any length: whole groups of <c>4 * Count</c> blocks go to the kernel
/// directly, a remainder of a few blocks to the scalar loops, a longer one through one more group in a scratch
/// buffer (cheaper than that many blocks one dependency chain at a time).
/// </summary>
internal static class VectorCounterStream
{
    /// <summary>The largest group: 4 vectors of 16 lanes.</summary>
    internal const int MaxGroup = 64;

    /// <summary>Remainders shorter than this run scalar.</summary>
    private const int MinVectorTail = 4;

    internal static void PartitionableXor<TOps, TVec>(uint k0, uint k1, ulong counter, Span<uint> destination)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        int group = 4 * TOps.Count;
        int full = destination.Length - (destination.Length % group);
        int rest = destination.Length - full;
        ThreefryLanes.PartitionableXor<TOps, TVec>(k0, k1, counter, destination.Slice(0, full));
        ulong restCounter = unchecked(counter + (ulong)full);
        if (rest < MinVectorTail)
        {
            CounterStream.ScalarXor(k0, k1, restCounter, destination.Slice(full));
        }
        else
        {
            Span<uint> scratch = stackalloc uint[MaxGroup];
            ThreefryLanes.PartitionableXor<TOps, TVec>(k0, k1, restCounter, scratch.Slice(0, group));
            scratch.Slice(0, rest).CopyTo(destination.Slice(full));
        }
    }

    internal static void PartitionableConcat<TOps, TVec>(uint k0, uint k1, ulong counter, Span<ulong> destination)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct =>
        PartitionableConcat<TOps, TVec, ConcatStore<TOps, TVec>>(k0, k1, counter, destination, default);

    /// <summary>
    /// The partitionable 64-bit stream through <paramref name="store"/>; a short remainder runs scalar only for the raw
    /// words (a fused transform has no scalar twin here, so its remainder goes through one more group in scratch).
    /// </summary>
    internal static void PartitionableConcat<TOps, TVec, TStore>(uint k0, uint k1, ulong counter, Span<ulong> destination, TStore store)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
        where TStore : struct, IPairStore<TVec>
    {
        int group = 4 * TOps.Count;
        int full = destination.Length - (destination.Length % group);
        int rest = destination.Length - full;
        if (full > 0)
        {
            ThreefryLanes.PartitionableConcat<TOps, TVec, TStore>(k0, k1, counter, destination.Slice(0, full), store);
        }

        ulong restCounter = unchecked(counter + (ulong)full);
        if (rest == 0)
        {
            return;
        }

        if (rest < MinVectorTail && typeof(TStore) == typeof(ConcatStore<TOps, TVec>))
        {
            CounterStream.ScalarConcat(k0, k1, restCounter, destination.Slice(full));
        }
        else
        {
            Span<ulong> scratch = stackalloc ulong[MaxGroup];
            ThreefryLanes.PartitionableConcat<TOps, TVec, TStore>(k0, k1, restCounter, scratch.Slice(0, group), store);
            scratch.Slice(0, rest).CopyTo(destination.Slice(full));
        }
    }

    internal static void LegacyBlocks<TOps, TVec>(uint k0, uint k1, uint x0, uint x1, Span<uint> first, Span<uint> second)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        int group = 4 * TOps.Count;
        int full = first.Length - (first.Length % group);
        int rest = first.Length - full;
        ThreefryLanes.LegacyBlocks<TOps, TVec>(k0, k1, x0, x1, first.Slice(0, full), second.Slice(0, full));
        uint r0 = unchecked(x0 + (uint)full), r1 = unchecked(x1 + (uint)full);
        if (rest < MinVectorTail)
        {
            CounterStream.ScalarBlocks(k0, k1, r0, r1, first.Slice(full), second.Slice(full));
        }
        else
        {
            Span<uint> scratch = stackalloc uint[2 * MaxGroup];
            ThreefryLanes.LegacyBlocks<TOps, TVec>(k0, k1, r0, r1, scratch.Slice(0, group), scratch.Slice(MaxGroup, group));
            scratch.Slice(0, rest).CopyTo(first.Slice(full));
            scratch.Slice(MaxGroup, rest).CopyTo(second.Slice(full));
        }
    }

    internal static void LegacyConcat<TOps, TVec>(uint k0, uint k1, uint x0, uint x1, Span<ulong> destination)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        int group = 4 * TOps.Count;
        int full = destination.Length - (destination.Length % group);
        int rest = destination.Length - full;
        ThreefryLanes.LegacyConcat<TOps, TVec>(k0, k1, x0, x1, destination.Slice(0, full));
        uint r0 = unchecked(x0 + (uint)full), r1 = unchecked(x1 + (uint)full);
        if (rest < MinVectorTail)
        {
            CounterStream.ScalarLegacyConcat(k0, k1, r0, r1, destination.Slice(full));
        }
        else
        {
            Span<ulong> scratch = stackalloc ulong[MaxGroup];
            ThreefryLanes.LegacyConcat<TOps, TVec>(k0, k1, r0, r1, scratch.Slice(0, group));
            scratch.Slice(0, rest).CopyTo(destination.Slice(full));
        }
    }

    internal static void FoldIn<TOps, TVec>(uint k0, uint k1, ReadOnlySpan<uint> data, Span<uint> first, Span<uint> second)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        int group = 4 * TOps.Count;
        int full = data.Length - (data.Length % group);
        int rest = data.Length - full;
        ThreefryLanes.FoldIn<TOps, TVec>(k0, k1, data.Slice(0, full), first.Slice(0, full), second.Slice(0, full));
        if (rest < MinVectorTail)
        {
            BatchStream.ScalarFoldIn(k0, k1, data.Slice(full), first.Slice(full), second.Slice(full));
        }
        else
        {
            Span<uint> scratch = stackalloc uint[3 * MaxGroup];
            Span<uint> input = scratch.Slice(0, group);
            input.Clear();
            data.Slice(full).CopyTo(input);
            ThreefryLanes.FoldIn<TOps, TVec>(k0, k1, input, scratch.Slice(MaxGroup, group), scratch.Slice(2 * MaxGroup, group));
            scratch.Slice(MaxGroup, rest).CopyTo(first.Slice(full));
            scratch.Slice(2 * MaxGroup, rest).CopyTo(second.Slice(full));
        }
    }

    internal static void Keyed<TOps, TVec>(
        ReadOnlySpan<uint> keys0, ReadOnlySpan<uint> keys1, uint x0, ReadOnlySpan<uint> counters, Span<uint> first, Span<uint> second)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        int group = 4 * TOps.Count;
        int full = keys0.Length - (keys0.Length % group);
        int rest = keys0.Length - full;
        ThreefryLanes.Keyed<TOps, TVec>(
            keys0.Slice(0, full), keys1.Slice(0, full), x0, counters.Slice(0, full), first.Slice(0, full), second.Slice(0, full));
        if (rest < MinVectorTail)
        {
            BatchStream.ScalarKeyed(keys0.Slice(full), keys1.Slice(full), x0, counters.Slice(full), first.Slice(full), second.Slice(full));
        }
        else
        {
            Span<uint> scratch = stackalloc uint[5 * MaxGroup];
            scratch.Slice(0, 3 * MaxGroup).Clear();
            keys0.Slice(full).CopyTo(scratch);
            keys1.Slice(full).CopyTo(scratch.Slice(MaxGroup));
            counters.Slice(full).CopyTo(scratch.Slice(2 * MaxGroup));
            ThreefryLanes.Keyed<TOps, TVec>(
                scratch.Slice(0, group), scratch.Slice(MaxGroup, group), x0, scratch.Slice(2 * MaxGroup, group),
                scratch.Slice(3 * MaxGroup, group), scratch.Slice(4 * MaxGroup, group));
            scratch.Slice(3 * MaxGroup, rest).CopyTo(first.Slice(full));
            scratch.Slice(4 * MaxGroup, rest).CopyTo(second.Slice(full));
        }
    }
}
#endif
