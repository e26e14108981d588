using System;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>AsRandom: a System.Random whose draw i comes from key.FoldIn(i), mapped as runtime-api.md maps Random calls.</summary>
public class KeyedRandomTests
{
    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void EveryDrawComesFromTheNextFoldIn(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(64, impl);
        Random random = key.AsRandom();
        uint i = 0;
        Assert.Equal(key.FoldIn(i++).UnbiasedInt32(0, int.MaxValue), random.Next());
        Assert.Equal(key.FoldIn(i++).UnbiasedInt32(0, 10), random.Next(10));
        Assert.Equal(key.FoldIn(i++).UnbiasedInt32(-5, 5), random.Next(-5, 5));
        Assert.Equal(key.FoldIn(i++).Uniform(), random.NextDouble());
        var bytes = new byte[13];
        random.NextBytes(bytes);
        var expected = new byte[13];
        key.FoldIn(i++).Bits(expected);
        Assert.Equal(expected, bytes);
    }

    /// <summary>
    /// The members .NET added after netstandard2.0 give the same values in both builds (issue 20, item 13): this test runs
    /// against the net8.0 build (which overrides them) and, with -p:RuntimeTargetFramework=netstandard2.0, against the
    /// netstandard2.0 build (where the base class implements them through Next and Sample).
    /// </summary>
    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void MembersAddedAfterNetStandardAgreeInBothBuilds(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(65, impl);
        Random random = key.AsRandom();
        uint i = 0;
        Assert.Equal(key.FoldIn(i++).UniformSingle(), random.NextSingle());

        ulong Composed(ref uint j) =>
            (uint)key.FoldIn(j++).UnbiasedInt32(0, 1 << 22) | ((ulong)(uint)key.FoldIn(j++).UnbiasedInt32(0, 1 << 22) << 22)
            | ((ulong)(uint)key.FoldIn(j++).UnbiasedInt32(0, 1 << 20) << 44);

        Assert.Equal((long)(Composed(ref i) >> 1), random.NextInt64());

        // NextInt64(0, 1000): the top 10 bits of a composed draw, rejected at 1000 or above.
        long expected;
        while ((expected = (long)(Composed(ref i) >> 54)) >= 1000)
        {
        }

        Assert.Equal(expected, random.NextInt64(1000));
        while ((expected = (long)(Composed(ref i) >> 53)) >= 2000)
        {
        }

        Assert.Equal(expected - 1000, random.NextInt64(-1000, 1000));
        Assert.Equal(7, random.NextInt64(7, 8)); // a range of one value takes no draw

        Span<byte> span = stackalloc byte[5];
        random.NextBytes(span);
        for (int b = 0; b < span.Length; b++)
        {
            Assert.Equal((byte)key.FoldIn(i++).UnbiasedInt32(0, int.MaxValue), span[b]);
        }

        int[] shuffled = { 0, 1, 2, 3, 4, 5 };
        random.Shuffle(shuffled);
        int[] order = { 0, 1, 2, 3, 4, 5 };
        for (int t = 0; t < order.Length - 1; t++)
        {
            int j = key.FoldIn(i++).UnbiasedInt32(t, order.Length);
            (order[t], order[j]) = (order[j], order[t]);
        }

        Assert.Equal(order, shuffled);
        int[] items = random.GetItems(new[] { 10, 20, 30, 40 }, 3);
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(10 * (1 + key.FoldIn(i++).UnbiasedInt32(0, 4)), items[t]);
        }

        Assert.Equal(key.FoldIn(i++).UnbiasedInt32(0, 100), random.Next(100));
    }

    /// <summary>
    /// AsRandom is sold as a Random replacement, so its integers are unbiased (issue 20, item 4): JAX's randint keeps the low
    /// draw for spans above 2^16 and gives P(x &lt; 294,967,296) = 0.343 on [0, 1e9), the unbiased value being 0.295.
    /// </summary>
    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void NextIsUnbiasedForLargeRanges(PrngImpl impl)
    {
        Random random = PrngKey.Create(66, impl).AsRandom();
        const int Draws = 100000;
        int below = 0, belowMax = 0, belowInt64 = 0;
        for (int d = 0; d < Draws; d++)
        {
            below += random.Next(0, 1000000000) < 294967296 ? 1 : 0;
            belowMax += random.Next(1000000000) < 294967296 ? 1 : 0;
            belowInt64 += random.NextInt64(0, 3L << 61) < (1L << 62) - (3L << 59) ? 1 : 0;
        }

        // sd of each fraction is about 0.0015: the biased 0.343 is 30 sd away.
        Assert.InRange(below / (double)Draws, 0.2949672960 - 0.008, 0.2949672960 + 0.008);
        Assert.InRange(belowMax / (double)Draws, 0.2949672960 - 0.008, 0.2949672960 + 0.008);
        Assert.InRange(belowInt64 / (double)Draws, (0.625 / 1.5) - 0.008, (0.625 / 1.5) + 0.008);
    }

    [Fact]
    public void TwoRandomsFromTheSameKeyAgree()
    {
        Random a = PrngKey.Create(1).AsRandom();
        Random b = PrngKey.Create(1).AsRandom();
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(a.Next(1000), b.Next(1000));
        }
    }

    [Fact]
    public void ArgumentChecksFollowSystemRandom()
    {
        Random random = PrngKey.Create(1).AsRandom();
        Assert.Equal("maxValue", Assert.Throws<ArgumentOutOfRangeException>(() => random.Next(-1)).ParamName);
        Assert.Equal("minValue", Assert.Throws<ArgumentOutOfRangeException>(() => random.Next(2, 1)).ParamName);
        Assert.Equal("buffer", Assert.Throws<ArgumentNullException>(() => random.NextBytes(null!)).ParamName);
        Assert.Equal(3, random.Next(3, 3));
    }
}
