namespace RandomPurity.Tests;

internal static class TestKeys
{
    internal const PrngImpl P = PrngImpl.Threefry2x32;
    internal const PrngImpl O = PrngImpl.Threefry2x32Legacy;

    internal static readonly PrngImpl[] BothModes = { P, O };

    /// <summary>PRNGKey(seed) in x32 mode for a seed given as its uint32 value.</summary>
    internal static PrngKey Key(uint seed, PrngImpl impl) => PrngKey.FromWords(0, seed, impl);

    internal static (uint, uint) Words(PrngKey key) => (key.Word0, key.Word1);
}
