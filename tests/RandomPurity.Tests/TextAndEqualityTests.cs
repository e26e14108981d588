using System;
using System.Collections.Generic;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>The text form (a wire format) and value equality of keys.</summary>
public class TextAndEqualityTests
{
    [Fact]
    public void TextFormIsFixed()
    {
        Assert.Equal("threefry2x32:000000000000002a", PrngKey.Create(42).ToString());
        Assert.Equal("threefry2x32-legacy:000000000000002a", PrngKey.Create(42, O).ToString());
        Assert.Equal("threefry2x32:8000000000000000", PrngKey.Create(long.MinValue).ToString());
        Assert.Equal("threefry2x32:deadbeef0badf00d", PrngKey.FromWords(0xdeadbeef, 0x0badf00d).ToString());
    }

    [Fact]
    public void ParseRoundTripsEveryKindOfKey()
    {
        foreach (PrngImpl impl in BothModes)
        {
            foreach (PrngKey key in new[] { PrngKey.FromWords(0, 0, impl), PrngKey.FromWords(uint.MaxValue, uint.MaxValue, impl), PrngKey.Create(-1L, impl), PrngKey.FromEntropy(impl) })
            {
                Assert.Equal(key, PrngKey.Parse(key.ToString()));
                Assert.True(PrngKey.TryParse(key.ToString(), out PrngKey parsed));
                Assert.Equal(key, parsed);
            }
        }
    }

    [Fact]
    public void HexDigitsAreCaseInsensitive()
    {
        Assert.Equal(PrngKey.FromWords(0xdeadbeef, 0xABCDEF01, O), PrngKey.Parse("threefry2x32-legacy:DEADbeefabcdef01"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("threefry2x32:")]
    [InlineData("threefry2x32:000000000000002")]
    [InlineData("threefry2x32:000000000000002a0")]
    [InlineData("threefry2x32:00000000000000g0")]
    [InlineData("threefry2x32: 00000000000002a")]
    [InlineData("Threefry2x32:000000000000002a")]
    [InlineData("threefry2x32-Legacy:000000000000002a")]
    [InlineData("threefry4x32:000000000000002a")]
    [InlineData(" threefry2x32:000000000000002a")]
    [InlineData("threefry2x32:000000000000002a ")]
    [InlineData("threefry2x32:+00000000000002a")]
    [InlineData("threefry2x32-legacy:0x0000000000002a")]
    [InlineData("000000000000002a")]
    public void BadTextIsRejected(string text)
    {
        Assert.False(PrngKey.TryParse(text, out PrngKey key));
        Assert.Equal(default, key);
        Assert.Throws<FormatException>(() => PrngKey.Parse(text));
    }

    [Fact]
    public void NullText()
    {
        Assert.False(PrngKey.TryParse(null, out _));
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => PrngKey.Parse(null!)).ParamName);
    }

    [Fact]
    public void EqualityComparesWordsAndImpl()
    {
        PrngKey a = PrngKey.FromWords(1, 2);
        Assert.True(a == PrngKey.FromWords(1, 2));
        Assert.False(a != PrngKey.FromWords(1, 2));
        Assert.True(a.Equals((object)PrngKey.FromWords(1, 2)));
        Assert.False(a.Equals("threefry2x32:0000000100000002"));
        Assert.NotEqual(a, PrngKey.FromWords(1, 2, O));
        Assert.NotEqual(a, PrngKey.FromWords(2, 1));
        Assert.NotEqual(a, PrngKey.FromWords(1, 3));
        Assert.Equal(a.GetHashCode(), PrngKey.FromWords(1, 2).GetHashCode());
    }

    [Fact]
    public void HashCodesSpreadOverSequentialKeys()
    {
        var hashes = new HashSet<int>();
        for (int i = 0; i < 10000; i++)
        {
            hashes.Add(PrngKey.Create(i).GetHashCode());
            hashes.Add(PrngKey.Create(i, O).GetHashCode());
        }

        Assert.True(hashes.Count > 19900);
    }

    [Fact]
    public void KeyIsAtMostTwelveBytes()
    {
        Assert.True(System.Runtime.CompilerServices.Unsafe.SizeOf<PrngKey>() <= 12);
    }

    [Fact]
    public void UnknownImplIsRejected()
    {
        Assert.Equal("impl", Assert.Throws<ArgumentOutOfRangeException>(() => PrngKey.Create(1, (PrngImpl)7)).ParamName);
        Assert.Equal("impl", Assert.Throws<ArgumentOutOfRangeException>(() => PrngKey.FromWords(1, 2, (PrngImpl)2)).ParamName);
    }
}
