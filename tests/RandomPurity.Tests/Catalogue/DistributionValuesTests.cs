using System;
using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// Every float32 and int32 row of JAX's <c>tests/random_test.py::testRandomDistributionValues</c> (threefry2x32, original
/// mode, shape (5,) or (2,)), plus <c>test_loggamma_nan_corner_case</c>. The keys are computed from the case names the
/// way the JAX test computes them.
/// </summary>
public sealed class DistributionValuesTests
{
    [Fact]
    public void Adler32SeedsMatchTheTable()
    {
        Assert.Equal(1942292768u, JaxValues.Adler32("exponentialthreefry2x32"));
        Assert.Equal(3634826421u, JaxValues.Adler32("double_sided_maxwellthreefry2x32"));
        Assert.Equal(2846034731u, JaxValues.Adler32("truncated_normalthreefry2x32"));
    }

    [Fact]
    public void Exponential()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("exponential").Exponential(actual);
        JaxValues.AssertClose(new[] { 0.526067, 0.043046, 0.039932, 0.46427, 0.123886 }, actual);
    }

    [Fact]
    public void Gumbel()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("gumbel").Gumbel(actual);
        JaxValues.AssertClose(new[] { 2.06701, 0.911726, 0.145736, 0.185427, -0.00711 }, actual);
    }

    [Fact]
    public void Laplace()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("laplace").Laplace(actual);
        JaxValues.AssertClose(new[] { 0.578939, -0.204902, 0.555733, 0.911053, -0.96456 }, actual);
    }

    [Fact]
    public void Logistic()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("logistic").Logistic(actual);
        JaxValues.AssertClose(new[] { 0.19611, -1.709053, -0.274093, -0.208322, -1.675489 }, actual);
    }

    [Fact]
    public void Cauchy()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("cauchy").Cauchy(actual);
        JaxValues.AssertClose(new[] { -0.088416, -10.169713, 3.49677, -1.18056, 0.34556 }, actual, rtol: 1e-5);
    }

    [Fact]
    public void Pareto()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("pareto").Pareto(actual, 0.5f);
        JaxValues.AssertClose(new[] { 2.751398, 1.281863, 87.85448, 1.254542, 2.824487 }, actual);
    }

    [Fact]
    public void WeibullMin()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("weibull_min").Weibull(actual, 1f, 1f);
        JaxValues.AssertClose(new[] { 1.605863, 0.841809, 0.224218, 0.4826, 0.027901 }, actual);
    }

    [Fact]
    public void Maxwell()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("maxwell").Maxwell(actual);
        JaxValues.AssertClose(new[] { 3.070779, 0.908479, 1.521317, 0.875551, 1.306137 }, actual);
    }

    [Fact]
    public void DoubleSidedMaxwell()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("double_sided_maxwell").DoubleSidedMaxwell(actual, 1f, 2f);
        JaxValues.AssertClose(new[] { -2.408914, -3.370437, 3.235352, -0.907734, -1.708732 }, actual);
    }

    [Fact]
    public void Rademacher()
    {
        var actual = new int[5];
        JaxValues.LegacyKey("rademacher").Rademacher(actual);
        Assert.Equal(new[] { -1, -1, -1, -1, 1 }, actual);
    }

    [Fact]
    public void TruncatedNormal()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("truncated_normal").TruncatedNormal(actual, 0f, 2f);
        JaxValues.AssertClose(new[] { 0.582807, 1.709771, 0.159513, 0.861376, 0.36148 }, actual);
    }

    [Fact]
    public void Gamma()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("gamma").Gamma(actual, 0.8f);
        JaxValues.AssertClose(new[] { 0.824221, 1.724476, 0.502882, 5.386132, 0.685543 }, actual);
    }

    [Fact]
    public void LogGamma()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("loggamma").LogGamma(actual, 0.8f);
        JaxValues.AssertClose(new[] { 0.240559, -3.575443, -0.450946, -2.161372, -2.943277 }, actual);
    }

    [Fact]
    public void LogGammaNanCornerCase()
    {
        // JAX issue #17922: with a = 0 the boost term is 0 * inf unless the select guards it.
        float actual = PrngKey.FromWords(3200590325, 713258242, PrngImpl.Threefry2x32Legacy).LogGammaSingle(0f);
        JaxValues.AssertClose(new[] { -4.595436 }, new[] { actual });
        Assert.False(float.IsNaN(actual));
    }

    [Fact]
    public void Beta()
    {
        var actual = new float[5];
        JaxValues.LegacyKey("beta").Beta(actual, 0.8f, 0.9f);
        JaxValues.AssertClose(new[] { 0.13259, 0.824893, 0.948363, 0.964155, 0.235448 }, actual);
    }

    [Fact]
    public void Dirichlet()
    {
        var actual = new float[6];
        JaxValues.LegacyKey("dirichlet").Dirichlet(new[] { 0.5f, 0.6f, 0.7f }, actual);
        JaxValues.AssertClose(new[] { 0.003128, 0.009694, 0.987178, 0.025938, 0.479091, 0.494971 }, actual);
    }

    [Fact]
    public void Poisson()
    {
        var actual = new int[5];
        JaxValues.LegacyKey("poisson").Poisson(actual, 5f);
        Assert.Equal(new[] { 7, 3, 6, 11, 6 }, actual);
    }

    [Fact]
    public void MultivariateNormal()
    {
        var actual = new float[6];
        float[] identity = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
        JaxValues.LegacyKey("multivariate_normal").MultivariateNormal(new[] { 1f, 1f, 1f }, identity, actual);
        JaxValues.AssertClose(new[] { 1.067826, 1.215599, 0.234166, -0.237534, 1.32591, 1.413987 }, actual);
    }
}
