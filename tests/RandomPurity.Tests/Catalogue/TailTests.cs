using System;
using System.Linq;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// Truncated normals far in a tail and Poisson at large rates (issue 20, items 2 and 3), where JAX's float arithmetic
/// returns a handful of values: seeded Kolmogorov-Smirnov and chi-square tests at p &lt; 1e-6.
/// </summary>
public sealed class TailTests
{
    private const int Draws = 100000;

    /// <summary>KS critical value at p = 1e-6 for n draws: sqrt(-ln(p / 2) / (2n)).</summary>
    private static double KsCritical(int n) => Math.Sqrt(-Math.Log(0.5e-6) / (2.0 * n));

    /// <summary>Q(x) / phi(x) for x &gt;= 2 (Laplace's continued fraction, evaluated from the back).</summary>
    private static double Mills(double x)
    {
        double t = x;
        for (int k = 300; k >= 1; k--)
        {
            t = x + (k / t);
        }

        return 1 / t;
    }

    /// <summary>The CDF of a standard normal truncated to [l, u], 2 &lt;= l: (1 - R(x)) / (1 - R(u)), R(x) = Q(x) / Q(l).</summary>
    private static double UpperTailCdf(double x, double l, double u)
    {
        double R(double y) => Math.Exp(-(y - l) * (y + l) / 2) * Mills(y) / Mills(l);
        return (1 - R(x)) / (1 - R(u));
    }

    private static double KsDistance(double[] sorted, Func<double, double> cdf)
    {
        double d = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(Math.Abs(f - (i / (double)sorted.Length)), Math.Abs(((i + 1) / (double)sorted.Length) - f)));
        }

        return d;
    }

    [Theory]
    [InlineData(4, 5, 1000000)] // JAX's float32 fails here at p = 1e-8 with 10^6 draws
    [InlineData(5, 6, Draws)]
    [InlineData(6, 7, Draws)]
    [InlineData(-5, -4, Draws)]
    [InlineData(3, 30, Draws)]
    public void TruncatedNormalSingleInATailPassesKs(float lower, float upper, int draws)
    {
        foreach (PrngImpl impl in BothModes)
        {
            var x = new float[draws];
            PrngKey.Create(20, impl).TruncatedNormal(x, lower, upper);
            Assert.All(x, v => Assert.True(v > lower && v < upper, $"{v}"));
            double[] sorted = x.Select(v => lower < 0 ? -(double)v : v).OrderBy(v => v).ToArray();
            double l = lower < 0 ? -upper : lower, u = lower < 0 ? -lower : upper;
            double d = KsDistance(sorted, v => UpperTailCdf(v, l, u));
            Assert.True(d < KsCritical(draws), $"({lower}, {upper}) {impl}: KS distance {d}");
            Assert.True(x.Distinct().Count() > 1000);
        }
    }

    [Theory]
    [InlineData(5, 6)]
    [InlineData(8, 9)]
    [InlineData(10, 11)]
    [InlineData(-40, -39)]
    [InlineData(1e5, 1e5 + 1)]
    public void TruncatedNormalInATailPassesKs(double lower, double upper)
    {
        foreach (PrngImpl impl in BothModes)
        {
            var x = new double[Draws];
            PrngKey.Create(21, impl).TruncatedNormal(x, lower, upper);
            Assert.All(x, v => Assert.True(v > lower && v < upper, $"{v}"));
            double[] sorted = x.Select(v => lower < 0 ? -v : v).OrderBy(v => v).ToArray();
            double l = lower < 0 ? -upper : lower, u = lower < 0 ? -lower : upper;
            double d = KsDistance(sorted, v => UpperTailCdf(v, l, u));
            Assert.True(d < KsCritical(Draws), $"({lower}, {upper}) {impl}: KS distance {d}");
            Assert.True(x.Distinct().Count() > 1000);
        }
    }

    [Fact]
    public void TruncatedNormalMeanFarInTheTail()
    {
        // The mean of N(0, 1) truncated to (6, 7) is 6.1568 (phi(6) - phi(7)) / (Q(6) - Q(7)); JAX's float32 gives 6.9999995.
        var x = new float[Draws];
        PrngKey.Create(22).TruncatedNormal(x, 6f, 7f);
        double expected = (1 - Math.Exp(-6.5)) / (Mills(6) - (Math.Exp(-6.5) * Mills(7)));
        Assert.InRange(x.Average(v => (double)v), expected - 0.002, expected + 0.002);
        Assert.InRange(expected, 6.156, 6.158);
        Assert.InRange(PrngKey.Create(23).TruncatedNormal(1e300, 2e300), 1e300, 1e300 * (1 + 1e-15));
    }

    [Fact]
    public void TruncatedNormalWithNoValueBetweenTheBoundsThrows()
    {
        PrngKey key = PrngKey.Create(24);
        float up = MathF.BitIncrement(1f);
        Assert.Equal("upper", Assert.Throws<ArgumentOutOfRangeException>(() => key.TruncatedNormalSingle(1f, up)).ParamName);
        Assert.Equal("upper", Assert.Throws<ArgumentOutOfRangeException>(() => key.TruncatedNormal(1d, Math.BitIncrement(1d))).ParamName);
        Assert.Equal("upper", Assert.Throws<ArgumentOutOfRangeException>(() => key.TruncatedNormal(new float[2], -0f, float.Epsilon)).ParamName);

        // One value strictly between: every draw is it.
        var x = new float[100];
        key.TruncatedNormal(x, 1f, MathF.BitIncrement(up));
        Assert.All(x, v => Assert.Equal(up, v));
    }

    [Fact]
    public void TruncatedNormalScalarIsElementZeroOfBulk()
    {
        foreach (PrngImpl impl in BothModes)
        {
            PrngKey key = PrngKey.Create(25, impl);
            var one = new double[1];
            key.TruncatedNormal(one, 8, 9);
            Assert.Equal(one[0], key.TruncatedNormal(8, 9));
            var single = new float[1];
            key.TruncatedNormal(single, -7f, -6f);
            Assert.Equal(single[0], key.TruncatedNormalSingle(-7f, -6f));
        }
    }

    /// <summary>Chi-square of Poisson(lam) draws in 40 equal bins over lam +- 4 sd plus two tails, against the exact pmf.</summary>
    [Theory]
    [InlineData(999f)] // the last rate in JAX's float32 arithmetic
    [InlineData(1000f)]
    [InlineData(1e5f)] // JAX: p = 3e-46
    [InlineData(1e7f)]
    public void PoissonAtLargeRatesPassesChiSquare(float lam)
    {
        const int Draws = 1000000;
        foreach (PrngImpl impl in BothModes)
        {
            var x = new int[Draws];
            PrngKey.Create(30, impl).Poisson(x, lam);
            double sd = Math.Sqrt(lam);
            long lo = (long)Math.Floor(lam - (4 * sd)), hi = (long)Math.Ceiling(lam + (4 * sd));
            const int Bins = 40;
            double width = (hi - lo) / (double)Bins;
            int Bin(long k) => k < lo ? 0 : k >= hi ? Bins + 1 : 1 + (int)((k - lo) / width);
            var expected = new double[Bins + 2];
            double inside = 0;
            for (long k = lo; k < hi; k++)
            {
                double p = Math.Exp(-lam + (k * Math.Log(lam)) - LogGammaFunction.LogGamma(k + 1d));
                expected[Bin(k)] += p;
                inside += p;
            }

            expected[0] = expected[Bins + 1] = (1 - inside) / 2; // symmetric enough at 4 sd for these counts
            var observed = new double[Bins + 2];
            foreach (int k in x)
            {
                observed[Bin(k)]++;
            }

            double chi2 = 0;
            for (int b = 1; b <= Bins; b++)
            {
                double e = expected[b] * Draws;
                chi2 += (observed[b] - e) * (observed[b] - e) / e;
            }

            // 40 degrees of freedom: the p = 1e-6 point is 98 (Wilson-Hilferty).
            Assert.True(chi2 < 98, $"lam {lam} {impl}: chi-square {chi2}");
            Assert.InRange(observed[0] + observed[Bins + 1], 0, 200); // 6.3e-5 of the draws expected
        }
    }

    [Theory]
    [InlineData(3e7f)]
    [InlineData(1e8f)]
    [InlineData(1e9f)]
    [InlineData(2e9f)]
    public void PoissonAtHugeRatesHasTheRightSpread(float lam)
    {
        var x = new int[20000];
        PrngKey.Create(31).Poisson(x, lam);
        double mean = x.Average(v => (double)v);
        double sd = Math.Sqrt(x.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, lam - (5 * Math.Sqrt(lam) / Math.Sqrt(20000)), lam + (5 * Math.Sqrt(lam) / Math.Sqrt(20000)));
        Assert.InRange(sd / Math.Sqrt(lam), 0.97, 1.03); // JAX: 0.89 at 1e7, 1.31 at 1e8
        Assert.InRange(x.Count(v => (v & 1) == 1), 9400, 10600); // JAX: none odd at 3e7
        Assert.InRange(x.Count(v => (v & 7) == 0), 2200, 2800); // JAX: all multiples of 8 at 1e8
    }

    [Fact]
    public void PoissonAboveTheLargestRateThrows()
    {
        PrngKey key = PrngKey.Create(32);
        Assert.Equal("lam", Assert.Throws<ArgumentOutOfRangeException>(() => key.Poisson(2.15e9f)).ParamName);
        Assert.Equal("lam", Assert.Throws<ArgumentOutOfRangeException>(() => key.Poisson(new int[3], float.MaxValue)).ParamName);
        Assert.True(key.Poisson(2e9f) > 1.99e9);
    }
}
