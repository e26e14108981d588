using System;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>jax.random.randint (jax-prng.md section 9.3), including the wrapping multiplier and x % 0 == x.</summary>
public class IntegersTests
{
    private static int[] Ints(PrngKey key, int n, int min, int max)
    {
        var values = new int[n];
        key.Integers(values, min, max);
        return values;
    }

    [Fact]
    public void OriginalTestPrngValuesRandint()
    {
        Assert.Equal(new[] { 2, 1, 3, 6, 1, 5, 6, 3, 4 }, Ints(PrngKey.Create(0, O), 9, 0, 8));
        var longs = new long[9];
        PrngKey.Create(0, O).Integers(longs, 0, 8);
        Assert.Equal(new long[] { 7, 2, 6, 2, 1, 0, 6, 7, 7 }, longs);
    }

    [Fact]
    public void OriginalTestRandomDistributionValuesRandint()
    {
        Assert.Equal(new[] { 0, 5, 7, 7, 5 }, Ints(Key(1319372649, O), 5, 0, 10));
    }

    [Fact]
    public void PartitionableEinsumPathDoctestProduct()
    {
        // jax/_src/numpy/einsum.py: k1, k2, k3 = split(key(0), 3); x (2,3), y (3,100), z (100,5) in [-5, 5); x @ y @ z.
        PrngKey[] k = PrngKey.Create(0).Split(3);
        int[] x = Ints(k[0], 6, -5, 5);
        int[] y = Ints(k[1], 300, -5, 5);
        int[] z = Ints(k[2], 500, -5, 5);
        var xy = new long[2 * 100];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 100; j++)
            {
                for (int m = 0; m < 3; m++)
                {
                    xy[(i * 100) + j] += (long)x[(i * 3) + m] * y[(m * 100) + j];
                }
            }
        }

        var product = new long[2 * 5];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                for (int m = 0; m < 100; m++)
                {
                    product[(i * 5) + j] += xy[(i * 100) + m] * z[(m * 5) + j];
                }
            }
        }

        Assert.Equal(new long[] { -754, 324, -142, 82, 50, 408, -50, 87, -29, 7 }, product);
    }

    [Theory]
    [InlineData(P, 0, 10)]
    [InlineData(O, 0, 10)]
    [InlineData(P, -5, 5)]
    [InlineData(O, 100, 65636)]
    [InlineData(P, int.MinValue, int.MaxValue)]
    [InlineData(O, int.MinValue, int.MaxValue)]
    [InlineData(P, -1, 65536)]
    [InlineData(O, 7, 7)]
    [InlineData(P, 0, 65521)]
    [InlineData(O, 0, 65521)]
    [InlineData(P, 0, 1000)]
    [InlineData(O, -10, 246)]
    public void Int32FollowsTheTwoDrawFormula(PrngImpl impl, int min, int max)
    {
        PrngKey key = PrngKey.Create(4242, impl);
        foreach (int n in new[] { 1, 3, 257, 600, 5000 }) // 5000: several pieces of a partitionable fill
        {
            int[] values = Ints(key, n, min, max);
            var (k1, k2) = key.Split();
            var hi = new uint[n];
            var lo = new uint[n];
            k1.Bits(hi);
            k2.Bits(lo);
            ulong span = max <= min ? 1 : (ulong)((long)max - min);
            for (int i = 0; i < n; i++)
            {
                // Exact arithmetic: (hi * 2^32 + lo) mod span for spans up to 2^16; only lo above (the multiplier wraps to 0).
                ulong offset = span <= 65536 ? ((((ulong)hi[i] % span) << 32) + lo[i]) % span : lo[i] % span;
                Assert.Equal((long)min + (long)offset, values[i]);
                Assert.InRange(values[i], min, max == min ? min : max - 1);
            }

            if (n == 1)
            {
                Assert.Equal(values[0], key.Int32(min, max));
            }
        }
    }

    [Theory]
    [InlineData(P, 0L, 10L)]
    [InlineData(O, -3L, 4294967296L)]
    [InlineData(P, -3L, 4294967297L)]
    [InlineData(O, long.MinValue, long.MaxValue)]
    [InlineData(P, long.MinValue + 5, -1L)]
    [InlineData(P, 9L, 9L)]
    public void Int64FollowsTheTwoDrawFormula(PrngImpl impl, long min, long max)
    {
        PrngKey key = PrngKey.Create(-77L, impl);
        foreach (int n in new[] { 1, 4, 300 })
        {
            var values = new long[n];
            key.Integers(values, min, max);
            var (k1, k2) = key.Split();
            var hi = new ulong[n];
            var lo = new ulong[n];
            k1.Bits(hi);
            k2.Bits(lo);
            ulong span = max <= min ? 1 : unchecked((ulong)(max - min));
            for (int i = 0; i < n; i++)
            {
                ulong offset;
                if (span <= (1ul << 32))
                {
                    ulong mult = (1ul << 32) % span;
                    mult = mult * mult % span;
                    offset = (((hi[i] % span) * mult) + (lo[i] % span)) % span;
                }
                else
                {
                    offset = lo[i] % span;
                }

                Assert.Equal(unchecked(min + (long)offset), values[i]);
            }

            if (n == 1)
            {
                Assert.Equal(values[0], key.Int64(min, max));
            }
        }
    }

    [Fact]
    public void SmallSpansUseBothDrawsExactly()
    {
        // For span <= 2^16, mult = 2^32 mod span and nothing wraps: the offset is (hi * 2^32 + lo) mod span.
        for (uint span = 1; span <= 65536; span = (span * 3) + 1)
        {
            uint mult = IntegerSampling.Multiplier32(span);
            Assert.Equal((uint)((1ul << 32) % span), mult);
        }

        Assert.Equal(0u, IntegerSampling.Multiplier32(65537));
        Assert.Equal(0u, IntegerSampling.Multiplier32(uint.MaxValue));
        Assert.Equal(0ul, IntegerSampling.Multiplier64((1ul << 32) + 1));
        Assert.Equal(5u, IntegerSampling.Remainder(5u, 0u)); // XLA: x % 0 == x
        Assert.Equal(5ul, IntegerSampling.Remainder(5ul, 0ul));
    }

    [Fact]
    public void EqualBoundsReturnTheMinimum()
    {
        Assert.Equal(-7, PrngKey.Create(1).Int32(-7, -7));
        Assert.Equal(long.MaxValue, PrngKey.Create(1, O).Int64(long.MaxValue, long.MaxValue));
        Assert.All(Ints(PrngKey.Create(2), 10, 3, 3), v => Assert.Equal(3, v));
    }

    [Fact]
    public void MaximumBelowMinimumThrows()
    {
        PrngKey key = PrngKey.Create(0);
        Assert.Equal("maxValue", Assert.Throws<ArgumentOutOfRangeException>(() => key.Int32(5, 4)).ParamName);
        Assert.Equal("maxValue", Assert.Throws<ArgumentOutOfRangeException>(() => key.Int64(5, 4)).ParamName);
        Assert.Equal("maxValue", Assert.Throws<ArgumentOutOfRangeException>(() => key.Integers(new int[1], 0, -1)).ParamName);
        Assert.Equal("maxValue", Assert.Throws<ArgumentOutOfRangeException>(() => key.Integers(new long[1], 0, -1)).ParamName);
    }
}
