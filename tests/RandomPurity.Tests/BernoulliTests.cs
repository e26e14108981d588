using System;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>jax.random.bernoulli (jax-prng.md section 9.4), mode 'low': uniform(key, p.dtype) &lt; p.</summary>
public class BernoulliTests
{
    [Fact]
    public void OriginalTestRandomDistributionValuesBernoulli()
    {
        var values = new bool[5];
        Key(1612777541, O).Bernoulli(values, 0.5f);
        Assert.Equal(new[] { false, true, true, true, false }, values);
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void BulkAndScalarCompareTheUniformWithP(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(2718, impl);
        foreach (int n in new[] { 1, 5, 600 })
        {
            var u32 = new float[n];
            var u64 = new double[n];
            key.Uniform(u32);
            key.Uniform(u64);
            foreach (double p in new[] { 0.0, 0.3, 0.5, 0.999, 1.0 })
            {
                var b32 = new bool[n];
                var b64 = new bool[n];
                key.Bernoulli(b32, (float)p);
                key.Bernoulli(b64, p);
                for (int i = 0; i < n; i++)
                {
                    Assert.Equal(u32[i] < (float)p, b32[i]);
                    Assert.Equal(u64[i] < p, b64[i]);
                }

                if (n == 1)
                {
                    Assert.Equal(b32[0], key.Bernoulli((float)p));
                    Assert.Equal(b64[0], key.Bernoulli(p));
                }
            }
        }

        Assert.Equal(key.Bernoulli(0.5), key.Bernoulli());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.PositiveInfinity)]
    public void ProbabilityOutsideUnitIntervalThrows(double p)
    {
        PrngKey key = PrngKey.Create(0);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => key.Bernoulli(p)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => key.Bernoulli((float)p)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => key.Bernoulli(new bool[3], p)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => key.Bernoulli(new bool[3], (float)p)).ParamName);
    }
}
