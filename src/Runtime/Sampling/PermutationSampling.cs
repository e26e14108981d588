using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.permutation</c> / <c>_shuffle</c> (section 9.5 of jax-prng.md): <c>ceil(3 ln n / ln(2^32 - 1))</c>
/// rounds; each round does <c>key, sub = split(key)</c> and stably sorts by 32-bit draws of <c>sub</c>, ties kept in
/// position order as <c>lax.sort_key_val(is_stable=True)</c> does.
/// </summary>
internal static class PermutationSampling
{
    private const double UInt32Max = 4294967295.0;
    private const int RadixBits = 8;
    private const int Buckets = 1 << RadixBits;

    /// <summary>The round count JAX computes in float64 (0 for n &lt;= 1, 1 up to 1625, 2 up to 2642245, then 3).</summary>
    internal static int Rounds(int n) =>
        n <= 1 ? 0 : (int)Math.Ceiling(3.0 * Transcendentals.Log((double)n) / Transcendentals.Log(UInt32Max));

    /// <summary>The permutation of 0..n-1 (<c>_shuffle(key, arange(n))</c>).</summary>
    internal static int[] Permutation(PrngKey key, int n)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        int rounds = Rounds(n);
        if (rounds == 0)
        {
            return order;
        }

        var bits = new uint[n];
        var packed = new ulong[n];
        var scratch = new ulong[n];
        var next = new int[n];
        for (int round = 0; round < rounds; round++)
        {
            PrngKey sub;
            (key, sub) = key.Split();
            CounterStream.Words32(sub, n, 0, bits);
            for (int i = 0; i < n; i++)
            {
                packed[i] = ((ulong)bits[i] << 32) | (uint)i;
            }

            SortByHighWord(packed, scratch);
            for (int i = 0; i < n; i++)
            {
                next[i] = order[(int)(uint)packed[i]];
            }

            (order, next) = (next, order);
        }

        return order;
    }

    /// <summary>
    /// Stable LSD radix sort of <c>(key &lt;&lt; 32) | position</c> entries by their high words. The entries start in
    /// position order and every pass is stable, so equal keys stay in position order: the result is the order by
    /// (key, position), without comparing positions.
    /// </summary>
    internal static void SortByHighWord(ulong[] items, ulong[] scratch)
    {
        Span<int> counts = stackalloc int[Buckets];
        ulong[] source = items;
        ulong[] target = scratch;
        for (int shift = 32; shift < 64; shift += RadixBits)
        {
            counts.Clear();
            for (int i = 0; i < source.Length; i++)
            {
                counts[(int)(source[i] >> shift) & (Buckets - 1)]++;
            }

            int total = 0;
            for (int b = 0; b < Buckets; b++)
            {
                int c = counts[b];
                counts[b] = total;
                total += c;
            }

            for (int i = 0; i < source.Length; i++)
            {
                ulong item = source[i];
                target[counts[(int)(item >> shift) & (Buckets - 1)]++] = item;
            }

            (source, target) = (target, source);
        }

        // Four passes: the sorted data is back in 'items'.
    }
}
