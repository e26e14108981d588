using System;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>jax.random.uniform (jax-prng.md section 9.1): exact float32/float64 values in both modes.</summary>
public class UniformTests
{
    private static float[] Uniform(PrngKey key, int n, float min = 0f, float max = 1f)
    {
        var values = new float[n];
        key.Uniform(values, min, max);
        return values;
    }

    [Fact]
    public void PartitionableDocstringValues()
    {
        Assert.Equal(0.947667f, PrngKey.Create(0).UniformSingle());
        var (_, sub) = PrngKey.Create(0).Split();
        Assert.Equal(0.00729382, sub.UniformSingle(), 1e-8); // printed with 6 significant digits
        Assert.Equal(new[] { 0.947667f, 0.9785799f, 0.33229148f }, Uniform(PrngKey.Create(0), 3));
    }

    [Fact]
    public void OriginalDocstringValues()
    {
        Assert.Equal(0.41845703f, PrngKey.Create(0, O).UniformSingle());
        var (_, sub) = PrngKey.Create(0, O).Split();
        Assert.Equal(0.10536897f, sub.UniformSingle());
        Assert.Equal(new[] { 0.9653214f, 0.31468165f, 0.63302994f }, Uniform(PrngKey.Create(0, O), 3));
    }

    [Fact]
    public void OriginalOddSizePaddingChangesTheMiddleElement()
    {
        Assert.Equal(new[] { 0.7298188f, 0.8691938f, 0.19643795f, 0.20818567f, 0.18662417f }, Uniform(PrngKey.Create(42, O), 5));
        float[] six = Uniform(PrngKey.Create(42, O), 6);
        var timesTen = Array.ConvertAll(six, x => (double)(x * 10f));
        Approx.Equal(new[] { 7.298188, 8.691938, 8.7230015, 2.0818567, 1.8662417, 5.5022564 }, timesTen, 1e-6);
    }

    [Fact]
    public void OriginalCudaBackCompatValuesAreExact()
    {
        float[] values = Uniform(PrngKey.FromWords(42, 43, O), 8);
        Assert.Equal(
            new[] { 0.42591238f, 0.076994896f, 0.44370103f, 0.72904015f, 0.17879379f, 0.81439507f, 0.0019190311f, 0.68608475f },
            values);
    }

    [Fact]
    public void OriginalTestRandomDistributionValuesUniform()
    {
        Approx.Equal(new[] { 0.298671, 0.073213, 0.873356, 0.260549, 0.412797 }, Uniform(Key(1338574713, O), 5), 1e-6);
    }

    [Theory]
    [InlineData(P, 42, -10f, 10f, new[] { -0.23, 3.6, 2.33, 1.22, -0.99, 1.72, -8.5, 5.5, 3.98 })]
    [InlineData(O, 42, -10f, 10f, new[] { 2.88, -3.55, -6.13, 7.73, 4.49, -6.16, -3.1, -4.95, 2.64 })]
    [InlineData(P, 0, -5f, 5f, new[] { 4.48, 4.79, -1.68, -0.31, 0.7, -3.34, -1.9, 1.89, 2.47 })]
    [InlineData(P, 42, -5f, 5f, new[] { -0.11, 1.8, 1.16, 0.61, -0.49, 0.86, -4.25, 2.75, 1.99 })]
    [InlineData(P, 1, -5f, 5f, new[] { -0.61, 0.34, -0.54, -0.62, 3.97, 0.59, 4.84, 3.42, -1.14 })]
    public void RangeDoctestsToTwoDecimals(PrngImpl impl, int seed, float min, float max, double[] expected)
    {
        // Partitionable rows: JAX doctests (jax-v0.11.0) listed in jax-prng.md 11.4: lax_numpy.py trunc (key 42,
        // -10..10), fix (key 0), ufuncs.py floor (key 42) and ceil (key 1), -5..5. The original-mode row (key 42,
        // -10..10) is not from a doctest found in JAX: it is computed by tests/known-answers/threefry2x32.py (plain
        // Python threefry and original-mode random_bits), which prints these nine values.
        Approx.Equal(expected, Uniform(PrngKey.Create(seed, impl), 9, min, max), 0.005 + 1e-6);
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void DefaultRangeIsTheMantissaConstruction(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(3, impl);
        var bits = new uint[333];
        key.Bits(bits);
        float[] values = Uniform(key, 333);
        var bits64 = new ulong[333];
        key.Bits(bits64);
        var doubles = new double[333];
        key.Uniform(doubles);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal((bits[i] >> 9) / 8388608.0f, values[i]);
            Assert.Equal((bits64[i] >> 12) / 4503599627370496.0, doubles[i]);
        }
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void ScalarEqualsBulkOfLengthOne(PrngImpl impl)
    {
        for (int seed = 0; seed < 50; seed++)
        {
            PrngKey key = PrngKey.Create(seed * -104729L, impl);
            Assert.Equal(Uniform(key, 1, -3f, 7.5f)[0], key.UniformSingle(-3f, 7.5f));
            var d = new double[1];
            key.Uniform(d, -1e6, 2.5);
            Assert.Equal(d[0], key.Uniform(-1e6, 2.5));
        }
    }

    [Fact]
    public void GeneralRangeFollowsJaxFormulaIncludingPossibleMaximum()
    {
        // max(min, f * (max - min) + min) in float32: f = 1 - 2^-23 with [1, 1 + 2^-22) rounds to the maximum.
        float f = 1f - (1f / 8388608f);
        float min = 1f, max = 1f + (2f / 8388608f);
        Assert.Equal(max, Math.Max(min, (f * (max - min)) + min));
        Assert.Equal(max, UniformSampling.Scale(f, min, max - min));
        Assert.Equal(min, UniformSampling.Scale(0f, min, max - min));
    }

    [Theory]
    [InlineData(float.NaN, 1f, "minValue")]
    [InlineData(0f, float.NaN, "maxValue")]
    [InlineData(float.NegativeInfinity, 1f, "minValue")]
    [InlineData(0f, float.PositiveInfinity, "maxValue")]
    public void NonFiniteBoundsThrow(float min, float max, string param)
    {
        PrngKey key = PrngKey.Create(0);
        Assert.Equal(param, Assert.Throws<ArgumentOutOfRangeException>(() => key.UniformSingle(min, max)).ParamName);
        Assert.Equal(param, Assert.Throws<ArgumentOutOfRangeException>(() => key.Uniform(new float[2], min, max)).ParamName);
        Assert.Equal(param, Assert.Throws<ArgumentOutOfRangeException>(() => key.Uniform((double)min, max)).ParamName);
        Assert.Equal(param, Assert.Throws<ArgumentOutOfRangeException>(() => key.Uniform(new double[2], min, max)).ParamName);
    }
}
