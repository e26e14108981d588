using System;
using System.Linq;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>Counter offsets (element i = JAX's element startIndex + i) and parallel fills equal to the single-threaded ones.</summary>
public class OffsetAndParallelTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 70)]
    [InlineData(63, 200)]
    [InlineData(4097, 5000)]
    public void OffsetRangesAreSlicesOfTheWholeArray(int start, int count)
    {
        PrngKey key = PrngKey.Create(5);
        int total = start + count;
        var bits = new uint[total];
        var bits64 = new ulong[total];
        var uniform = new float[total];
        var uniform64 = new double[total];
        var normal = new float[total];
        var normal64 = new double[total];
        key.Bits(bits);
        key.Bits(bits64);
        key.Uniform(uniform, -3f, 4f);
        key.Uniform(uniform64, -3d, 4d);
        key.Normal(normal);
        key.Normal(normal64);

        var b = new uint[count];
        var b64 = new ulong[count];
        var u = new float[count];
        var u64 = new double[count];
        var z = new float[count];
        var z64 = new double[count];
        key.Bits(b, start);
        key.Bits(b64, start);
        key.Uniform(u, start, -3f, 4f);
        key.Uniform(u64, start, -3d, 4d);
        key.Normal(z, start);
        key.Normal(z64, start);
        Assert.Equal(bits.Skip(start), b);
        Assert.Equal(bits64.Skip(start), b64);
        Assert.Equal(uniform.Skip(start), u);
        Assert.Equal(uniform64.Skip(start), u64);
        Assert.Equal(normal.Skip(start), z);
        Assert.Equal(normal64.Skip(start), z64);
    }

    [Fact]
    public void OffsetsBeyondThirtyTwoBitsUseTheSixtyFourBitCounter()
    {
        // Element 2^32 + 5 hashes the counter (1, 5): partitionable bits are a ^ b of that block (jax-prng.md section 8).
        PrngKey key = PrngKey.Create(42);
        var bits = new uint[3];
        key.Bits(bits, (1L << 32) + 5);
        for (uint i = 0; i < 3; i++)
        {
            Threefry2x32.Hash(key.Word0, key.Word1, 1, 5 + i, out uint a, out uint c);
            Assert.Equal(a ^ c, bits[i]);
        }
    }

    [Fact]
    public void OffsetsRejectLegacyKeysAndNegativeStarts()
    {
        PrngKey legacy = PrngKey.Create(1, O);
        NotSupportedException e = Assert.Throws<NotSupportedException>(() => legacy.Bits(new uint[4], 0));
        Assert.Contains("Threefry2x32Legacy", e.Message);
        Assert.Throws<NotSupportedException>(() => legacy.Uniform(new float[4], 3, 0f, 1f));
        Assert.Throws<NotSupportedException>(() => legacy.Normal(new double[4], 3));
        Assert.Throws<ArgumentOutOfRangeException>("startIndex", () => PrngKey.Create(1).Bits(new ulong[4], -1));
    }

    [Theory]
    [InlineData(P, 300_001)]
    [InlineData(O, 300_001)]
    [InlineData(P, 1000)]
    public void ParallelFillsEqualSingleThreadedFills(PrngImpl impl, int n)
    {
        PrngKey key = PrngKey.Create(77, impl);
        var bits = new uint[n];
        var parallelBits = new uint[n];
        key.Bits(bits);
        key.ParallelBits(parallelBits);
        Assert.Equal(bits, parallelBits);

        var uniform = new float[n];
        var parallelUniform = new float[n];
        key.Uniform(uniform, 1f, 2f);
        key.ParallelUniform(parallelUniform, 1f, 2f);
        Assert.Equal(uniform, parallelUniform);

        var uniform64 = new double[n];
        var parallelUniform64 = new double[n];
        key.Uniform(uniform64);
        key.ParallelUniform(parallelUniform64);
        Assert.Equal(uniform64, parallelUniform64);

        var normal = new float[n];
        var parallelNormal = new float[n];
        key.Normal(normal);
        key.ParallelNormal(parallelNormal);
        Assert.Equal(normal, parallelNormal);

        var normal64 = new double[n];
        var parallelNormal64 = new double[n];
        key.Normal(normal64);
        key.ParallelNormal(parallelNormal64);
        Assert.Equal(normal64, parallelNormal64);
    }
}
