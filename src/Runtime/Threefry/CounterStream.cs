using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace RandomPurity;

/// <summary>
/// The counter streams behind <c>jax.random.bits</c> (<c>jax/_src/random/prng.py::threefry_random_bits</c>) in both
/// modes. The <c>NoInlining</c> kernels are the only loops over the block function; a vectorised implementation
/// replaces their bodies per width and keeps their contracts.
/// </summary>
internal static class CounterStream
{
    /// <summary>Scratch length for range requests in the original mode (stack-allocated words).</summary>
    private const int ScratchWords = 256;

    // ---- Kernels --------------------------------------------------------------------------------------------
    // Each runs at SimdWidth.Current: ThreefryLanes on 512-, 256- or 128-bit vectors, or the scalar loops below,
    // with identical bits (CounterStreamWidthTests).

    /// <summary>Partitionable 32-bit stream: <c>destination[i] = a ^ b</c> of the block at 64-bit counter <c>counter + i</c> (hi word, lo word).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void PartitionableXor(uint k0, uint k1, ulong counter, Span<uint> destination)
    {
#if NET8_0_OR_GREATER
        switch (SimdWidth.Current)
        {
            case 512: VectorCounterStream.PartitionableXor<Word512, Vector512<uint>>(k0, k1, counter, destination); return;
            case 256: VectorCounterStream.PartitionableXor<Word256, Vector256<uint>>(k0, k1, counter, destination); return;
            case 128: VectorCounterStream.PartitionableXor<Word128, Vector128<uint>>(k0, k1, counter, destination); return;
        }
#endif
        ScalarXor(k0, k1, counter, destination);
    }

    /// <summary>Partitionable 64-bit stream (and partitionable split): <c>destination[i] = (a &lt;&lt; 32) | b</c> at counter <c>counter + i</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void PartitionableConcat(uint k0, uint k1, ulong counter, Span<ulong> destination)
    {
#if NET8_0_OR_GREATER
        switch (SimdWidth.Current)
        {
            case 512: VectorCounterStream.PartitionableConcat<Word512, Vector512<uint>>(k0, k1, counter, destination); return;
            case 256: VectorCounterStream.PartitionableConcat<Word256, Vector256<uint>>(k0, k1, counter, destination); return;
            case 128: VectorCounterStream.PartitionableConcat<Word128, Vector128<uint>>(k0, k1, counter, destination); return;
        }
#endif
        ScalarConcat(k0, k1, counter, destination);
    }

    /// <summary>
    /// Partitionable float64 uniforms at counter <c>counter + i</c> with the transform fused into the vector kernel's
    /// store (the bits are never written): <see cref="UniformSampling.FromBits(Span{double}, double, double)"/> of
    /// <see cref="PartitionableConcat"/>, bit for bit, for a finite <paramref name="range"/>. Returns false, doing nothing,
    /// at the scalar width.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static bool TryPartitionableUniform(uint k0, uint k1, ulong counter, Span<double> destination, double minValue, double range)
    {
#if NET8_0_OR_GREATER
        Span<ulong> words = MemoryMarshal.Cast<double, ulong>(destination);
        switch (SimdWidth.Current)
        {
            case 512:
                VectorCounterStream.PartitionableConcat<Word512, Vector512<uint>, UniformDouble512>(k0, k1, counter, words, new(minValue, range));
                return true;
            case 256:
                VectorCounterStream.PartitionableConcat<Word256, Vector256<uint>, UniformDouble256>(k0, k1, counter, words, new(minValue, range));
                return true;
            case 128:
                VectorCounterStream.PartitionableConcat<Word128, Vector128<uint>, UniformDouble128>(k0, k1, counter, words, new(minValue, range));
                return true;
        }
#endif
        return false;
    }

    /// <summary>
    /// Original-mode blocks over two counter runs: block i hashes <c>(x0 + i, x1 + i)</c> and writes its outputs to
    /// <c>first[i]</c> and <c>second[i]</c> (<c>threefry_2x32</c> of <c>iota(n)</c> is this with x0 = 0, x1 = n/2 rounded up).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void LegacyBlocks(uint k0, uint k1, uint x0, uint x1, Span<uint> first, Span<uint> second)
    {
        if (second.Length != first.Length)
        {
            throw new ArgumentException("Both output runs must have the same length.", nameof(second));
        }

#if NET8_0_OR_GREATER
        switch (SimdWidth.Current)
        {
            case 512: VectorCounterStream.LegacyBlocks<Word512, Vector512<uint>>(k0, k1, x0, x1, first, second); return;
            case 256: VectorCounterStream.LegacyBlocks<Word256, Vector256<uint>>(k0, k1, x0, x1, first, second); return;
            case 128: VectorCounterStream.LegacyBlocks<Word128, Vector128<uint>>(k0, k1, x0, x1, first, second); return;
        }
#endif
        ScalarBlocks(k0, k1, x0, x1, first, second);
    }

    /// <summary>Original-mode 64-bit stream: <c>destination[i] = (y0 &lt;&lt; 32) | y1</c> of the block at <c>(x0 + i, x1 + i)</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void LegacyConcat(uint k0, uint k1, uint x0, uint x1, Span<ulong> destination)
    {
#if NET8_0_OR_GREATER
        switch (SimdWidth.Current)
        {
            case 512: VectorCounterStream.LegacyConcat<Word512, Vector512<uint>>(k0, k1, x0, x1, destination); return;
            case 256: VectorCounterStream.LegacyConcat<Word256, Vector256<uint>>(k0, k1, x0, x1, destination); return;
            case 128: VectorCounterStream.LegacyConcat<Word128, Vector128<uint>>(k0, k1, x0, x1, destination); return;
        }
#endif
        ScalarLegacyConcat(k0, k1, x0, x1, destination);
    }

    // ---- Scalar loops: the reference the vector kernels are tested against, and their short remainders ----------

    [MethodImpl(HotLoop.Options)]
    internal static void ScalarXor(uint k0, uint k1, ulong counter, Span<uint> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            ulong c = unchecked(counter + (ulong)i);
            Threefry2x32.Hash(k0, k1, (uint)(c >> 32), unchecked((uint)c), out uint a, out uint b);
            destination[i] = a ^ b;
        }
    }

    [MethodImpl(HotLoop.Options)]
    internal static void ScalarConcat(uint k0, uint k1, ulong counter, Span<ulong> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            ulong c = unchecked(counter + (ulong)i);
            Threefry2x32.Hash(k0, k1, (uint)(c >> 32), unchecked((uint)c), out uint a, out uint b);
            destination[i] = ((ulong)a << 32) | b;
        }
    }

    [MethodImpl(HotLoop.Options)]
    internal static void ScalarBlocks(uint k0, uint k1, uint x0, uint x1, Span<uint> first, Span<uint> second)
    {
        for (int i = 0; i < first.Length; i++)
        {
            Threefry2x32.Hash(k0, k1, unchecked(x0 + (uint)i), unchecked(x1 + (uint)i), out uint a, out uint b);
            first[i] = a;
            second[i] = b;
        }
    }

    [MethodImpl(HotLoop.Options)]
    internal static void ScalarLegacyConcat(uint k0, uint k1, uint x0, uint x1, Span<ulong> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            Threefry2x32.Hash(k0, k1, unchecked(x0 + (uint)i), unchecked(x1 + (uint)i), out uint a, out uint b);
            destination[i] = ((ulong)a << 32) | b;
        }
    }

    // ---- Streams --------------------------------------------------------------------------------------------

    /// <summary>Element 0 of <c>bits(key, (1,), uint32)</c> (= shape ()): counter (0, 0) in both modes; the original mode pads iota(1) to (0, 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Scalar32(PrngKey key)
    {
        Threefry2x32.Hash(key.Word0, key.Word1, 0, 0, out uint a, out uint b);
        return key.Impl == PrngImpl.Threefry2x32Legacy ? a : a ^ b;
    }

    /// <summary>Element 0 of <c>bits(key, (1,), uint64)</c>: counter (0, 0) when partitionable; the original mode draws iota(2), the pair (0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Scalar64(PrngKey key)
    {
        uint x1 = key.Impl == PrngImpl.Threefry2x32Legacy ? 1u : 0u;
        Threefry2x32.Hash(key.Word0, key.Word1, 0, x1, out uint a, out uint b);
        return ((ulong)a << 32) | b;
    }

    /// <summary>
    /// Elements <c>[start, start + destination.Length)</c> of <c>bits(key, (total,), uint32)</c>. In the original mode an
    /// element's value depends on <paramref name="total"/> (section 3 of jax-prng.md); requesting the whole range at once
    /// hashes each block once, a partial range hashes the blocks it needs.
    /// </summary>
    internal static void Words32(PrngKey key, long total, long start, Span<uint> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        if (key.Impl != PrngImpl.Threefry2x32Legacy)
        {
            PartitionableXor(key.Word0, key.Word1, (ulong)start, destination);
            return;
        }

        LegacyWords(key.Word0, key.Word1, total, start, destination);
    }

    /// <summary>Elements <c>[start, start + destination.Length)</c> of <c>bits(key, (total,), uint64)</c> (x64).</summary>
    internal static void Words64(PrngKey key, long total, long start, Span<ulong> destination)
    {
        if (key.Impl != PrngImpl.Threefry2x32Legacy)
        {
            PartitionableConcat(key.Word0, key.Word1, (ulong)start, destination);
            return;
        }

        // 2n words, so no padding: element i is (Y0 << 32) | Y1 of the pair (i, n + i).
        LegacyConcat(key.Word0, key.Word1, (uint)start, (uint)(total + start), destination);
    }

    private static void LegacyWords(uint k0, uint k1, long total, long start, Span<uint> destination)
    {
        // threefry_2x32(key, iota(total)): pad one zero for odd totals, pair word j with word j + half.
        long half = (total + 1) / 2;
        long pairs = total / 2;                 // blocks whose second counter is a real word
        bool padded = (total & 1) != 0;         // block half-1 hashes (half-1, 0); its second output is dropped
        long end = start + destination.Length;

        if (start == 0 && end == total)
        {
            LegacyBlocks(k0, k1, 0, (uint)half, destination.Slice(0, (int)pairs), destination.Slice((int)half, (int)pairs));
            if (padded)
            {
                Threefry2x32.Hash(k0, k1, (uint)(half - 1), 0, out uint a, out _);
                destination[(int)(half - 1)] = a;
            }

            return;
        }

        Span<uint> scratch = stackalloc uint[ScratchWords];

        // First outputs: elements [start, min(end, pairs)) are Y0 of blocks with the same index.
        for (long j = start; j < Math.Min(end, pairs);)
        {
            int n = (int)Math.Min(ScratchWords, Math.Min(end, pairs) - j);
            LegacyBlocks(k0, k1, (uint)j, (uint)(j + half), destination.Slice((int)(j - start), n), scratch.Slice(0, n));
            j += n;
        }

        if (padded && start <= half - 1 && half - 1 < end)
        {
            Threefry2x32.Hash(k0, k1, (uint)(half - 1), 0, out uint a, out _);
            destination[(int)(half - 1 - start)] = a;
        }

        // Second outputs: elements [max(start, half), end) are Y1 of block element - half.
        for (long j = Math.Max(start, half); j < end;)
        {
            int n = (int)Math.Min(ScratchWords, end - j);
            LegacyBlocks(k0, k1, (uint)(j - half), (uint)j, scratch.Slice(0, n), destination.Slice((int)(j - start), n));
            j += n;
        }
    }
}
