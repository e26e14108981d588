using System;
using RandomPurity;
using Xunit;

namespace RandomPurity.Tests;

public class UnbiasedIntegerTests
{
    [Fact]
    public void UnbiasedInt32IsTheHighWordOfBits64TimesTheSpan()
    {
        // Lemire's map, computed here with UInt128 independently of the library: offset = (x * span) >> 64.
        foreach (var key in new[] { PrngKey.Create(0), PrngKey.Create(42), PrngKey.Create(7, PrngImpl.Threefry2x32Legacy) })
        {
            foreach (var (min, max) in new[] { (0, 6), (1, 7), (0, 1_000_000_000), (int.MinValue, int.MaxValue), (-5, 5) })
            {
                ulong span = (ulong)((long)max - min);
                ulong x = key.Bits64();
                long expected = min + (long)(ulong)(((UInt128)x * span) >> 64);
                Assert.Equal(expected, key.UnbiasedInt32(min, max));
            }
        }
    }

    [Fact]
    public void UnbiasedInt64OverTheWholeRangeIsBits64ShiftedToSigned()
    {
        // span 2^64 - 1 (long.MinValue to long.MaxValue): offset = (x * (2^64 - 1)) >> 64, x - 1 for x > 0.
        foreach (int seed in new[] { 0, 3, 99 })
        {
            var key = PrngKey.Create(seed);
            ulong x = key.Bits64();
            ulong offset = x == 0 ? 0 : x - 1;
            Assert.Equal(unchecked(long.MinValue + (long)offset), key.UnbiasedInt64(long.MinValue, long.MaxValue));
        }
    }

    [Fact]
    public void EqualBoundsGiveTheBoundAndReversedBoundsThrow()
    {
        var key = PrngKey.Create(1);
        Assert.Equal(5, key.UnbiasedInt32(5, 5));
        Assert.Equal(-9L, key.UnbiasedInt64(-9, -9));
        Assert.Equal("maxValue", Assert.Throws<ArgumentOutOfRangeException>(() => key.UnbiasedInt32(3, 2)).ParamName);
        Assert.Equal("maxValue", Assert.Throws<ArgumentOutOfRangeException>(() => key.UnbiasedInt64(3, 2)).ParamName);
    }

    [Fact]
    public void ALargeSpanIsNotBiasedTowardsSmallValuesAsRandintIs()
    {
        // [0, 10^9): P(x < 294,967,296) is 0.294967296 unbiased and 0.343 under randint's low-draw combine.
        const int n = 100_000;
        var root = PrngKey.Create(2024);
        int unbiasedBelow = 0, randintBelow = 0;
        for (int i = 0; i < n; i++)
        {
            var key = root.FoldIn(i);
            if (key.UnbiasedInt32(0, 1_000_000_000) < 294_967_296) unbiasedBelow++;
            if (key.Int32(0, 1_000_000_000) < 294_967_296) randintBelow++;
        }

        // Binomial sd at n = 10^5 is 0.00144: 5 sd either side.
        Assert.InRange(unbiasedBelow / (double)n, 0.2878, 0.3022);
        Assert.InRange(randintBelow / (double)n, 0.336, 0.350);
    }

    [Fact]
    public void ARejectedDrawIsReplacedByTheFoldInOfItsAttempt()
    {
        // span = 2^63 + 1 rejects x when the low word of x * span is below (2^64 - span) % span = 2^63 - 1: about half
        // the keys. For each key, the first accepted attempt (draw 0 = Bits64, draw j = FoldIn(j).Bits64) decides.
        const long min = long.MinValue;
        const long max = 1; // span 2^63 + 1
        ulong span = unchecked((ulong)max - (ulong)min);
        ulong threshold = unchecked(0ul - span) % span;
        int rejectedFirst = 0;
        for (int i = 0; i < 64; i++)
        {
            var key = PrngKey.Create(i);
            ulong x = key.Bits64();
            uint attempt = 0;
            while ((ulong)((UInt128)x * span) < threshold)
            {
                attempt++;
                x = key.FoldIn(attempt).Bits64();
            }

            rejectedFirst += attempt > 0 ? 1 : 0;
            long expected = unchecked(min + (long)(ulong)(((UInt128)x * span) >> 64));
            Assert.Equal(expected, key.UnbiasedInt64(min, max));
        }

        Assert.InRange(rejectedFirst, 10, 54);
    }

    [Fact]
    public void StatefulPrngDrawsFromItsNextKey()
    {
        var key = PrngKey.Create(11);
        var stream = new StatefulPrng(key);
        Assert.Equal(key.FoldIn(0).UnbiasedInt32(0, 100), stream.UnbiasedInt32(0, 100));
        Assert.Equal(key.FoldIn(1).UnbiasedInt64(0, 100), stream.UnbiasedInt64(0, 100));
    }
}
