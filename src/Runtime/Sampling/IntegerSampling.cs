using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.randint</c> (section 9.3 of jax-prng.md): two draws from <c>split(key)</c> combined as
/// <c>((hi % span) * mult + lo % span) % span</c> with <c>mult = ((2^(n/2) % span)^2 mod 2^n) % span</c>, all in wrapping
/// unsigned arithmetic and with XLA's <c>x % 0 == x</c>. For spans above 2^(n/2) the multiplier wraps to 0 and
/// only the second draw matters: that is JAX's algorithm, not a shortcut.
/// </summary>
internal static class IntegerSampling
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Remainder(uint x, uint divisor) => divisor == 0 ? x : x % divisor;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Remainder(ulong x, ulong divisor) => divisor == 0 ? x : x % divisor;

    /// <summary>The span of [minValue, maxValue) as uint32 (maxValue &lt;= minValue gives 1, JAX issue #222).</summary>
    internal static uint Span32(int minValue, int maxValue) => maxValue <= minValue ? 1u : unchecked((uint)(maxValue - minValue));

    internal static ulong Span64(long minValue, long maxValue) => maxValue <= minValue ? 1ul : unchecked((ulong)(maxValue - minValue));

    internal static uint Multiplier32(uint span)
    {
        uint m = Remainder(1u << 16, span);
        return Remainder(unchecked(m * m), span);
    }

    internal static ulong Multiplier64(ulong span)
    {
        ulong m = Remainder(1ul << 32, span);
        return Remainder(unchecked(m * m), span);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Combine(uint hi, uint lo, int minValue, uint span, uint multiplier)
    {
        uint offset = Remainder(unchecked((Remainder(hi, span) * multiplier) + Remainder(lo, span)), span);
        return unchecked(minValue + (int)offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long Combine(ulong hi, ulong lo, long minValue, ulong span, ulong multiplier)
    {
        ulong offset = Remainder(unchecked((Remainder(hi, span) * multiplier) + Remainder(lo, span)), span);
        return unchecked(minValue + (long)offset);
    }

    internal static int Scalar(PrngKey key, int minValue, int maxValue)
    {
        var (k1, k2) = key.Split();
        uint span = Span32(minValue, maxValue);
        return Combine(CounterStream.Scalar32(k1), CounterStream.Scalar32(k2), minValue, span, Multiplier32(span));
    }

    internal static long Scalar(PrngKey key, long minValue, long maxValue)
    {
        var (k1, k2) = key.Split();
        ulong span = Span64(minValue, maxValue);
        return Combine(CounterStream.Scalar64(k1), CounterStream.Scalar64(k2), minValue, span, Multiplier64(span));
    }

    /// <summary>
    /// An offset uniform in [0, span) with no bias for any span (an empty span, equal bounds, gives 0): Lemire's multiply-and-reject
    /// ("Fast random integer generation in an interval", 2019) on 64-bit draws. Draw 0 is <c>key.Bits64()</c>;
    /// a rejected draw j is followed by <c>key.FoldIn(j).Bits64()</c>. A span up to 2^32 rejects with probability
    /// below 2^-32, so in practice one threefry block per value.
    /// </summary>
    internal static ulong UnbiasedOffset(PrngKey key, ulong span)
    {
        if (span == 0)
        {
            return 0;
        }

        ulong x = key.Bits64();
        ulong high = MultiplyHigh(x, span, out ulong low);
        if (low < span)
        {
            ulong threshold = unchecked(0ul - span) % span;
            for (uint attempt = 1; low < threshold; attempt++)
            {
                x = key.FoldIn(attempt).Bits64();
                high = MultiplyHigh(x, span, out low);
            }
        }

        return high;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong a, ulong b, out ulong low)
    {
#if NET8_0_OR_GREATER
        return Math.BigMul(a, b, out low);
#else
        ulong aLow = (uint)a, aHigh = a >> 32, bLow = (uint)b, bHigh = b >> 32;
        ulong lowLow = aLow * bLow;
        ulong highLow = aHigh * bLow;
        ulong lowHigh = aLow * bHigh;
        ulong middle = (lowLow >> 32) + (uint)highLow + (uint)lowHigh;
        low = unchecked(a * b);
        return (aHigh * bHigh) + (highLow >> 32) + (lowHigh >> 32) + (middle >> 32);
#endif
    }

    /// <summary>Elements per piece of a partitionable fill: both draws of a piece stay in L1 for the combine.</summary>
    private const int Chunk = 2048;

    /// <summary>
    /// The first draw goes to <paramref name="destination"/>, the second to a scratch buffer, then the combine overwrites
    /// the first. Partitionable keys work in L1-sized pieces; an original-mode draw depends on the whole request, so it
    /// is made at once (pieces would hash every block twice). When the multiplier is 0 (spans above 2^16 and the
    /// divisors of 2^32) the first draw does not change the value and is not made.
    /// </summary>
    [MethodImpl(HotLoop.Options)]
    internal static void Fill(PrngKey key, Span<int> destination, int minValue, int maxValue)
    {
        var (k1, k2) = key.Split();
        uint span = Span32(minValue, maxValue);
        uint multiplier = Multiplier32(span);
        int n = destination.Length;
        Span<uint> hi = MemoryMarshal.Cast<int, uint>(destination);
        if (key.Impl == PrngImpl.Threefry2x32Legacy)
        {
            uint[] rented = ArrayPool<uint>.Shared.Rent(n);
            Span<uint> lo = rented.AsSpan(0, n);
            if (multiplier != 0)
            {
                CounterStream.Words32(k1, n, 0, hi);
            }

            CounterStream.Words32(k2, n, 0, lo);
            Combine(hi, lo, hi, multiplier, span, minValue);
            ArrayPool<uint>.Shared.Return(rented);
            return;
        }

        Span<uint> scratch = stackalloc uint[Chunk];
        for (int offset = 0; offset < n; offset += Chunk)
        {
            int length = Math.Min(Chunk, n - offset);
            Span<uint> first = hi.Slice(offset, length), second = scratch.Slice(0, length);
            if (multiplier != 0)
            {
                CounterStream.Words32(k1, n, offset, first);
            }

            CounterStream.Words32(k2, n, offset, second);
            Combine(first, second, first, multiplier, span, minValue);
        }
    }

    /// <summary>
    /// <c>destination[i] = minValue + ((hi[i] % span) * multiplier + lo[i] % span) % span</c>; hi is not read when the
    /// multiplier is 0, and <paramref name="destination"/> may be <paramref name="hi"/> (each element is read before it
    /// is written).
    /// </summary>
    private static void Combine(ReadOnlySpan<uint> hi, ReadOnlySpan<uint> lo, Span<uint> destination, uint multiplier, uint span, int minValue)
    {
        int i = 0;
#if NET8_0_OR_GREATER
        if (VectorTransforms.Enabled && span != 0)
        {
            i = VectorTransforms.IntegerOffsets(hi, lo, destination, multiplier, span, minValue);
        }
#endif
        var divisor = new Divisor32(span);
        for (; i < destination.Length; i++)
        {
            uint high = multiplier == 0 ? 0 : divisor.Remainder(hi[i]);
            uint offset = divisor.Remainder(unchecked((high * multiplier) + divisor.Remainder(lo[i])));
            destination[i] = unchecked((uint)minValue + offset);
        }
    }

    [MethodImpl(HotLoop.Options)]
    internal static void Fill(PrngKey key, Span<long> destination, long minValue, long maxValue)
    {
        var (k1, k2) = key.Split();
        ulong span = Span64(minValue, maxValue);
        ulong multiplier = Multiplier64(span);
        int n = destination.Length;
        Span<ulong> hi = MemoryMarshal.Cast<long, ulong>(destination);
        CounterStream.Words64(k1, n, 0, hi);
        ulong[] rented = ArrayPool<ulong>.Shared.Rent(n);
        Span<ulong> lo = rented.AsSpan(0, n);
        CounterStream.Words64(k2, n, 0, lo);
        for (int i = 0; i < n; i++)
        {
            destination[i] = Combine(hi[i], lo[i], minValue, span, multiplier);
        }

        ArrayPool<ulong>.Shared.Return(rented);
    }

    /// <summary>
    /// x % d (with XLA's x % 0 == x) for one divisor and many x: Lemire, Kaser and Kurz, "Faster remainder by direct
    /// computation" (2019), exact for every 32-bit x and d: M = ceil(2^64 / d), x % d = high64((M * x mod 2^64) * d).
    /// A hardware division costs several times more, and randint needs three per element.
    /// </summary>
    private readonly struct Divisor32
    {
        private readonly uint _divisor;
        private readonly ulong _multiplier;

        internal Divisor32(uint divisor)
        {
            _divisor = divisor;
            _multiplier = divisor == 0 ? 0 : unchecked((ulong.MaxValue / divisor) + 1);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal uint Remainder(uint x)
        {
            if (_divisor == 0)
            {
                return x;
            }
#if NET8_0_OR_GREATER
            return (uint)Math.BigMul(unchecked(_multiplier * x), _divisor, out _);
#else
            return x % _divisor;
#endif
        }
    }
}
