using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// The weighted Choice overloads must not capture the core's <c>Choice(items, destination)</c> (what the GetItems code fix
/// emits) when the items are floats or doubles: an array converts to both Span and ReadOnlySpan.
/// </summary>
public sealed class ChoiceOverloadTests
{
    [Fact]
    public void UnweightedChoiceOfFloatsStillBindsToTheCore()
    {
        PrngKey key = PrngKey.Create(1);
        float[] items = { 10, 20, 30 };
        var destination = new float[4];
        key.Choice(items, destination);

        var indices = new int[4];
        key.Integers(indices, 0, 3);    // choice with replacement and no p = randint(key, shape, 0, n)
        Assert.Equal(new[] { items[indices[0]], items[indices[1]], items[indices[2]], items[indices[3]] }, destination);
    }

    [Fact]
    public void UnweightedChoiceOfDoublesStillBindsToTheCore()
    {
        PrngKey key = PrngKey.Create(2);
        double[] items = { 10, 20, 30 };
        var destination = new double[2];
        key.Choice(items, destination, replace: false);

        int[] order = key.Permutation(3);
        Assert.Equal(new[] { items[order[0]], items[order[1]] }, destination);
    }
}
