using System;
using System.Runtime.InteropServices;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>jax.random.bits (jax-prng.md section 8) in both modes, every width.</summary>
public class BitsTests
{
    [Fact]
    public void OriginalModeSeed1701MatchesTestRngRandomBits()
    {
        PrngKey key = PrngKey.Create(1701, O);
        var b8 = new byte[3];
        var b16 = new ushort[3];
        var b32 = new uint[3];
        var b64 = new ulong[3];
        key.Bits(b8);
        key.Bits(b16);
        key.Bits(b32);
        key.Bits(b64);
        Assert.Equal(new byte[] { 216, 115, 43 }, b8);
        Assert.Equal(new ushort[] { 41682, 1300, 55017 }, b16);
        Assert.Equal(new uint[] { 56197195, 4200222568, 961309823 }, b32);
        Assert.Equal(new ulong[] { 3982329540505020460, 16822122385914693683, 7882654074788531506 }, b64);
    }

    [Fact]
    public void OriginalModeMatchesTestRandomDistributionValuesBits()
    {
        PrngKey key = Key(942802475, O);
        var b8 = new byte[5];
        var b16 = new ushort[5];
        var b32 = new uint[5];
        var b64 = new ulong[5];
        key.Bits(b8);
        key.Bits(b16);
        key.Bits(b32);
        key.Bits(b64);
        Assert.Equal(new byte[] { 10, 158, 82, 54, 158 }, b8);
        Assert.Equal(new ushort[] { 6738, 38161, 50695, 57337, 61600 }, b16);
        Assert.Equal(new uint[] { 1978747883, 4134381225, 3628107870, 689687174, 2788938207 }, b32);
        Assert.Equal(
            new ulong[] { 17649965731882839947, 1415307058040849897, 8282622628079774249, 14024425113645909402, 2012979996110532418 },
            b64);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(1000)]
    public void OriginalModeNarrowBitsAreLittleEndianViewsOfWideBits(int n32)
    {
        // testRngRandomBitsViewProperty: bits8.view(uint32) == bits16.view(uint32) == bits32 when n * width is a multiple of 64.
        PrngKey key = PrngKey.Create(31337, O);
        var b8 = new byte[4 * n32];
        var b16 = new ushort[2 * n32];
        var b32 = new uint[n32];
        key.Bits(b8);
        key.Bits(b16);
        key.Bits(b32);
        for (int i = 0; i < n32; i++)
        {
            Assert.Equal(b32[i], (uint)(b8[4 * i] | (b8[(4 * i) + 1] << 8) | (b8[(4 * i) + 2] << 16) | (b8[(4 * i) + 3] << 24)));
            Assert.Equal(b32[i], (uint)(b16[2 * i] | (b16[(2 * i) + 1] << 16)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(300)]
    public void PartitionableBitsAreOneBlockPerElement(int n)
    {
        PrngKey key = PrngKey.Create(-123456789L);
        var b8 = new byte[n];
        var b16 = new ushort[n];
        var b32 = new uint[n];
        var b64 = new ulong[n];
        key.Bits(b8);
        key.Bits(b16);
        key.Bits(b32);
        key.Bits(b64);
        for (int i = 0; i < n; i++)
        {
            Threefry2x32.Hash(key.Word0, key.Word1, 0, (uint)i, out uint a, out uint b);
            Assert.Equal(a ^ b, b32[i]);
            Assert.Equal((ushort)(a ^ b), b16[i]);
            Assert.Equal((byte)(a ^ b), b8[i]);
            Assert.Equal(((ulong)a << 32) | b, b64[i]);
        }
    }

    [Fact]
    public void PartitionableElementsDoNotDependOnTheSize()
    {
        PrngKey key = PrngKey.Create(5);
        var small = new uint[7];
        var large = new uint[1001];
        key.Bits(small);
        key.Bits(large);
        Assert.Equal(small, large.AsSpan(0, 7).ToArray());
    }

    [Fact]
    public void OriginalThirtyTwoBitStreamFollowsTheHalfPairing()
    {
        PrngKey key = PrngKey.Create(77, O);
        foreach (int n in new[] { 1, 2, 3, 4, 5, 6, 7, 511, 512, 513, 1001 })
        {
            var bits = new uint[n];
            key.Bits(bits);
            int half = (n + 1) / 2;
            for (int j = 0; j < half; j++)
            {
                uint second = j + half < n ? (uint)(j + half) : 0u; // one zero of padding for odd n
                Threefry2x32.Hash(key.Word0, key.Word1, (uint)j, second, out uint y0, out uint y1);
                Assert.Equal(y0, bits[j]);
                if (j + half < n)
                {
                    Assert.Equal(y1, bits[j + half]);
                }
            }
        }
    }

    [Fact]
    public void OriginalSizeFiveAndSixPairAsTheSpecSays()
    {
        // Size 5 pairs (0,3), (1,4), (2,0); size 6 pairs (0,3), (1,4), (2,5): element 2 differs, elements 0 and 1 agree.
        PrngKey key = PrngKey.Create(42, O);
        var five = new uint[5];
        var six = new uint[6];
        key.Bits(five);
        key.Bits(six);
        Assert.Equal(five[0], six[0]);
        Assert.Equal(five[1], six[1]);
        Assert.NotEqual(five[2], six[2]);
        Threefry2x32.Hash(0, 42, 2, 0, out uint y0, out _);
        Assert.Equal(y0, five[2]);
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void RangeRequestsEqualSlicesOfTheWholeStream(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(-99, impl);
        foreach (int total in new[] { 1, 2, 3, 8, 9, 33, 600, 1203 })
        {
            var whole = new uint[total];
            CounterStream.Words32(key, total, 0, whole);
            var whole64 = new ulong[total];
            CounterStream.Words64(key, total, 0, whole64);
            int step = Math.Max(1, total / 7);
            for (int start = 0; start < total; start += step)
            {
                for (int length = 1; start + length <= total; length += step)
                {
                    var part = new uint[length];
                    CounterStream.Words32(key, total, start, part);
                    Assert.Equal(whole.AsSpan(start, length).ToArray(), part);
                    var part64 = new ulong[length];
                    CounterStream.Words64(key, total, start, part64);
                    Assert.Equal(whole64.AsSpan(start, length).ToArray(), part64);
                }
            }
        }
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void ScalarBitsEqualElementZeroOfLengthOne(PrngImpl impl)
    {
        for (int seed = -3; seed < 20; seed++)
        {
            PrngKey key = PrngKey.Create(seed * 7919L, impl);
            var b32 = new uint[1];
            var b64 = new ulong[1];
            key.Bits(b32);
            key.Bits(b64);
            Assert.Equal(b32[0], key.Bits32());
            Assert.Equal(b64[0], key.Bits64());
        }
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void EmptyDestinationsAreFine(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(1, impl);
        key.Bits(Span<byte>.Empty);
        key.Bits(Span<ushort>.Empty);
        key.Bits(Span<uint>.Empty);
        key.Bits(Span<ulong>.Empty);
        key.Uniform(Span<float>.Empty);
        key.Normal(Span<double>.Empty);
        key.Integers(Span<int>.Empty, 0, 3);
        key.Bernoulli(Span<bool>.Empty, 0.5f);
        Assert.Empty(key.Permutation(0));
    }

    [Theory]
    [InlineData(P, 1)]
    [InlineData(P, 7)]
    [InlineData(O, 1)]
    [InlineData(O, 2)]
    [InlineData(O, 3)]
    [InlineData(O, 5)]
    [InlineData(O, 4099)]
    public void NarrowBitsFollowTheirWordStreams(PrngImpl impl, int n)
    {
        PrngKey key = PrngKey.Create(8, impl);
        var b8 = new byte[n];
        var b16 = new ushort[n];
        key.Bits(b8);
        key.Bits(b16);
        int words8 = impl == O ? (n + 3) / 4 : n;
        int words16 = impl == O ? (n + 1) / 2 : n;
        var w8 = new uint[words8];
        var w16 = new uint[words16];
        key.Bits(w8);
        key.Bits(w16);
        byte[] lanes8 = MemoryMarshal.AsBytes(w8.AsSpan()).ToArray();
        ushort[] lanes16 = MemoryMarshal.Cast<uint, ushort>(w16.AsSpan()).ToArray();
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(impl == O ? lanes8[i] : (byte)w8[i], b8[i]);
            Assert.Equal(impl == O ? lanes16[i] : (ushort)w16[i], b16[i]);
        }
    }
}
