using System;
using System.Runtime.InteropServices;

namespace RandomPurity;

public readonly partial struct PrngKey
{
    // ---- Batched keys: jax.vmap over keys, vectorised across them -----------------------------------------------

    private const int BatchChunk = 256;

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>FoldIn(data[i])</c>: <c>jax.vmap(lambda d: fold_in(key, d))(data)</c>,
    /// vectorised across the data.
    /// </summary>
    /// <param name="data">The values to fold in.</param>
    /// <param name="destination">The keys; the same length as <paramref name="data"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public void FoldIn(ReadOnlySpan<uint> data, Span<PrngKey> destination)
    {
        CheckSameLength(data.Length, destination.Length, nameof(destination));
        Span<uint> first = stackalloc uint[BatchChunk];
        Span<uint> second = stackalloc uint[BatchChunk];
        for (int start = 0; start < data.Length; start += BatchChunk)
        {
            int length = Math.Min(BatchChunk, data.Length - start);
            BatchStream.FoldIn(_word0, _word1, data.Slice(start, length), first, second);
            for (int i = 0; i < length; i++)
            {
                destination[start + i] = new PrngKey(first[i], second[i], _impl);
            }
        }
    }

    /// <summary>
    /// <c>(first[i], second[i]) = keys[i].Split()</c> for every i: <c>jax.vmap(jax.random.split)(keys)</c>, vectorised
    /// across the keys (which may mix both modes). <paramref name="first"/> or <paramref name="second"/> may be
    /// <paramref name="keys"/> itself, so <c>Split(keys, keys, subkeys)</c> advances a batch of key chains in place.
    /// </summary>
    /// <param name="keys">The keys, each consumed.</param>
    /// <param name="first">The first key of each split; the same length as <paramref name="keys"/>.</param>
    /// <param name="second">The second key of each split; the same length as <paramref name="keys"/>.</param>
    /// <exception cref="ArgumentException">
    /// A length differs, <paramref name="first"/> and <paramref name="second"/> overlap, or one of them overlaps
    /// <paramref name="keys"/> other than as the same span.
    /// </exception>
    public static void Split(ReadOnlySpan<PrngKey> keys, Span<PrngKey> first, Span<PrngKey> second)
    {
        CheckSameLength(keys.Length, first.Length, nameof(first));
        CheckSameLength(keys.Length, second.Length, nameof(second));
        CheckInPlaceOrApart(keys, first, nameof(first));
        CheckInPlaceOrApart(keys, second, nameof(second));
        if (first.Overlaps(second))
        {
            throw new ArgumentException("The first and second keys must not share memory.", nameof(second));
        }

        Span<uint> scratch = stackalloc uint[7 * BatchChunk];
        Span<uint> keys0 = scratch.Slice(0, BatchChunk), keys1 = scratch.Slice(BatchChunk, BatchChunk);
        Span<uint> counters = scratch.Slice(2 * BatchChunk, BatchChunk);
        Span<uint> a0 = scratch.Slice(3 * BatchChunk, BatchChunk), a1 = scratch.Slice(4 * BatchChunk, BatchChunk);
        Span<uint> b0 = scratch.Slice(5 * BatchChunk, BatchChunk), b1 = scratch.Slice(6 * BatchChunk, BatchChunk);
        Span<bool> legacy = stackalloc bool[BatchChunk];
        for (int start = 0; start < keys.Length; start += BatchChunk)
        {
            // The chunk's keys are read before any of its results is written: in place is safe.
            int length = Math.Min(BatchChunk, keys.Length - start);
            bool anyLegacy = false, anyPartitionable = false;
            for (int i = 0; i < length; i++)
            {
                PrngKey key = keys[start + i];
                keys0[i] = key._word0;
                keys1[i] = key._word1;
                legacy[i] = key._impl == PrngImpl.Threefry2x32Legacy;
                anyLegacy |= legacy[i];
                anyPartitionable |= !legacy[i];
            }

            ReadOnlySpan<uint> k0 = keys0.Slice(0, length), k1 = keys1.Slice(0, length);
            Span<uint> count = counters.Slice(0, length);
            if (anyPartitionable)
            {
                // Partitionable: split(key)[j] is the block (0, j), both words.
                count.Fill(0);
                BatchStream.Keyed(k0, k1, 0, count, a0, a1);
                count.Fill(1);
                BatchStream.Keyed(k0, k1, 0, count, b0, b1);
                for (int i = 0; i < length; i++)
                {
                    if (!legacy[i])
                    {
                        first[start + i] = new PrngKey(a0[i], a1[i], PrngImpl.Threefry2x32);
                        second[start + i] = new PrngKey(b0[i], b1[i], PrngImpl.Threefry2x32);
                    }
                }
            }

            if (anyLegacy)
            {
                // Legacy: threefry_2x32(key, iota(4)) reshaped to (2, 2), i.e. the blocks (0, 2) and (1, 3); the first
                // key is their y0 words, the second their y1 words.
                count.Fill(2);
                BatchStream.Keyed(k0, k1, 0, count, a0, a1);
                count.Fill(3);
                BatchStream.Keyed(k0, k1, 1, count, b0, b1);
                for (int i = 0; i < length; i++)
                {
                    if (legacy[i])
                    {
                        first[start + i] = new PrngKey(a0[i], b0[i], PrngImpl.Threefry2x32Legacy);
                        second[start + i] = new PrngKey(a1[i], b1[i], PrngImpl.Threefry2x32Legacy);
                    }
                }
            }
        }
    }

    /// <summary>
    /// <c>keys[i].Bits32()</c> for every i: <c>jax.vmap(lambda k: bits(k, (), uint32))(keys)</c>, one threefry block per
    /// key, vectorised across the keys (which may mix both modes).
    /// </summary>
    /// <param name="keys">The keys, each consumed.</param>
    /// <param name="destination">The draws; the same length as <paramref name="keys"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Bits32(ReadOnlySpan<PrngKey> keys, Span<uint> destination)
    {
        CheckSameLength(keys.Length, destination.Length, nameof(destination));
        KeyedWords32(keys, destination);
    }

    /// <summary><c>keys[i].Bits64()</c> for every i (x64), vectorised across the keys.</summary>
    /// <param name="keys">The keys, each consumed.</param>
    /// <param name="destination">The draws; the same length as <paramref name="keys"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Bits64(ReadOnlySpan<PrngKey> keys, Span<ulong> destination)
    {
        CheckSameLength(keys.Length, destination.Length, nameof(destination));
        KeyedWords64(keys, destination);
    }

    /// <summary><c>keys[i].UniformSingle(minValue, maxValue)</c> for every i, vectorised across the keys.</summary>
    /// <param name="keys">The keys, each consumed.</param>
    /// <param name="destination">The draws; the same length as <paramref name="keys"/>.</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public static void UniformSingle(ReadOnlySpan<PrngKey> keys, Span<float> destination, float minValue = 0f, float maxValue = 1f)
    {
        CheckSameLength(keys.Length, destination.Length, nameof(destination));
        Argument.ThrowIfNotBounds(minValue, maxValue);
        KeyedWords32(keys, MemoryMarshal.Cast<float, uint>(destination));
        UniformSampling.FromBits(destination, minValue, maxValue);
    }

    /// <summary><c>keys[i].Uniform(minValue, maxValue)</c> for every i (x64), vectorised across the keys.</summary>
    /// <param name="keys">The keys, each consumed.</param>
    /// <param name="destination">The draws; the same length as <paramref name="keys"/>.</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public static void Uniform(ReadOnlySpan<PrngKey> keys, Span<double> destination, double minValue = 0d, double maxValue = 1d)
    {
        CheckSameLength(keys.Length, destination.Length, nameof(destination));
        Argument.ThrowIfNotBounds(minValue, maxValue);
        KeyedWords64(keys, MemoryMarshal.Cast<double, ulong>(destination));
        UniformSampling.FromBits(destination, minValue, maxValue);
    }

    /// <summary><c>keys[i].NormalSingle()</c> for every i, vectorised across the keys.</summary>
    /// <param name="keys">The keys, each consumed.</param>
    /// <param name="destination">The draws; the same length as <paramref name="keys"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void NormalSingle(ReadOnlySpan<PrngKey> keys, Span<float> destination)
    {
        CheckSameLength(keys.Length, destination.Length, nameof(destination));
        KeyedWords32(keys, MemoryMarshal.Cast<float, uint>(destination));
        NormalSampling.FromBits(destination);
    }

    /// <summary><c>keys[i].Normal()</c> for every i (x64), vectorised across the keys.</summary>
    /// <param name="keys">The keys, each consumed.</param>
    /// <param name="destination">The draws; the same length as <paramref name="keys"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Normal(ReadOnlySpan<PrngKey> keys, Span<double> destination)
    {
        CheckSameLength(keys.Length, destination.Length, nameof(destination));
        KeyedWords64(keys, MemoryMarshal.Cast<double, ulong>(destination));
        NormalSampling.FromBits(destination);
    }

    // ---- Fused fold-in and draw: destination[i] = key.FoldIn(firstData + i).Draw() ---------------------------------

    /// <summary>
    /// <c>FoldIn(firstData + i).Bits32()</c> for every i (the data wraps modulo 2^32, as JAX's uint32 does): both
    /// blocks of each element stay in vector registers, and no key is materialised.
    /// </summary>
    /// <param name="firstData">The data folded in for element 0.</param>
    /// <param name="destination">The draws.</param>
    public void FoldInBits32(uint firstData, Span<uint> destination) =>
        BatchStream.FoldInBits32(_word0, _word1, firstData, _impl == PrngImpl.Threefry2x32Legacy, destination);

    /// <summary><c>FoldIn(firstData + i).Bits64()</c> for every i (x64).</summary>
    /// <param name="firstData">The data folded in for element 0.</param>
    /// <param name="destination">The draws.</param>
    public void FoldInBits64(uint firstData, Span<ulong> destination) =>
        BatchStream.FoldInBits64(_word0, _word1, firstData, _impl == PrngImpl.Threefry2x32Legacy, destination);

    /// <summary>
    /// <c>FoldIn(firstData + i).UniformSingle(minValue, maxValue)</c> for every i: the fast path for the per-index key
    /// pattern <c>for (i...) key.FoldIn(i).UniformSingle()</c>, with the same values.
    /// </summary>
    /// <param name="firstData">The data folded in for element 0.</param>
    /// <param name="destination">The draws.</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public void FoldInUniformSingle(uint firstData, Span<float> destination, float minValue = 0f, float maxValue = 1f)
    {
        Argument.ThrowIfNotBounds(minValue, maxValue);
        for (int offset = 0; offset < destination.Length; offset += TransformChunk)
        {
            Span<float> chunk = destination.Slice(offset, Math.Min(TransformChunk, destination.Length - offset));
            FoldInBits32(unchecked(firstData + (uint)offset), MemoryMarshal.Cast<float, uint>(chunk));
            UniformSampling.FromBits(chunk, minValue, maxValue);
        }
    }

    /// <summary><c>FoldIn(firstData + i).Uniform(minValue, maxValue)</c> for every i (x64).</summary>
    /// <param name="firstData">The data folded in for element 0.</param>
    /// <param name="destination">The draws.</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public void FoldInUniform(uint firstData, Span<double> destination, double minValue = 0d, double maxValue = 1d)
    {
        Argument.ThrowIfNotBounds(minValue, maxValue);
        for (int offset = 0; offset < destination.Length; offset += TransformChunk)
        {
            Span<double> chunk = destination.Slice(offset, Math.Min(TransformChunk, destination.Length - offset));
            FoldInBits64(unchecked(firstData + (uint)offset), MemoryMarshal.Cast<double, ulong>(chunk));
            UniformSampling.FromBits(chunk, minValue, maxValue);
        }
    }

    /// <summary><c>FoldIn(firstData + i).NormalSingle()</c> for every i.</summary>
    /// <param name="firstData">The data folded in for element 0.</param>
    /// <param name="destination">The draws.</param>
    public void FoldInNormalSingle(uint firstData, Span<float> destination)
    {
        for (int offset = 0; offset < destination.Length; offset += TransformChunk)
        {
            Span<float> chunk = destination.Slice(offset, Math.Min(TransformChunk, destination.Length - offset));
            FoldInBits32(unchecked(firstData + (uint)offset), MemoryMarshal.Cast<float, uint>(chunk));
            NormalSampling.FromBits(chunk);
        }
    }

    /// <summary><c>FoldIn(firstData + i).Normal()</c> for every i (x64).</summary>
    /// <param name="firstData">The data folded in for element 0.</param>
    /// <param name="destination">The draws.</param>
    public void FoldInNormal(uint firstData, Span<double> destination)
    {
        for (int offset = 0; offset < destination.Length; offset += TransformChunk)
        {
            Span<double> chunk = destination.Slice(offset, Math.Min(TransformChunk, destination.Length - offset));
            FoldInBits64(unchecked(firstData + (uint)offset), MemoryMarshal.Cast<double, ulong>(chunk));
            NormalSampling.FromBits(chunk);
        }
    }

    private static void CheckInPlaceOrApart(ReadOnlySpan<PrngKey> keys, ReadOnlySpan<PrngKey> destination, string paramName)
    {
        if (keys.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException("The destination must be the keys themselves or not overlap them.", paramName);
        }
    }

    private static void CheckSameLength(int expected, int actual, string paramName)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"The destination must have one element per input ({expected}), not {actual}.", paramName);
        }
    }

    /// <summary>Element 0 of each key's 32-bit stream: <c>y0 ^ y1</c> of block (0, 0), or <c>y0</c> for legacy keys.</summary>
    private static void KeyedWords32(ReadOnlySpan<PrngKey> keys, Span<uint> destination)
    {
        Span<uint> scratch = stackalloc uint[5 * BatchChunk];
        Span<uint> keys0 = scratch.Slice(0, BatchChunk), keys1 = scratch.Slice(BatchChunk, BatchChunk);
        Span<uint> counters = scratch.Slice(2 * BatchChunk, BatchChunk);
        Span<uint> first = scratch.Slice(3 * BatchChunk, BatchChunk), second = scratch.Slice(4 * BatchChunk, BatchChunk);
        counters.Clear();
        for (int start = 0; start < keys.Length; start += BatchChunk)
        {
            int length = Math.Min(BatchChunk, keys.Length - start);
            for (int i = 0; i < length; i++)
            {
                PrngKey key = keys[start + i];
                keys0[i] = key._word0;
                keys1[i] = key._word1;
            }

            BatchStream.Keyed(keys0.Slice(0, length), keys1.Slice(0, length), 0, counters.Slice(0, length), first, second);
            for (int i = 0; i < length; i++)
            {
                destination[start + i] = keys[start + i]._impl == PrngImpl.Threefry2x32Legacy ? first[i] : first[i] ^ second[i];
            }
        }
    }

    /// <summary>Element 0 of each key's 64-bit stream: block (0, 0), or (0, 1) for legacy keys (the pair of iota(2)).</summary>
    private static void KeyedWords64(ReadOnlySpan<PrngKey> keys, Span<ulong> destination)
    {
        Span<uint> scratch = stackalloc uint[5 * BatchChunk];
        Span<uint> keys0 = scratch.Slice(0, BatchChunk), keys1 = scratch.Slice(BatchChunk, BatchChunk);
        Span<uint> counters = scratch.Slice(2 * BatchChunk, BatchChunk);
        Span<uint> first = scratch.Slice(3 * BatchChunk, BatchChunk), second = scratch.Slice(4 * BatchChunk, BatchChunk);
        for (int start = 0; start < keys.Length; start += BatchChunk)
        {
            int length = Math.Min(BatchChunk, keys.Length - start);
            for (int i = 0; i < length; i++)
            {
                PrngKey key = keys[start + i];
                keys0[i] = key._word0;
                keys1[i] = key._word1;
                counters[i] = key._impl == PrngImpl.Threefry2x32Legacy ? 1u : 0u;
            }

            BatchStream.Keyed(keys0.Slice(0, length), keys1.Slice(0, length), 0, counters.Slice(0, length), first, second);
            for (int i = 0; i < length; i++)
            {
                destination[start + i] = ((ulong)first[i] << 32) | second[i];
            }
        }
    }
}
