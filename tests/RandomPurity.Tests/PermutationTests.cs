using System;
using System.Linq;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>jax.random.permutation / _shuffle (jax-prng.md section 9.5) against a naive stable-sort reference.</summary>
public class PermutationTests
{
    /// <summary>The spec's algorithm with LINQ's stable OrderBy: rounds of (key, sub) = split(key), sort by bits of sub.</summary>
    private static int[] Reference(PrngKey key, int n, int rounds)
    {
        int[] x = Enumerable.Range(0, n).ToArray();
        for (int r = 0; r < rounds; r++)
        {
            PrngKey sub;
            (key, sub) = key.Split();
            var bits = new uint[n];
            sub.Bits(bits);
            x = x.Select((value, i) => (value, bits[i])).OrderBy(p => p.Item2).Select(p => p.value).ToArray();
        }

        return x;
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(1625, 1)]
    [InlineData(1626, 2)]
    [InlineData(2642245, 2)]
    [InlineData(2642246, 3)]
    [InlineData(int.MaxValue, 3)]
    public void RoundCountsMatchJaxFormula(int n, int rounds)
    {
        Assert.Equal(rounds, PermutationSampling.Rounds(n));
    }

    [Theory]
    [InlineData(P, 2)]
    [InlineData(O, 3)]
    [InlineData(P, 10)]
    [InlineData(O, 1625)]
    [InlineData(P, 1626)]
    [InlineData(O, 65536)]
    [InlineData(P, 65536)]
    [InlineData(P, 100003)]
    [InlineData(O, 100003)]
    public void MatchesTheNaiveStableSortReference(PrngImpl impl, int n)
    {
        PrngKey key = PrngKey.Create(n * 31L, impl);
        int[] permutation = key.Permutation(n);
        Assert.Equal(Reference(key, n, PermutationSampling.Rounds(n)), permutation);
        Assert.Equal(Enumerable.Range(0, n), permutation.OrderBy(v => v));
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void ThreeMillionItemsNeedThreeRoundsAndStableTies(PrngImpl impl)
    {
        const int n = 3_000_000;
        PrngKey key = PrngKey.Create(3, impl);

        // At this size the 32-bit sort keys collide (birthday bound), so stability is exercised.
        var (_, sub) = key.Split();
        var bits = new uint[n];
        sub.Bits(bits);
        Assert.True(bits.Distinct().Count() < n);

        int[] permutation = key.Permutation(n);
        Assert.Equal(Reference(key, n, 3), permutation);
        var seen = new bool[n];
        foreach (int v in permutation)
        {
            Assert.False(seen[v]);
            seen[v] = true;
        }
    }

    [Fact]
    public void RadixSortIsStableByKeyThenPosition()
    {
        var items = new ulong[] { (5ul << 32) | 0, (1ul << 32) | 1, (5ul << 32) | 2, (0xFFFFFFFFul << 32) | 3, (1ul << 32) | 4, 5 };
        var scratch = new ulong[items.Length];
        PermutationSampling.SortByHighWord(items, scratch);
        Assert.Equal(new ulong[] { 5, (1ul << 32) | 1, (1ul << 32) | 4, (5ul << 32) | 0, (5ul << 32) | 2, (0xFFFFFFFFul << 32) | 3 }, items);
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void ShuffleAppliesThePermutation(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(17, impl);
        string[] items = Enumerable.Range(0, 2000).Select(i => "item" + i).ToArray();
        string[] shuffled = (string[])items.Clone();
        key.Shuffle(shuffled.AsSpan());
        int[] permutation = key.Permutation(items.Length);
        Assert.Equal(permutation.Select(i => items[i]), shuffled);
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void ChoiceWithoutReplacementIsAPermutationPrefix(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(23, impl);
        char[] items = "abcdefghijklmnopqrstuvwxyz".ToCharArray();
        var destination = new char[10];
        key.Choice<char>(items, destination, replace: false);
        Assert.Equal(key.Permutation(26).Take(10).Select(i => items[i]), destination);
        var all = new char[26];
        key.Choice<char>(items, all, replace: false);
        Assert.Equal(key.Permutation(26).Select(i => items[i]), all);
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void ChoiceIntoNewArrayEqualsChoiceIntoDestination(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(31, impl);
        int[] items = Enumerable.Range(100, 37).ToArray();
        foreach (bool replace in new[] { true, false })
        {
            var destination = new int[12];
            key.Choice<int>(items, destination, replace);
            Assert.Equal(destination, key.Choice<int>(items, 12, replace));
            Assert.Equal(key.FoldIn(0).Choice<int>(items, 12, replace), new StatefulPrng(key).Choice<int>(items, 12, replace));
        }

        Assert.Empty(key.Choice<int>(items, 0));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => key.Choice<int>(items, -1));
        Assert.Equal("count", error.ParamName);
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void ChoiceWithReplacementIsRandintIndices(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(29, impl);
        int[] items = Enumerable.Range(100, 7).ToArray();
        foreach (int n in new[] { 1, 5, 1000 })
        {
            var destination = new int[n];
            key.Choice<int>(items, destination);
            var indices = new int[n];
            key.Integers(indices, 0, items.Length);
            Assert.Equal(indices.Select(i => items[i]), destination);
        }
    }

    [Fact]
    public void InvalidCountsThrow()
    {
        PrngKey key = PrngKey.Create(0);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => key.Permutation(-1)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => key.Choice<int>(new[] { 1, 2 }, new int[3], replace: false)).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentException>(() => key.Choice<int>(Array.Empty<int>(), new int[1])).ParamName);
        key.Choice<int>(Array.Empty<int>(), Array.Empty<int>());
        key.Choice<int>(new[] { 1 }, Array.Empty<int>(), replace: false);
    }
}
