using System;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>jax-prng.md sections 6 and 7 and the asserted values of section 11.</summary>
public class SplitFoldInTests
{
    [Fact]
    public void PartitionableSplitOfKey0MatchesStatefulRngDocstring()
    {
        var (first, second) = PrngKey.Create(0).Split();
        Assert.Equal((1797259609u, 2579123966u), Words(first));
        Assert.Equal((928981903u, 3453687069u), Words(second));
        Assert.Equal(P, first.Impl);
    }

    [Fact]
    public void OriginalSplitOfKey0MatchesCommonGotchas()
    {
        var (key, sub) = PrngKey.Create(0, O).Split();
        Assert.Equal((4146024105u, 967050713u), Words(key));
        Assert.Equal((2718843009u, 1272950319u), Words(sub));
        Assert.Equal(O, sub.Impl);
        (key, sub) = key.Split();
        Assert.Equal((2384771982u, 3928867769u), Words(key));
        Assert.Equal((1278412471u, 2182328957u), Words(sub));
    }

    [Fact]
    public void OriginalSplitFourMatchesTestPrngValues()
    {
        PrngKey[] keys = PrngKey.Create(0, O).Split(4);
        Assert.Equal(
            new[] { (2285895361u, 1501764800u), (1518642379u, 4090693311u), (433833334u, 4221794875u), (839183663u, 3740430601u) },
            Array.ConvertAll(keys, Words));
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void FoldInFourMatchesTestPrngValuesInBothModes(PrngImpl impl)
    {
        Assert.Equal((2285895361u, 433833334u), Words(PrngKey.Create(0, impl).FoldIn(4)));
        Assert.Equal(PrngKey.Create(0, impl).FoldIn(4u), PrngKey.Create(0, impl).FoldIn(4));
        Assert.Equal(PrngKey.Create(7, impl).FoldIn(uint.MaxValue), PrngKey.Create(7, impl).FoldIn(-1));
        Assert.Equal(impl, PrngKey.Create(0, impl).FoldIn(1).Impl);
    }

    [Fact]
    public void PartitionableSplitIsFoldInOfTheIndex()
    {
        foreach (PrngKey key in new[] { PrngKey.Create(0), PrngKey.Create(-5L), PrngKey.FromWords(0xdeadbeef, 0x01234567) })
        {
            foreach (int n in new[] { 1, 2, 3, 127, 128, 129, 1000 })
            {
                PrngKey[] keys = key.Split(n);
                for (int i = 0; i < n; i++)
                {
                    Assert.Equal(key.FoldIn(i), keys[i]);
                }
            }

            var (a, b) = key.Split();
            Assert.Equal((key.FoldIn(0), key.FoldIn(1)), (a, b));
        }
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void TwoWaySplitEqualsSplitTwoAndSpanSplit(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(123456789L << 3, impl);
        var (a, b) = key.Split();
        Assert.Equal(new[] { a, b }, key.Split(2));
        var span = new PrngKey[2];
        key.Split(span);
        Assert.Equal(new[] { a, b }, span);
    }

    [Fact]
    public void OriginalSplitDependsOnCountAsTheHalfPairingSays()
    {
        // split(key, n) = reshape(threefry_2x32(key, iota(2n)), (n, 2)): word j < n is Y0 of (j, n + j), word n + j is Y1.
        PrngKey key = PrngKey.Create(2024, O);
        foreach (int n in new[] { 1, 3, 4, 5, 128, 129, 300 })
        {
            var words = new uint[2 * n];
            for (int j = 0; j < n; j++)
            {
                Threefry2x32.Hash(key.Word0, key.Word1, (uint)j, (uint)(n + j), out words[j], out words[n + j]);
            }

            PrngKey[] keys = key.Split(n);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal((words[2 * i], words[(2 * i) + 1]), Words(keys[i]));
            }
        }
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void SplitOfZeroKeysIsEmpty(PrngImpl impl)
    {
        Assert.Empty(PrngKey.Create(1, impl).Split(0));
        PrngKey.Create(1, impl).Split(Span<PrngKey>.Empty);
    }

    [Fact]
    public void NegativeSplitCountThrows()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PrngKey.Create(1).Split(-1));
        Assert.Equal("count", e.ParamName);
    }

    [Fact]
    public void CloneIsTheSameKey()
    {
        PrngKey key = PrngKey.Create(99, O);
        Assert.Equal(key, key.Clone());
    }
}
