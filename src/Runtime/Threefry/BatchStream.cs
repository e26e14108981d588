using System;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace RandomPurity;

/// <summary>
/// Kernels across keys rather than along one key's counter stream (JAX's <c>vmap</c> over keys): fold_in of many data
/// values, one block under each of many keys, and the fused <c>key.FoldIn(start + i)</c> draw. Same dispatch as
/// <see cref="CounterStream"/>.
/// </summary>
internal static class BatchStream
{
    /// <summary><c>(first[i], second[i]) = fold_in(key, data[i])</c>, the block (0, data[i]).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void FoldIn(uint k0, uint k1, ReadOnlySpan<uint> data, Span<uint> first, Span<uint> second)
    {
#if NET8_0_OR_GREATER
        switch (SimdWidth.Current)
        {
            case 512: VectorCounterStream.FoldIn<Word512, Vector512<uint>>(k0, k1, data, first, second); return;
            case 256: VectorCounterStream.FoldIn<Word256, Vector256<uint>>(k0, k1, data, first, second); return;
            case 128: VectorCounterStream.FoldIn<Word128, Vector128<uint>>(k0, k1, data, first, second); return;
        }
#endif
        ScalarFoldIn(k0, k1, data, first, second);
    }

    /// <summary><c>(first[i], second[i])</c> = the block (x0, counters[i]) under the key (keys0[i], keys1[i]).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Keyed(
        ReadOnlySpan<uint> keys0, ReadOnlySpan<uint> keys1, uint x0, ReadOnlySpan<uint> counters, Span<uint> first, Span<uint> second)
    {
#if NET8_0_OR_GREATER
        switch (SimdWidth.Current)
        {
            case 512: VectorCounterStream.Keyed<Word512, Vector512<uint>>(keys0, keys1, x0, counters, first, second); return;
            case 256: VectorCounterStream.Keyed<Word256, Vector256<uint>>(keys0, keys1, x0, counters, first, second); return;
            case 128: VectorCounterStream.Keyed<Word128, Vector128<uint>>(keys0, keys1, x0, counters, first, second); return;
        }
#endif
        ScalarKeyed(keys0, keys1, x0, counters, first, second);
    }

    /// <summary>
    /// <c>destination[i] = key.FoldIn(start + i).Bits32()</c> (uint32 data wraps, as JAX's does): per chunk, the fold-in
    /// blocks, then one draw block per folded key, both through the vector kernels. Two kernels over an L1-sized chunk
    /// rather than one fused kernel: two round schedules in one method exhaust the JIT's inlining budget (the helpers
    /// stay calls and the state spills), which made the fused form four times slower.
    /// </summary>
    [MethodImpl(HotLoop.Options)]
    internal static void FoldInBits32(uint k0, uint k1, uint start, bool legacy, Span<uint> destination)
    {
        if (SimdWidth.Current == SimdWidth.Scalar)
        {
            ScalarFoldInBits32(k0, k1, start, legacy, destination);
            return;
        }

        Span<uint> scratch = stackalloc uint[4 * Chunk];
        Span<uint> data = scratch.Slice(0, Chunk), keys0 = scratch.Slice(Chunk, Chunk), keys1 = scratch.Slice(2 * Chunk, Chunk);
        Span<uint> second = scratch.Slice(3 * Chunk, Chunk);
        for (int offset = 0; offset < destination.Length; offset += Chunk)
        {
            int length = Math.Min(Chunk, destination.Length - offset);
            Span<uint> output = destination.Slice(offset, length);
            FoldInChunk(k0, k1, unchecked(start + (uint)offset), data.Slice(0, length), keys0, keys1);

            // The draw block (0, 0): the counters are the zero words of 'data'.
            data.Clear();
            Keyed(keys0.Slice(0, length), keys1.Slice(0, length), 0, data.Slice(0, length), output, second);
            if (!legacy)
            {
                for (int i = 0; i < output.Length; i++)
                {
                    output[i] ^= second[i];
                }
            }
        }
    }

    /// <summary><c>destination[i] = key.FoldIn(start + i).Bits64()</c>: draw block (0, 0), or (0, 1) for legacy keys.</summary>
    [MethodImpl(HotLoop.Options)]
    internal static void FoldInBits64(uint k0, uint k1, uint start, bool legacy, Span<ulong> destination)
    {
        if (SimdWidth.Current == SimdWidth.Scalar)
        {
            ScalarFoldInBits64(k0, k1, start, legacy, destination);
            return;
        }

        Span<uint> scratch = stackalloc uint[5 * Chunk];
        Span<uint> data = scratch.Slice(0, Chunk), keys0 = scratch.Slice(Chunk, Chunk), keys1 = scratch.Slice(2 * Chunk, Chunk);
        Span<uint> first = scratch.Slice(3 * Chunk, Chunk), second = scratch.Slice(4 * Chunk, Chunk);
        for (int offset = 0; offset < destination.Length; offset += Chunk)
        {
            int length = Math.Min(Chunk, destination.Length - offset);
            FoldInChunk(k0, k1, unchecked(start + (uint)offset), data.Slice(0, length), keys0, keys1);
            data.Fill(legacy ? 1u : 0u);
            Keyed(keys0.Slice(0, length), keys1.Slice(0, length), 0, data.Slice(0, length), first, second);
            for (int i = 0; i < length; i++)
            {
                destination[offset + i] = ((ulong)first[i] << 32) | second[i];
            }
        }
    }

    private const int Chunk = 512;

    [MethodImpl(HotLoop.Options)]
    private static void FoldInChunk(uint k0, uint k1, uint start, Span<uint> data, Span<uint> keys0, Span<uint> keys1)
    {
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = unchecked(start + (uint)i);
        }

        FoldIn(k0, k1, data, keys0, keys1);
    }

    // ---- Scalar loops -------------------------------------------------------------------------------------------

    [MethodImpl(HotLoop.Options)]
    internal static void ScalarFoldIn(uint k0, uint k1, ReadOnlySpan<uint> data, Span<uint> first, Span<uint> second)
    {
        for (int i = 0; i < data.Length; i++)
        {
            Threefry2x32.Hash(k0, k1, 0, data[i], out uint a, out uint b);
            first[i] = a;
            second[i] = b;
        }
    }

    [MethodImpl(HotLoop.Options)]
    internal static void ScalarKeyed(
        ReadOnlySpan<uint> keys0, ReadOnlySpan<uint> keys1, uint x0, ReadOnlySpan<uint> counters, Span<uint> first, Span<uint> second)
    {
        for (int i = 0; i < keys0.Length; i++)
        {
            Threefry2x32.Hash(keys0[i], keys1[i], x0, counters[i], out uint a, out uint b);
            first[i] = a;
            second[i] = b;
        }
    }

    [MethodImpl(HotLoop.Options)]
    internal static void ScalarFoldInBits32(uint k0, uint k1, uint start, bool legacy, Span<uint> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            Threefry2x32.Hash(k0, k1, 0, unchecked(start + (uint)i), out uint a, out uint b);
            Threefry2x32.Hash(a, b, 0, 0, out uint c, out uint d);
            destination[i] = legacy ? c : c ^ d;
        }
    }

    [MethodImpl(HotLoop.Options)]
    internal static void ScalarFoldInBits64(uint k0, uint k1, uint start, bool legacy, Span<ulong> destination)
    {
        uint drawCounter = legacy ? 1u : 0u;
        for (int i = 0; i < destination.Length; i++)
        {
            Threefry2x32.Hash(k0, k1, 0, unchecked(start + (uint)i), out uint a, out uint b);
            Threefry2x32.Hash(a, b, 0, drawCounter, out uint c, out uint d);
            destination[i] = ((ulong)c << 32) | d;
        }
    }
}
