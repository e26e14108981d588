using Xunit;

namespace RandomPurity.Tests;

/// <summary>jax-prng.md section 4: tests/random_test.py::test_prng_seeds_and_keys, x32 via Create(int), x64 via Create(long).</summary>
public class SeedingTests
{
    [Theory]
    [InlineData(0L, 0u, 0u, 0u)]
    [InlineData(1L, 1u, 0u, 1u)]
    [InlineData(2L, 2u, 0u, 2u)]
    [InlineData(3L, 3u, 0u, 3u)]
    [InlineData(-1L, 4294967295u, 4294967295u, 4294967295u)]
    [InlineData(-3L, 4294967293u, 4294967295u, 4294967293u)]
    [InlineData(2147483747L, 2147483747u, 0u, 2147483747u)]
    [InlineData(2147483748L, 2147483748u, 0u, 2147483748u)]
    [InlineData(-2147483748L, 2147483548u, 4294967295u, 2147483548u)]
    [InlineData(-2147483749L, 2147483547u, 4294967295u, 2147483547u)]
    public void SeedsGiveJaxKeys(long seed, uint x32Word1, uint x64Word0, uint x64Word1)
    {
        foreach (PrngImpl impl in new[] { PrngImpl.Threefry2x32, PrngImpl.Threefry2x32Legacy })
        {
            PrngKey x32 = PrngKey.Create(unchecked((int)seed), impl);
            Assert.Equal((0u, x32Word1, impl), (x32.Word0, x32.Word1, x32.Impl));
            PrngKey x64 = PrngKey.Create(seed, impl);
            Assert.Equal((x64Word0, x64Word1, impl), (x64.Word0, x64.Word1, x64.Impl));
        }
    }

    [Fact]
    public void Int32SeedsAreTypedInt32EvenInX64()
    {
        // np.int32(-2) gives [0, 4294967294] in both modes: the 32-bit shift yields 0, not the seed.
        Assert.Equal((0u, 4294967294u), (PrngKey.Create(-2).Word0, PrngKey.Create(-2).Word1));
        Assert.Equal((4294967295u, 4294967294u), (PrngKey.Create(-2L).Word0, PrngKey.Create(-2L).Word1));
        Assert.Equal((0x12345678u, 0x9abcdef0u), (PrngKey.Create(0x123456789abcdef0L).Word0, PrngKey.Create(0x123456789abcdef0L).Word1));
    }

    [Fact]
    public void FromWordsKeepsWordsAndImpl()
    {
        PrngKey key = PrngKey.FromWords(42, 43, PrngImpl.Threefry2x32Legacy);
        Assert.Equal((42u, 43u, PrngImpl.Threefry2x32Legacy), (key.Word0, key.Word1, key.Impl));
        Assert.Equal(PrngImpl.Threefry2x32, PrngKey.FromWords(1, 2).Impl);
        Assert.Equal(PrngImpl.Threefry2x32, PrngKey.Create(1).Impl);
        Assert.Equal(PrngImpl.Threefry2x32, default(PrngKey).Impl);
    }

    [Fact]
    public void FromEntropyGivesDifferentKeysInTheRequestedMode()
    {
        PrngKey a = PrngKey.FromEntropy();
        PrngKey b = PrngKey.FromEntropy(PrngImpl.Threefry2x32Legacy);
        PrngKey c = PrngKey.FromEntropy();
        Assert.Equal(PrngImpl.Threefry2x32, a.Impl);
        Assert.Equal(PrngImpl.Threefry2x32Legacy, b.Impl);
        Assert.NotEqual(a, c); // 2^-64 chance of a false failure
    }
}
