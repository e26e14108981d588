using System;
using Xunit;

namespace RandomPurity.Tests;

/// <summary>
/// The bulk kernels every sampler funnels through, against the block function one element at a time: the contract a
/// vectorised kernel must keep (including odd lengths and counters that cross a 32-bit boundary).
/// </summary>
public class CounterStreamKernelTests
{
    private const uint K0 = 0x01234567, K1 = 0x89abcdef;

    [Theory]
    [InlineData(0ul, 1)]
    [InlineData(0ul, 37)]
    [InlineData(0xFFFFFFF0ul, 40)]
    [InlineData(0x00000005FFFFFFFEul, 9)]
    public void PartitionableKernelsUseTheSixtyFourBitCounter(ulong counter, int length)
    {
        var xor = new uint[length];
        var concat = new ulong[length];
        CounterStream.PartitionableXor(K0, K1, counter, xor);
        CounterStream.PartitionableConcat(K0, K1, counter, concat);
        for (int i = 0; i < length; i++)
        {
            ulong c = counter + (ulong)i;
            Threefry2x32.Hash(K0, K1, (uint)(c >> 32), (uint)c, out uint a, out uint b);
            Assert.Equal(a ^ b, xor[i]);
            Assert.Equal(((ulong)a << 32) | b, concat[i]);
        }
    }

    [Theory]
    [InlineData(0u, 3u, 3)]
    [InlineData(100u, 200u, 65)]
    [InlineData(0xFFFFFFFEu, 5u, 4)]
    public void LegacyKernelsHashTwoCounterRuns(uint x0, uint x1, int length)
    {
        var first = new uint[length];
        var second = new uint[length];
        var concat = new ulong[length];
        CounterStream.LegacyBlocks(K0, K1, x0, x1, first, second);
        CounterStream.LegacyConcat(K0, K1, x0, x1, concat);
        for (int i = 0; i < length; i++)
        {
            Threefry2x32.Hash(K0, K1, unchecked(x0 + (uint)i), unchecked(x1 + (uint)i), out uint a, out uint b);
            Assert.Equal(a, first[i]);
            Assert.Equal(b, second[i]);
            Assert.Equal(((ulong)a << 32) | b, concat[i]);
        }
    }

    [Fact]
    public void LegacyBlocksRejectMismatchedRuns()
    {
        Assert.Throws<ArgumentException>(() => CounterStream.LegacyBlocks(K0, K1, 0, 1, new uint[2], new uint[3]));
    }

    [Fact]
    public void BulkTransformsEqualScalarTransforms()
    {
        var bits = new uint[1000];
        PrngKey.Create(12).Bits(bits);
        float[] floats = Array.ConvertAll(bits, b => BitConverter.Int32BitsToSingle((int)b));
        var normals = (float[])floats.Clone();
        UniformSampling.FromBits(floats.AsSpan(), -2f, 3f);
        NormalSampling.FromBits(normals.AsSpan());
        for (int i = 0; i < bits.Length; i++)
        {
            Assert.Equal(UniformSampling.Scale(UniformSampling.UnitSingle(bits[i]), -2f, 5f), floats[i]);
            Assert.Equal(NormalSampling.FromBits(bits[i]), normals[i]);
        }
    }
}
