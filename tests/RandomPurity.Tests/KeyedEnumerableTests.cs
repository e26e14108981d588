using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace RandomPurity.Tests;

public sealed class KeyedEnumerableTests
{
    [Theory]
    [InlineData(PrngImpl.Threefry2x32)]
    [InlineData(PrngImpl.Threefry2x32Legacy)]
    public void Shuffle_IsTheKeysShuffleOfTheElements(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(17, impl);
        string[] items = Enumerable.Range(0, 40).Select(i => "item" + i).ToArray();
        string[] expected = items.ToArray();
        key.Shuffle<string>(expected);

        Assert.Equal(expected, items.Shuffle(key));
        Assert.Equal(key.Permutation(items.Length).Select(i => items[i]), items.Shuffle(key));
    }

    [Fact]
    public void Shuffle_IsDeferredAndRepeatable()
    {
        var source = new List<int> { 1, 2, 3 };
        IEnumerable<int> shuffled = source.Shuffle(PrngKey.Create(3));
        source.AddRange(Enumerable.Range(4, 7));

        int[] first = shuffled.ToArray();
        Assert.Equal(Enumerable.Range(1, 10), first.OrderBy(x => x));
        Assert.Equal(first, shuffled.ToArray());
    }

    [Fact]
    public void Shuffle_NullSource_Throws()
    {
        var error = Assert.Throws<ArgumentNullException>(() => KeyedEnumerable.Shuffle<int>(null!, PrngKey.Create(0)));
        Assert.Equal("source", error.ParamName);
    }
}
