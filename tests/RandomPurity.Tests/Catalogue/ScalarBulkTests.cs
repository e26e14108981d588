using System;
using System.Collections.Generic;
using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// A scalar draw is JAX's shape () draw, which is element 0 of the shape (1,) draw in both modes (the original mode pads
/// iota(1) to the pair (0, 0); gamma's split(key, 1) and the loops are the same). Checked for every sampler, both
/// precisions and both modes, over several keys.
/// </summary>
public sealed class ScalarBulkTests
{
    public static IEnumerable<object[]> Keys()
    {
        foreach (PrngImpl impl in new[] { PrngImpl.Threefry2x32, PrngImpl.Threefry2x32Legacy })
        {
            foreach (int seed in new[] { 0, 1, 42, 1701, -7 })
            {
                yield return new object[] { seed, impl };
            }
        }
    }

    private static void Same(float scalar, Action<Span<float>> bulk)
    {
        var one = new float[1];
        bulk(one);
        Assert.Equal(one[0], scalar);
    }

    private static void Same(double scalar, Action<Span<double>> bulk)
    {
        var one = new double[1];
        bulk(one);
        Assert.Equal(one[0], scalar);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void SingleScalarIsBulkElementZero(int seed, PrngImpl impl)
    {
        PrngKey k = PrngKey.Create(seed, impl);
        Same(k.ExponentialSingle(), d => k.Exponential(d));
        Same(k.GumbelSingle(), d => k.Gumbel(d));
        Same(k.LaplaceSingle(), d => k.Laplace(d));
        Same(k.LogisticSingle(), d => k.Logistic(d));
        Same(k.CauchySingle(), d => k.Cauchy(d));
        Same(k.ParetoSingle(1.5f), d => k.Pareto(d, 1.5f));
        Same(k.WeibullSingle(2f, 0.7f), d => k.Weibull(d, 2f, 0.7f));
        Same(k.RayleighSingle(3f), d => k.Rayleigh(d, 3f));
        Same(k.LogNormalSingle(0.5f), d => k.LogNormal(d, 0.5f));
        Same(k.TriangularSingle(-1f, 0.5f, 2f), d => k.Triangular(d, -1f, 0.5f, 2f));
        Same(k.MaxwellSingle(), d => k.Maxwell(d));
        Same(k.DoubleSidedMaxwellSingle(1f, 2f), d => k.DoubleSidedMaxwell(d, 1f, 2f));
        Same(k.TruncatedNormalSingle(-1f, 2f), d => k.TruncatedNormal(d, -1f, 2f));
        Same(k.GammaSingle(0.8f), d => k.Gamma(d, 0.8f));
        Same(k.GammaSingle(3f), d => k.Gamma(d, 3f));
        Same(k.LogGammaSingle(0.3f), d => k.LogGamma(d, 0.3f));
        Same(k.BetaSingle(0.8f, 0.9f), d => k.Beta(d, 0.8f, 0.9f));
        Same(k.ChiSquareSingle(3f), d => k.ChiSquare(d, 3f));
        Same(k.StudentTSingle(4f), d => k.StudentT(d, 4f));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void DoubleScalarIsBulkElementZero(int seed, PrngImpl impl)
    {
        PrngKey k = PrngKey.Create(seed, impl);
        Same(k.Exponential(), d => k.Exponential(d));
        Same(k.Gumbel(), d => k.Gumbel(d));
        Same(k.Laplace(), d => k.Laplace(d));
        Same(k.Logistic(), d => k.Logistic(d));
        Same(k.Cauchy(), d => k.Cauchy(d));
        Same(k.Pareto(1.5), d => k.Pareto(d, 1.5));
        Same(k.Weibull(2, 0.7), d => k.Weibull(d, 2, 0.7));
        Same(k.Rayleigh(3), d => k.Rayleigh(d, 3));
        Same(k.LogNormal(0.5), d => k.LogNormal(d, 0.5));
        Same(k.Triangular(-1, 0.5, 2), d => k.Triangular(d, -1, 0.5, 2));
        Same(k.Maxwell(), d => k.Maxwell(d));
        Same(k.DoubleSidedMaxwell(1, 2), d => k.DoubleSidedMaxwell(d, 1, 2));
        Same(k.TruncatedNormal(-1, 2), d => k.TruncatedNormal(d, -1, 2));
        Same(k.Gamma(0.8), d => k.Gamma(d, 0.8));
        Same(k.LogGamma(0.3), d => k.LogGamma(d, 0.3));
        Same(k.Beta(0.8, 0.9), d => k.Beta(d, 0.8, 0.9));
        Same(k.ChiSquare(3), d => k.ChiSquare(d, 3));
        Same(k.StudentT(4), d => k.StudentT(d, 4));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void IntegerScalarIsBulkElementZero(int seed, PrngImpl impl)
    {
        PrngKey k = PrngKey.Create(seed, impl);
        var ints = new int[1];
        k.Rademacher(ints);
        Assert.Equal(ints[0], k.Rademacher());
        k.Geometric(ints, 0.3f);
        Assert.Equal(ints[0], k.Geometric(0.3f));
        var longs = new long[1];
        k.Geometric(longs, 0.3);
        Assert.Equal(longs[0], k.Geometric(0.3));
        k.Poisson(ints, 4f);
        Assert.Equal(ints[0], k.Poisson(4f));
        k.Poisson(ints, 30f);
        Assert.Equal(ints[0], k.Poisson(30f));
        k.Categorical(new[] { 0.1f, 2f, -1f }, 3, ints);
        Assert.Equal(ints[0], k.Categorical(new[] { 0.1f, 2f, -1f }));
        k.Categorical(new[] { 0.1, 2, -1 }, 3, ints);
        Assert.Equal(ints[0], k.Categorical(new[] { 0.1, 2, -1 }));
    }
}
