using System;

namespace RandomPurity;

public readonly partial struct PrngKey
{
    // ---- Scalars: JAX with shape () ------------------------------------------------------------------------------

    /// <summary>32 random bits: <c>jax.random.bits(key, (), uint32)</c>.</summary>
    public uint Bits32() => CounterStream.Scalar32(this);

    /// <summary>64 random bits: <c>jax.random.bits(key, (), uint64)</c> with <c>jax_enable_x64</c>.</summary>
    public ulong Bits64() => CounterStream.Scalar64(this);

    /// <summary>
    /// A float32 uniform in [minValue, maxValue): <c>jax.random.uniform(key, (), float32, minValue, maxValue)</c>. Like
    /// JAX, the result is <c>max(minValue, f * (maxValue - minValue) + minValue)</c> in float32, so for ranges other
    /// than [0, 1) rounding may return <paramref name="maxValue"/> itself. Where <c>maxValue - minValue</c> overflows
    /// (JAX returns infinities there), the result is <c>minValue * (1 - f) + maxValue * f</c>, within the bounds.
    /// </summary>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public float UniformSingle(float minValue = 0f, float maxValue = 1f)
    {
        Argument.ThrowIfNotBounds(minValue, maxValue);
        return UniformSampling.ScaleBounded(UniformSampling.UnitSingle(Bits32()), minValue, maxValue, maxValue - minValue);
    }

    /// <summary>
    /// A float64 uniform in [minValue, maxValue): <c>jax.random.uniform(key, (), float64, minValue, maxValue)</c> with
    /// <c>jax_enable_x64</c>. For ranges other than [0, 1) rounding may return <paramref name="maxValue"/>, as in JAX.
    /// </summary>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public double Uniform(double minValue = 0d, double maxValue = 1d)
    {
        Argument.ThrowIfNotBounds(minValue, maxValue);
        return UniformSampling.ScaleBounded(UniformSampling.UnitDouble(Bits64()), minValue, maxValue, maxValue - minValue);
    }

    /// <summary>A float32 standard normal: <c>jax.random.normal(key, (), float32)</c> (within 2e-6 relative of JAX).</summary>
    public float NormalSingle() => NormalSampling.FromBits(Bits32());

    /// <summary>A float64 standard normal: <c>jax.random.normal(key, (), float64)</c> with <c>jax_enable_x64</c> (within 1e-12 relative).</summary>
    public double Normal() => NormalSampling.FromBits(Bits64());

    /// <summary>An int32 in [minValue, maxValue): <c>jax.random.randint(key, (), minValue, maxValue, int32)</c>.</summary>
    /// <remarks>JAX's algorithm is biased for spans above 2^16: the multiplier that mixes its two draws is then 0, the
    /// result is <c>lo % span</c> of one 32-bit draw, and each value below <c>2^32 % span</c> is
    /// <c>ceil(2^32 / span) / floor(2^32 / span)</c> times as likely as the others. <c>Int32(0, 1_000_000_000)</c> gives
    /// P(x &lt; 294,967,296) = 0.343 instead of 0.295 (those values are 5/4 as likely). For spans up to 2^16 the relative
    /// excess is at most <c>1 / floor(2^32 / span)</c> (2^-16). Use <see cref="UnbiasedInt32"/> when no JAX stream must
    /// be reproduced (docs/algorithms.md).</remarks>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound; equal to <paramref name="minValue"/> returns <paramref name="minValue"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxValue"/> is less than <paramref name="minValue"/> (JAX would return minValue).</exception>
    public int Int32(int minValue, int maxValue)
    {
        Argument.ThrowIfLess(maxValue, minValue, nameof(maxValue));
        return IntegerSampling.Scalar(this, minValue, maxValue);
    }

    /// <summary>An int64 in [minValue, maxValue): <c>jax.random.randint(key, (), minValue, maxValue, int64)</c> with <c>jax_enable_x64</c>.</summary>
    /// <remarks>JAX's algorithm is biased for spans above 2^32: the result is <c>lo % span</c> of one 64-bit draw and each
    /// value below <c>2^64 % span</c> is <c>ceil(2^64 / span) / floor(2^64 / span)</c> times as likely as the others
    /// (on [0, 1.5 * 2^62) the lower third is twice as likely as the rest). Use <see cref="UnbiasedInt64"/> when no JAX
    /// stream must be reproduced (docs/algorithms.md).</remarks>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound; equal to <paramref name="minValue"/> returns <paramref name="minValue"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public long Int64(long minValue, long maxValue)
    {
        Argument.ThrowIfLess(maxValue, minValue, nameof(maxValue));
        return IntegerSampling.Scalar(this, minValue, maxValue);
    }

    /// <summary>
    /// An int32 in [minValue, maxValue) with every value equally likely, for any span. Not a JAX function: use it where
    /// a <see cref="Random.Next(int, int)"/> call used to be (the migration fix maps <c>Next</c> here).
    /// <see cref="Int32"/> reproduces <c>jax.random.randint</c>, which for spans above 2^16 keeps only its second
    /// draw's remainder and so favours small values (for [0, 10^9), P(x &lt; 294,967,296) is 0.343, not 0.295).
    /// This member takes 64 bits, <c>Bits64()</c>, and maps them with Lemire's multiply-and-reject method; a rejected
    /// draw j (probability below 2^-32 here) is replaced by <c>FoldIn(j).Bits64()</c>.
    /// </summary>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound; equal to <paramref name="minValue"/> returns <paramref name="minValue"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public int UnbiasedInt32(int minValue, int maxValue)
    {
        Argument.ThrowIfLess(maxValue, minValue, nameof(maxValue));
        return (int)(minValue + (long)IntegerSampling.UnbiasedOffset(this, (ulong)((long)maxValue - minValue)));
    }

    /// <summary>
    /// An int64 in [minValue, maxValue) with every value equally likely, for any span: the 64-bit
    /// <see cref="UnbiasedInt32"/> (Lemire's multiply-and-reject method on <c>Bits64()</c>, a rejected draw j replaced
    /// by <c>FoldIn(j).Bits64()</c>). <see cref="Int64"/> reproduces JAX's randint and is biased for spans above 2^32.
    /// </summary>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound; equal to <paramref name="minValue"/> returns <paramref name="minValue"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public long UnbiasedInt64(long minValue, long maxValue)
    {
        Argument.ThrowIfLess(maxValue, minValue, nameof(maxValue));
        return unchecked(minValue + (long)IntegerSampling.UnbiasedOffset(this, (ulong)maxValue - (ulong)minValue));
    }

    /// <summary><c>true</c> with probability <paramref name="p"/>: <c>jax.random.bernoulli(key, p)</c> with a float64 p (x64 mode).</summary>
    /// <param name="p">The probability of <c>true</c>, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
    public bool Bernoulli(double p = 0.5)
    {
        Argument.ThrowIfNotProbability(p, nameof(p));
        return UniformSampling.UnitDouble(Bits64()) < p;
    }

    /// <summary><c>true</c> with probability <paramref name="p"/>: <c>jax.random.bernoulli(key, p)</c> with a float32 p (JAX's default mode).</summary>
    /// <param name="p">The probability of <c>true</c>, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
    public bool Bernoulli(float p)
    {
        Argument.ThrowIfNotProbability(p, nameof(p));
        return UniformSampling.UnitSingle(Bits32()) < p;
    }

    // ---- Bulk: JAX with shape (n,) --------------------------------------------------------------------------------

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.bits(key, (n,), uint8)</c>.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Bits(Span<byte> destination) => BitsSampling.Fill(this, destination);

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.bits(key, (n,), uint16)</c>.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Bits(Span<ushort> destination) => BitsSampling.Fill(this, destination);

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.bits(key, (n,), uint32)</c>.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Bits(Span<uint> destination) => CounterStream.Words32(this, destination.Length, 0, destination);

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.bits(key, (n,), uint64)</c> (x64 mode).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Bits(Span<ulong> destination) => CounterStream.Words64(this, destination.Length, 0, destination);

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.uniform(key, (n,), float32, minValue, maxValue)</c>; for
    /// ranges other than [0, 1) rounding may give <paramref name="maxValue"/>, as in JAX.
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public void Uniform(Span<float> destination, float minValue = 0f, float maxValue = 1f)
    {
        Argument.ThrowIfNotBounds(minValue, maxValue);
        UniformChunk(destination.Length, 0, destination, minValue, maxValue);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.uniform(key, (n,), float64, minValue, maxValue)</c> (x64);
    /// for ranges other than [0, 1) rounding may give <paramref name="maxValue"/>, as in JAX.
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public void Uniform(Span<double> destination, double minValue = 0d, double maxValue = 1d)
    {
        Argument.ThrowIfNotBounds(minValue, maxValue);
        UniformChunk(destination.Length, 0, destination, minValue, maxValue);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.normal(key, (n,), float32)</c>.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Normal(Span<float> destination)
    {
        NormalChunk(destination.Length, 0, destination);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.normal(key, (n,), float64)</c> (x64).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Normal(Span<double> destination)
    {
        NormalChunk(destination.Length, 0, destination);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.randint(key, (n,), minValue, maxValue, int32)</c>.</summary>
    /// <remarks>JAX's algorithm is biased for spans above 2^16: the multiplier that mixes its two draws is then 0, the
    /// result is <c>lo % span</c> of one 32-bit draw, and each value below <c>2^32 % span</c> is
    /// <c>ceil(2^32 / span) / floor(2^32 / span)</c> times as likely as the others. <c>Integers(d, 0, 1_000_000_000)</c> gives
    /// P(x &lt; 294,967,296) = 0.343 instead of 0.295 (those values are 5/4 as likely). For spans up to 2^16 the relative
    /// excess is at most <c>1 / floor(2^32 / span)</c> (2^-16). Use <see cref="UnbiasedInt32"/> per element when no JAX stream must
    /// be reproduced (docs/algorithms.md).</remarks>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound; equal bounds give <paramref name="minValue"/> everywhere.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public void Integers(Span<int> destination, int minValue, int maxValue)
    {
        Argument.ThrowIfLess(maxValue, minValue, nameof(maxValue));
        IntegerSampling.Fill(this, destination, minValue, maxValue);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.randint(key, (n,), minValue, maxValue, int64)</c> (x64).</summary>
    /// <remarks>JAX's algorithm is biased for spans above 2^32: the result is <c>lo % span</c> of one 64-bit draw and each
    /// value below <c>2^64 % span</c> is <c>ceil(2^64 / span) / floor(2^64 / span)</c> times as likely as the others
    /// (on [0, 1.5 * 2^62) the lower third is twice as likely as the rest). Use <see cref="UnbiasedInt64"/> per element when no JAX
    /// stream must be reproduced (docs/algorithms.md).</remarks>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound; equal bounds give <paramref name="minValue"/> everywhere.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public void Integers(Span<long> destination, long minValue, long maxValue)
    {
        Argument.ThrowIfLess(maxValue, minValue, nameof(maxValue));
        IntegerSampling.Fill(this, destination, minValue, maxValue);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.bernoulli(key, p, (n,))</c> for a float64 p (x64).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="p">The probability of <c>true</c>, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
    public void Bernoulli(Span<bool> destination, double p)
    {
        Argument.ThrowIfNotProbability(p, nameof(p));
        BitsSampling.Bernoulli(this, destination, p);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.bernoulli(key, p, (n,))</c> for a float32 p.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="p">The probability of <c>true</c>, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
    public void Bernoulli(Span<bool> destination, float p)
    {
        Argument.ThrowIfNotProbability(p, nameof(p));
        BitsSampling.Bernoulli(this, destination, p);
    }

    /// <summary>A random permutation of 0..n-1: <c>jax.random.permutation(key, n)</c>.</summary>
    /// <param name="n">How many items.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public int[] Permutation(int n)
    {
        Argument.ThrowIfNegative(n, nameof(n));
        return PermutationSampling.Permutation(this, n);
    }

    /// <summary>Reorders <paramref name="items"/> as <c>jax.random.permutation(key, items)</c> orders a 1-D array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items to shuffle in place.</param>
    public void Shuffle<T>(Span<T> items)
    {
        int[] order = PermutationSampling.Permutation(this, items.Length);
        T[] original = items.ToArray();
        for (int i = 0; i < order.Length; i++)
        {
            items[i] = original[order[i]];
        }
    }

    /// <summary>
    /// Returns <paramref name="count"/> items drawn from <paramref name="items"/>: the same values as
    /// <see cref="Choice{T}(ReadOnlySpan{T}, Span{T}, bool)"/> into a new array of that length (what
    /// <c>Random.GetItems(choices, length)</c> becomes).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population.</param>
    /// <param name="count">The number of draws.</param>
    /// <param name="replace">Whether an item may be drawn more than once.</param>
    /// <returns>A new array of <paramref name="count"/> items.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Choice{T}(ReadOnlySpan{T}, Span{T}, bool)"/>.</exception>
    public T[] Choice<T>(ReadOnlySpan<T> items, int count, bool replace = true)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The number of draws must not be negative.");
        }

        var result = new T[count];
        Choice(items, result, replace);
        return result;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with items drawn from <paramref name="items"/>:
    /// <c>jax.random.choice(key, items, (n,), replace)</c> without weights. With replacement the indices are
    /// <c>randint(key, (n,), 0, items.Length)</c>; without, they are the first n of <c>permutation(key, items.Length)</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population.</param>
    /// <param name="destination">The output; its length is the number of draws.</param>
    /// <param name="replace">Whether an item may be drawn more than once.</param>
    /// <exception cref="ArgumentException">Without replacement, <paramref name="destination"/> is longer than
    /// <paramref name="items"/>; or <paramref name="items"/> is empty and <paramref name="destination"/> is not; or the two overlap.</exception>
    public void Choice<T>(ReadOnlySpan<T> items, Span<T> destination, bool replace = true)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        if (items.IsEmpty)
        {
            throw new ArgumentException("Cannot draw from an empty population.", nameof(items));
        }

        ThrowIfOverlapping(items, destination);

        if (replace)
        {
            int[] indices = new int[destination.Length];
            IntegerSampling.Fill(this, indices, 0, items.Length);
            for (int i = 0; i < indices.Length; i++)
            {
                destination[i] = items[indices[i]];
            }

            return;
        }

        if (destination.Length > items.Length)
        {
            throw new ArgumentException("Without replacement, at most items.Length items can be drawn.", nameof(destination));
        }

        int[] order = PermutationSampling.Permutation(this, items.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = items[order[i]];
        }
    }

    /// <summary>
    /// Choice reads the items while it writes the destination: on shared memory (even shifted) the draws would read
    /// items already overwritten, giving duplicates without replacement. Copying first would hide an allocation.
    /// </summary>
    private static void ThrowIfOverlapping<T>(ReadOnlySpan<T> items, Span<T> destination)
    {
        if (items.Overlaps(destination))
        {
            throw new ArgumentException("items and destination must not overlap.", nameof(destination));
        }
    }

    // ---- Interop --------------------------------------------------------------------------------------------------

    /// <summary>
    /// A <see cref="Random"/> for third-party APIs that demand one. Its draw number i (counting from 0) uses
    /// <c>FoldIn(i)</c> of this key, as <see cref="StatefulPrng"/> does; the count wraps after 2^32 draws (draw 2^32
    /// repeats draw 0, as JAX's uint32 fold-in data does). It maps the <see cref="Random"/> members to unbiased samplers
    /// (<c>Next(a, b)</c> to <see cref="UnbiasedInt32"/>, <c>NextInt64(a, b)</c> to <see cref="UnbiasedInt64"/>'s mask-and-reject
    /// equivalent, <c>NextDouble()</c> to <see cref="Uniform(double, double)"/>, <c>NextSingle()</c> to
    /// <see cref="UniformSingle(float, float)"/>, <c>NextBytes(byte[])</c> to <see cref="Bits(Span{byte})"/>); <see cref="Random"/>
    /// has no JAX counterpart, so JAX's biased <c>randint</c> is not used. The netstandard2.0 and net8.0 builds give the
    /// same values for every member, including <c>NextBytes(Span)</c> (one <c>Next()</c> per byte), <c>Shuffle</c> and
    /// <c>GetItems</c> (docs/algorithms.md). Like every stateful generator it is not thread-safe.
    /// </summary>
    public Random AsRandom() => new KeyedRandom(new StatefulPrng(this));
}
