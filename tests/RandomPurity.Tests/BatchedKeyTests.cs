using System;
using System.Linq;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>Batched keys (jax.vmap over keys) and fused fold-in draws equal the scalar composition, element by element.</summary>
public class BatchedKeyTests
{
    private static readonly int[] Sizes = { 0, 1, 3, 15, 64, 65, 131, 1000, 4099 };

    [Fact]
    public void FoldInOfASpanIsFoldInOfEachElement()
    {
        foreach (PrngImpl impl in BothModes)
        {
            PrngKey key = PrngKey.Create(7, impl);
            foreach (int n in Sizes)
            {
                uint[] data = Enumerable.Range(0, n).Select(i => (uint)i * 0x9E3779B9u).ToArray();
                var keys = new PrngKey[n];
                key.FoldIn(data, keys);
                Assert.Equal(data.Select(d => key.FoldIn(d)).ToArray(), keys);
            }
        }
    }

    [Fact]
    public void FoldInOfASpanKnowsJaxValues()
    {
        // fold_in(PRNGKey(0), d), both modes. d = 0 and 1: jax/_src/random/stateful_rng.py docstrings; d = 4:
        // tests/random_test.py testPRNGValues (JAX jax-v0.11.0). d = 7 and 0x9E3779B9: tests/known-answers/
        // threefry2x32.py, a plain-Python Threefry-2x32 checked against Random123's known answer and the three above.
        uint[] data = { 0, 1, 4, 7, 0x9E3779B9 };
        uint[][] expected =
        {
            new uint[] { 1797259609, 2579123966 }, new uint[] { 928981903, 3453687069 }, new uint[] { 2285895361, 433833334 },
            new uint[] { 2716826189, 292468403 }, new uint[] { 2706074670, 3443439065 },
        };
        foreach (PrngImpl impl in BothModes)
        {
            var keys = new PrngKey[data.Length];
            PrngKey.Create(0, impl).FoldIn(data, keys);
            Assert.Equal(expected, keys.Select(k => new[] { k.Word0, k.Word1 }).ToArray());
        }
    }

    [Fact]
    public void FoldInOfASpanEqualsSplitInPartitionableMode()
    {
        // split(key, n)[i] == fold_in(key, i) in the partitionable mode (jax-prng.md section 6).
        PrngKey key = PrngKey.Create(0);
        var keys = new PrngKey[5];
        key.FoldIn(new uint[] { 0, 1, 2, 3, 4 }, keys);
        Assert.Equal(key.Split(5), keys);
    }

    [Fact]
    public void DrawsFromASpanOfKeysAreEachKeysScalarDraw()
    {
        PrngKey root = PrngKey.Create(11);
        foreach (int n in Sizes)
        {
            PrngKey[] keys = BulkWidthTests.Keys(root, n);
            var bits32 = new uint[n];
            var bits64 = new ulong[n];
            var uniformSingle = new float[n];
            var uniform = new double[n];
            var normalSingle = new float[n];
            var normal = new double[n];
            PrngKey.Bits32(keys, bits32);
            PrngKey.Bits64(keys, bits64);
            PrngKey.UniformSingle(keys, uniformSingle, -1f, 2f);
            PrngKey.Uniform(keys, uniform, -1d, 2d);
            PrngKey.NormalSingle(keys, normalSingle);
            PrngKey.Normal(keys, normal);
            Assert.Equal(keys.Select(k => k.Bits32()).ToArray(), bits32);
            Assert.Equal(keys.Select(k => k.Bits64()).ToArray(), bits64);
            Assert.Equal(keys.Select(k => k.UniformSingle(-1f, 2f)).ToArray(), uniformSingle);
            Assert.Equal(keys.Select(k => k.Uniform(-1d, 2d)).ToArray(), uniform);
            Assert.Equal(keys.Select(k => k.NormalSingle()).ToArray(), normalSingle);
            Assert.Equal(keys.Select(k => k.Normal()).ToArray(), normal);
        }
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(12345u)]
    [InlineData(0xFFFFFF00u)]
    public void FusedFoldInDrawsEqualFoldInThenDraw(uint first)
    {
        foreach (PrngImpl impl in BothModes)
        {
            PrngKey key = PrngKey.Create(2024, impl);
            foreach (int n in Sizes)
            {
                uint[] data = Enumerable.Range(0, n).Select(i => unchecked(first + (uint)i)).ToArray();
                var bits32 = new uint[n];
                var bits64 = new ulong[n];
                var uniformSingle = new float[n];
                var uniform = new double[n];
                var normalSingle = new float[n];
                var normal = new double[n];
                key.FoldInBits32(first, bits32);
                key.FoldInBits64(first, bits64);
                key.FoldInUniformSingle(first, uniformSingle, 2f, 5f);
                key.FoldInUniform(first, uniform);
                key.FoldInNormalSingle(first, normalSingle);
                key.FoldInNormal(first, normal);
                Assert.Equal(data.Select(d => key.FoldIn(d).Bits32()).ToArray(), bits32);
                Assert.Equal(data.Select(d => key.FoldIn(d).Bits64()).ToArray(), bits64);
                Assert.Equal(data.Select(d => key.FoldIn(d).UniformSingle(2f, 5f)).ToArray(), uniformSingle);
                Assert.Equal(data.Select(d => key.FoldIn(d).Uniform()).ToArray(), uniform);
                Assert.Equal(data.Select(d => key.FoldIn(d).NormalSingle()).ToArray(), normalSingle);
                Assert.Equal(data.Select(d => key.FoldIn(d).Normal()).ToArray(), normal);
            }
        }
    }

    [Fact]
    public void SplitOfASpanOfKeysIsEachKeysSplit()
    {
        PrngKey root = PrngKey.Create(5);
        foreach (int n in Sizes)
        {
            PrngKey[] keys = BulkWidthTests.Keys(root, n); // both modes, interleaved
            var first = new PrngKey[n];
            var second = new PrngKey[n];
            PrngKey.Split(keys, first, second);
            Assert.Equal(keys.Select(k => k.Split().First).ToArray(), first);
            Assert.Equal(keys.Select(k => k.Split().Second).ToArray(), second);
        }
    }

    [Fact]
    public void SplitInPlaceAdvancesEveryChain()
    {
        foreach (PrngImpl impl in BothModes)
        {
            // 300 chains (more than one chunk of 256), as `key, sub = split(key)` and as `sub, key = split(key)`.
            PrngKey[] left = Enumerable.Range(0, 300).Select(i => PrngKey.Create(i, impl)).ToArray();
            PrngKey[] right = (PrngKey[])left.Clone();
            PrngKey[] expectedLeft = (PrngKey[])left.Clone();
            PrngKey[] expectedRight = (PrngKey[])left.Clone();
            var subkeys = new PrngKey[300];
            for (int step = 0; step < 4; step++)
            {
                var expectedSubkeys = new PrngKey[300];
                for (int i = 0; i < 300; i++)
                {
                    (expectedLeft[i], expectedSubkeys[i]) = expectedLeft[i].Split();
                }

                PrngKey.Split(left, left, subkeys);
                Assert.Equal(expectedLeft, left);
                Assert.Equal(expectedSubkeys, subkeys);

                for (int i = 0; i < 300; i++)
                {
                    (expectedSubkeys[i], expectedRight[i]) = expectedRight[i].Split();
                }

                PrngKey.Split(right, subkeys, right);
                Assert.Equal(expectedRight, right);
                Assert.Equal(expectedSubkeys, subkeys);
            }
        }
    }

    [Fact]
    public void SplitOfASpanRejectsBadDestinations()
    {
        var buffer = new PrngKey[12];
        Assert.Throws<ArgumentException>("first", () => PrngKey.Split(new PrngKey[3], new PrngKey[2], new PrngKey[3]));
        Assert.Throws<ArgumentException>("second", () => PrngKey.Split(new PrngKey[3], new PrngKey[3], new PrngKey[4]));
        Assert.Throws<ArgumentException>("first", () => PrngKey.Split(buffer.AsSpan(0, 4), buffer.AsSpan(1, 4), new PrngKey[4]));
        Assert.Throws<ArgumentException>("second", () => PrngKey.Split(buffer.AsSpan(4, 4), new PrngKey[4], buffer.AsSpan(2, 4)));
        Assert.Throws<ArgumentException>("second", () => PrngKey.Split(new PrngKey[4], buffer.AsSpan(0, 4), buffer.AsSpan(3, 4)));
        Assert.Throws<ArgumentException>("second", () => PrngKey.Split(buffer.AsSpan(0, 4), buffer.AsSpan(0, 4), buffer.AsSpan(0, 4)));
        PrngKey.Split(buffer.AsSpan(0, 4), buffer.AsSpan(4, 4), buffer.AsSpan(8, 4)); // apart
        PrngKey.Split(default, default, default); // empty
        Assert.Equal(PrngKey.Create(0).Split().Second, buffer[8]);
    }

    [Fact]
    public void BatchedMembersRejectMismatchedLengths()
    {
        PrngKey key = PrngKey.Create(1);
        Assert.Throws<ArgumentException>("destination", () => key.FoldIn(new uint[3], new PrngKey[2]));
        Assert.Throws<ArgumentException>("destination", () => PrngKey.Bits32(new PrngKey[3], new uint[4]));
        Assert.Throws<ArgumentException>("destination", () => PrngKey.UniformSingle(new PrngKey[3], new float[2]));
        Assert.Throws<ArgumentOutOfRangeException>("minValue", () => PrngKey.UniformSingle(new PrngKey[1], new float[1], float.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("maxValue", () => key.FoldInUniformSingle(0, new float[1], 0f, float.PositiveInfinity));
    }
}
