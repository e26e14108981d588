using System;
using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>The catalogue's own tan, pow, erf and lgamma against the platform and published values.</summary>
public sealed class CatalogueMathTests
{
    [Fact]
    public void TanMatchesThePlatformOnCauchysRange()
    {
        for (int i = -1000; i <= 1000; i++)
        {
            double x = i * (1.5707963 / 1000);
            double expected = Math.Tan(x);
            Assert.True(Math.Abs(Tangent.Tan(x) - expected) <= 4e-16 * Math.Max(1, Math.Abs(expected)) * Math.Max(1, Math.Abs(expected)), $"x = {x:R}");
        }

        Assert.Equal(Math.Tan(100.0), Tangent.Tan(100.0), 1e-13);
        Assert.True(double.IsNaN(Tangent.Tan(double.PositiveInfinity)));
    }

    [Fact]
    public void PowMatchesThePlatform()
    {
        foreach (double x in new[] { 1e-30, 0.001, 0.5, 0.9999, 1, 2, 7.25, 1e10 })
        {
            foreach (double y in new[] { -3.5, -1, 0.125, 1 / 1.5, 1, 2.5, 10 })
            {
                double expected = Math.Pow(x, y);
                // exp(y ln x) carries ln x's rounding times |y ln x|: the documented (1 + |y ln x|) ulp bound.
                double bound = 2 * 2.2e-16 * (1 + Math.Abs(y * Math.Log(x)));
                Assert.True(Math.Abs(Power.Pow(x, y) - expected) <= bound * expected, $"{x}^{y}");
            }
        }

        Assert.Equal(0.0, Power.Pow(0.0, 2.0));
        Assert.Equal(1.0, Power.Pow(0.0, 0.0));
        Assert.Equal(0.0, Power.Pow(0.5, double.PositiveInfinity));
    }

    [Theory]
    [InlineData(0.5, 0.52049987781304654)]
    [InlineData(1.0, 0.84270079294971487)]
    [InlineData(2.0, 0.99532226501895273)]
    [InlineData(-1.5, -0.96610514647531073)]
    [InlineData(3.5, 0.99999925690162766)]
    [InlineData(1e-10, 1.1283791670955126e-10)]
    public void ErfMatchesPublishedValues(double x, double expected)
    {
        Assert.Equal(expected, ErrorFunction.Erf(x), 1e-15);
        Assert.Equal(expected, ErrorFunction.Erf((float)x), 2e-6);
    }

    [Theory]
    [InlineData(0.5, 0.57236494292470008)]
    [InlineData(1.0, 0.0)]
    [InlineData(3.0, 0.69314718055994531)]
    [InlineData(10.0, 12.801827480081469)]
    [InlineData(100.0, 359.13420536957540)]
    [InlineData(1e5, 1051287.7089736568)]
    public void LogGammaMatchesPublishedValues(double x, double expected)
    {
        Assert.True(Math.Abs(LogGammaFunction.LogGamma(x) - expected) <= 1e-14 * Math.Max(1, Math.Abs(expected)), $"lgamma({x})");
    }
}
