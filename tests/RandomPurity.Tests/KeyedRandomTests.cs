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
        Assert.Equal(key.FoldIn(i++).Int32(0, int.MaxValue), random.Next());
        Assert.Equal(key.FoldIn(i++).Int32(0, 10), random.Next(10));
        Assert.Equal(key.FoldIn(i++).Int32(-5, 5), random.Next(-5, 5));
        Assert.Equal(key.FoldIn(i++).Uniform(), random.NextDouble());
        var bytes = new byte[13];
        random.NextBytes(bytes);
        var expected = new byte[13];
        key.FoldIn(i++).Bits(expected);
        Assert.Equal(expected, bytes);
#if NET8_0_OR_GREATER && !RUNTIME_NETSTANDARD
        Assert.Equal(key.FoldIn(i++).Int64(0, long.MaxValue), random.NextInt64());
        Assert.Equal(key.FoldIn(i++).Int64(0, 1000), random.NextInt64(1000));
        Assert.Equal(key.FoldIn(i++).Int64(-1000, 1000), random.NextInt64(-1000, 1000));
        Assert.Equal(key.FoldIn(i++).UniformSingle(), random.NextSingle());
        Span<byte> span = stackalloc byte[5];
        random.NextBytes(span);
        var expectedSpan = new byte[5];
        key.FoldIn(i++).Bits(expectedSpan);
        Assert.Equal(expectedSpan, span.ToArray());
#endif
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
