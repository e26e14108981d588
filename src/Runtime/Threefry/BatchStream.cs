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

    /// <summary><c>(first[i], second[i])</c> = the block (0, counters[i]) under the key (keys0[i], keys1[i]).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Keyed(ReadOnlySpan<uint> keys0, ReadOnlySpan<uint> keys1, ReadOnlySpan<uint> counters, Span<uint> first, Span<uint> second)
    {
#if NET8_0_OR_GREATER
        switch (SimdWidth.Current)
        {
            case 512: VectorCounterStream.Keyed<Word512, Vector512<uint>>(keys0, keys1, counters, first, second); return;
            case 256: VectorCounterStream.Keyed<Word256, Vector256<uint>>(keys0, keys1, counters, first, second); return;
            case 128: VectorCounterStream.Keyed<Word128, Vector128<uint>>(keys0, keys1, counters, first, second); return;
        }
#endif
        ScalarKeyed(keys0, keys1, counters, first, second);
    }

    /// <summary><c>destination[i] = key.FoldIn(start + i).Bits32()</c> (uint32 data wraps, as JAX's does).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void FoldInBits32(uint k0, uint k1, uint start, bool legacy, Span<uint> destination)
    {
#if NET8_0_OR_GREATER
        switch (SimdWidth.Current)
        {
            case 512: VectorCounterStream.FoldInBits32<Word512, Vector512<uint>>(k0, k1, start, legacy, destination); return;
            case 256: VectorCounterStream.FoldInBits32<Word256, Vector256<uint>>(k0, k1, start, legacy, destination); return;
            case 128: VectorCounterStream.FoldInBits32<Word128, Vector128<uint>>(k0, k1, start, legacy, destination); return;
        }
#endif
        ScalarFoldInBits32(k0, k1, start, legacy, destination);
    }

    /// <summary><c>destination[i] = key.FoldIn(start + i).Bits64()</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void FoldInBits64(uint k0, uint k1, uint start, bool legacy, Span<ulong> destination)
    {
#if NET8_0_OR_GREATER
        switch (SimdWidth.Current)
        {
            case 512: VectorCounterStream.FoldInBits64<Word512, Vector512<uint>>(k0, k1, start, legacy, destination); return;
            case 256: VectorCounterStream.FoldInBits64<Word256, Vector256<uint>>(k0, k1, start, legacy, destination); return;
            case 128: VectorCounterStream.FoldInBits64<Word128, Vector128<uint>>(k0, k1, start, legacy, destination); return;
        }
#endif
        ScalarFoldInBits64(k0, k1, start, legacy, destination);
    }

    // ---- Scalar loops -------------------------------------------------------------------------------------------

    internal static void ScalarFoldIn(uint k0, uint k1, ReadOnlySpan<uint> data, Span<uint> first, Span<uint> second)
    {
        for (int i = 0; i < data.Length; i++)
        {
            Threefry2x32.Hash(k0, k1, 0, data[i], out uint a, out uint b);
            first[i] = a;
            second[i] = b;
        }
    }

    internal static void ScalarKeyed(ReadOnlySpan<uint> keys0, ReadOnlySpan<uint> keys1, ReadOnlySpan<uint> counters, Span<uint> first, Span<uint> second)
    {
        for (int i = 0; i < keys0.Length; i++)
        {
            Threefry2x32.Hash(keys0[i], keys1[i], 0, counters[i], out uint a, out uint b);
            first[i] = a;
            second[i] = b;
        }
    }

    internal static void ScalarFoldInBits32(uint k0, uint k1, uint start, bool legacy, Span<uint> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            Threefry2x32.Hash(k0, k1, 0, unchecked(start + (uint)i), out uint a, out uint b);
            Threefry2x32.Hash(a, b, 0, 0, out uint c, out uint d);
            destination[i] = legacy ? c : c ^ d;
        }
    }

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
