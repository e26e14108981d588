using System;
using System.Linq;
using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// Sanity of the distributions at fixed seeds (deterministic, so never flaky): 100 000 float32 draws (20 000 for the
/// gamma family) in partitionable mode. The sample mean must be within 5 standard errors (sqrt(variance / n)) of the
/// true mean; the sample variance within 5 % of the true variance (for these distributions at least 3.5 standard errors
/// of the variance estimate). Heavy-tailed Cauchy is checked by its quartiles and its distribution; every family with a
/// closed-form CDF also by a Kolmogorov-Smirnov test (right moments with the wrong shape fails there). Beta and
/// Student's t have closed-form CDFs for integer shapes (a binomial tail; t with 1 and 3 degrees of freedom), so those
/// shapes get the distribution test, and the fractional shapes keep the moment checks.
/// </summary>
public sealed class StatisticsTests
{
    private const int N = 100_000;

    private static void Moments(ReadOnlySpan<float> x, double mean, double variance, double varianceTolerance = 0.05)
    {
        double m = 0;
        foreach (float v in x)
        {
            m += v;
        }

        m /= x.Length;
        double s = 0;
        foreach (float v in x)
        {
            s += (v - m) * (v - m);
        }

        s /= x.Length - 1;
        Assert.True(Math.Abs(m - mean) <= 5 * Math.Sqrt(variance / x.Length), $"mean {m:R}, expected {mean:R}");
        Assert.True(Math.Abs(s - variance) <= varianceTolerance * variance, $"variance {s:R}, expected {variance:R}");
    }

    /// <summary>
    /// The shape, not only the moments: a Kolmogorov-Smirnov test of the sample against <paramref name="cdf"/> at
    /// p = 0.001 (D * sqrt(n) below 1.9495). The CDFs are closed forms written here from the distributions'
    /// definitions, with erf from Numerical Recipes' erfc (|error| below 1.2e-7) and the incomplete gamma function
    /// from its power series, not from the library.
    /// </summary>
    private static void Shape(float[] x, Func<double, double> cdf)
    {
        double[] sorted = x.Select(v => (double)v).OrderBy(v => v).ToArray();
        double d = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(f - ((double)i / sorted.Length), ((double)(i + 1) / sorted.Length) - f));
        }

        Assert.True(d * Math.Sqrt(sorted.Length) < 1.9495, $"Kolmogorov-Smirnov D * sqrt(n) = {d * Math.Sqrt(sorted.Length):F3}");
    }

    private static double Erf(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double erfc = t * Math.Exp(-(z * z) - 1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418
            + (t * (-0.18628806 + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587
            + (t * (-0.82215223 + (t * 0.17087277))))))))))))))))));
        return x >= 0 ? 1 - erfc : erfc - 1;
    }

    private static double Phi(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    // Regularised lower incomplete gamma P(a, x) by its series x^a e^-x / Gamma(a + 1) * sum x^n / ((a + 1)...(a + n)).
    private static double GammaP(double a, double gammaOfAPlusOne, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        double term = 1, sum = 1;
        for (int n = 1; n < 1000 && term > 1e-17 * sum; n++)
        {
            term *= x / (a + n);
            sum += term;
        }

        return Math.Exp((a * Math.Log(x)) - x) / gammaOfAPlusOne * sum;
    }

    private static double MaxwellCdf(double x) => x <= 0 ? 0 : Erf(x / Math.Sqrt(2)) - (Math.Sqrt(2 / Math.PI) * x * Math.Exp(-x * x / 2));

    private static void Check(float[] x, double mean, double variance, Func<double, double> cdf, double varianceTolerance = 0.05)
    {
        Moments(x, mean, variance, varianceTolerance);
        Shape(x, cdf);
    }

    private static float[] Draw(Action<PrngKey, float[]> sampler, int n = N, int seed = 11)
    {
        var x = new float[n];
        sampler(PrngKey.Create(seed), x);
        return x;
    }

    [Fact] public void Exponential() => Check(Draw((k, d) => k.Exponential(d)), 1, 1, x => x <= 0 ? 0 : 1 - Math.Exp(-x));

    [Fact] public void Gumbel() => Check(Draw((k, d) => k.Gumbel(d)), 0.57721566490153287, Math.PI * Math.PI / 6, x => Math.Exp(-Math.Exp(-x)));

    [Fact] public void Laplace() => Check(Draw((k, d) => k.Laplace(d)), 0, 2, x => x < 0 ? 0.5 * Math.Exp(x) : 1 - (0.5 * Math.Exp(-x)));

    [Fact] public void Logistic() => Check(Draw((k, d) => k.Logistic(d)), 0, Math.PI * Math.PI / 3, x => 1 / (1 + Math.Exp(-x)));

    [Fact]
    public void CauchyQuartilesAreMinusOneAndOne()
    {
        float[] x = Draw((k, d) => k.Cauchy(d));
        double inside = x.Count(v => Math.Abs(v) <= 1) / (double)N;
        double positive = x.Count(v => v > 0) / (double)N;
        Assert.InRange(inside, 0.5 - 0.008, 0.5 + 0.008);      // binomial SE 0.0016
        Assert.InRange(positive, 0.5 - 0.008, 0.5 + 0.008);
        Shape(x, v => 0.5 + (Math.Atan(v) / Math.PI));
    }

    [Fact] public void Pareto() => Check(Draw((k, d) => k.Pareto(d, 10f)), 10.0 / 9, 10.0 / (81 * 8), x => x < 1 ? 0 : 1 - Math.Pow(x, -10));

    // Weibull(scale 2, c 1.5): mean 2 Gamma(5/3), variance 4 (Gamma(7/3) - Gamma(5/3)^2).
    [Fact] public void Weibull() => Check(Draw((k, d) => k.Weibull(d, 2f, 1.5f)), 2 * 0.90274529295093361, 4 * (1.1906393337186107 - (0.90274529295093361 * 0.90274529295093361)), x => x <= 0 ? 0 : 1 - Math.Exp(-Math.Pow(x / 2, 1.5)));

    [Fact] public void Rayleigh() => Check(Draw((k, d) => k.Rayleigh(d, 3f)), 3 * Math.Sqrt(Math.PI / 2), 9 * (4 - Math.PI) / 2, x => x <= 0 ? 0 : 1 - Math.Exp(-x * x / 18));

    [Fact] public void LogNormal() => Check(Draw((k, d) => k.LogNormal(d, 0.5f)), Math.Exp(0.125), (Math.Exp(0.25) - 1) * Math.Exp(0.25), x => x <= 0 ? 0 : Phi(Math.Log(x) / 0.5));

    [Fact] public void Triangular() => Check(Draw((k, d) => k.Triangular(d, -1f, 0.5f, 2f)), 0.5, 6.75 / 18, x => x <= -1 ? 0 : x >= 2 ? 1 : x <= 0.5 ? (x + 1) * (x + 1) / 4.5 : 1 - ((2 - x) * (2 - x) / 4.5));

    [Fact] public void Maxwell() => Check(Draw((k, d) => k.Maxwell(d)), 2 * Math.Sqrt(2 / Math.PI), 3 - (8 / Math.PI), MaxwellCdf);

    [Fact] public void DoubleSidedMaxwell() => Check(Draw((k, d) => k.DoubleSidedMaxwell(d, 1f, 2f)), 1, 12, x => 0.5 + (0.5 * Math.Sign(x - 1) * MaxwellCdf(Math.Abs(x - 1) / 2)));

    // Truncated to (-1, 2): mean (phi(-1) - phi(2)) / Z, Z = Phi(2) - Phi(-1); variance 1 + (-phi(-1) - 2 phi(2)) / Z - mean^2.
    [Fact] public void TruncatedNormal() => Check(Draw((k, d) => k.TruncatedNormal(d, -1f, 2f)), 0.22963820, 0.51976095, x => x <= -1 ? 0 : x >= 2 ? 1 : (Phi(x) - Phi(-1)) / (Phi(2) - Phi(-1)));

    [Fact]
    public void TruncatedNormalStaysInsideTheOpenInterval()
    {
        float[] x = Draw((k, d) => k.TruncatedNormal(d, 0.5f, 0.75f));
        Assert.All(x, v => Assert.InRange(v, 0.50000006f, 0.74999994f));
    }

    // Gamma(1.8) = 0.9313837709802428 (Python 3.11 math.gamma(1.8)).
    [Fact] public void GammaBelowOne() => Check(Draw((k, d) => k.Gamma(d, 0.8f), 20_000), 0.8, 0.8, x => GammaP(0.8, 0.9313837709802428, x), 0.08);

    [Fact] public void GammaAboveOne() => Check(Draw((k, d) => k.Gamma(d, 3f), 20_000), 3, 3, x => x <= 0 ? 0 : 1 - (Math.Exp(-x) * (1 + x + (x * x / 2))), 0.08);

    // E[log X] = digamma(2) = 1 - gamma_E; Var[log X] = trigamma(2) = pi^2/6 - 1.
    [Fact] public void LogGamma() => Check(Draw((k, d) => k.LogGamma(d, 2f), 20_000), 1 - 0.57721566490153287, (Math.PI * Math.PI / 6) - 1, y => 1 - (Math.Exp(-Math.Exp(y)) * (1 + Math.Exp(y))), 0.08);

    [Fact] public void Beta() => Moments(Draw((k, d) => k.Beta(d, 0.8f, 0.9f), 20_000), 0.8 / 1.7, 0.72 / (1.7 * 1.7 * 2.7), 0.08);

    [Fact] public void ChiSquare() => Check(Draw((k, d) => k.ChiSquare(d, 3f), 20_000), 3, 6, x => x <= 0 ? 0 : Erf(Math.Sqrt(x / 2)) - (Math.Sqrt(2 * x / Math.PI) * Math.Exp(-x / 2)), 0.08);

    [Fact] public void StudentT() => Moments(Draw((k, d) => k.StudentT(d, 9f), 20_000), 0, 9.0 / 7, 0.08);

    // For integer a, b: P(X <= x) = P(Binomial(a + b - 1, x) >= a). Beta(2, 3): mean 2/5, variance 6 / (25 * 6).
    [Fact]
    public void BetaWithIntegerShapes() => Check(Draw((k, d) => k.Beta(d, 2f, 3f), 20_000), 0.4, 0.04, x =>
        x <= 0 ? 0 : x >= 1 ? 1 : (6 * x * x * (1 - x) * (1 - x)) + (4 * x * x * x * (1 - x)) + (x * x * x * x), 0.08);

    // t with 3 degrees of freedom: F(t) = 1/2 + (t / (sqrt(3) (1 + t^2 / 3)) + atan(t / sqrt(3))) / pi; its fourth
    // moment is infinite, so the shape alone. With 1 degree of freedom t is Cauchy: F(t) = 1/2 + atan(t) / pi.
    [Fact]
    public void StudentTWithThreeDegreesOfFreedomHasItsDistribution() => Shape(Draw((k, d) => k.StudentT(d, 3f), 20_000), t =>
        0.5 + (((t / (Math.Sqrt(3) * (1 + (t * t / 3)))) + Math.Atan(t / Math.Sqrt(3))) / Math.PI));

    [Fact]
    public void StudentTWithOneDegreeOfFreedomIsCauchy() => Shape(Draw((k, d) => k.StudentT(d, 1f), 20_000), t => 0.5 + (Math.Atan(t) / Math.PI));

    [Fact]
    public void DirichletRowsSumToOneAndAverageToAlphaOverItsSum()
    {
        var x = new float[3 * 20_000];
        PrngKey.Create(11).Dirichlet(new[] { 0.5f, 0.6f, 0.7f }, x);
        var mean = new double[3];
        for (int r = 0; r < 20_000; r++)
        {
            Assert.InRange(x[3 * r] + x[(3 * r) + 1] + x[(3 * r) + 2], 0.99999f, 1.00001f);
            for (int j = 0; j < 3; j++)
            {
                mean[j] += x[(3 * r) + j] / 20_000.0;
            }
        }

        // Var of component j is a_j (s - a_j) / (s^2 (s + 1)) <= 0.085: SE <= 0.0021.
        Assert.InRange(mean[0], (0.5 / 1.8) - 0.01, (0.5 / 1.8) + 0.01);
        Assert.InRange(mean[1], (0.6 / 1.8) - 0.01, (0.6 / 1.8) + 0.01);
        Assert.InRange(mean[2], (0.7 / 1.8) - 0.01, (0.7 / 1.8) + 0.01);
    }

    private static void IntegerMoments(int[] x, double mean, double variance)
    {
        Moments(x.Select(v => (float)v).ToArray(), mean, variance);
    }

    /// <summary>
    /// Chi-square of the counts of <paramref name="first"/>..<paramref name="last"/> - 1, the values at or below
    /// <paramref name="first"/> and at or past <paramref name="last"/> pooled into the end cells, against <paramref name="pmf"/>, at p = 0.001 (Wilson-Hilferty critical value).
    /// </summary>
    private static void DiscreteShape(int[] x, int first, int last, Func<int, double> pmf)
    {
        int cells = last - first + 1;
        var counts = new long[cells];
        foreach (int v in x)
        {
            counts[Math.Clamp(v, first, last) - first]++;
        }

        var p = new double[cells];
        for (int k = 0; k < last; k++)
        {
            p[Math.Max(k, first) - first] += pmf(k); // values at or below first pooled into the first cell
        }

        p[cells - 1] = 1 - p.Take(cells - 1).Sum();
        Assert.All(p, q => Assert.True(q > 1e-4, $"cell probability {q}: choose first and last so every cell expects some draws"));
        double chi = 0;
        for (int i = 0; i < cells; i++)
        {
            double e = x.Length * p[i];
            chi += (counts[i] - e) * (counts[i] - e) / e;
        }

        int df = cells - 1;
        double critical = df * Math.Pow(1 - (2.0 / (9 * df)) + (3.0902 * Math.Sqrt(2.0 / (9 * df))), 3);
        Assert.True(chi < critical, $"chi-square {chi:F1} >= {critical:F1} ({df} degrees of freedom)");
    }

    private static double PoissonPmf(double lambda, int k)
    {
        double p = Math.Exp(-lambda);
        for (int i = 1; i <= k; i++)
        {
            p *= lambda / i;
        }

        return p;
    }

    [Fact]
    public void Rademacher()
    {
        var x = new int[N];
        PrngKey.Create(11).Rademacher(x);
        Assert.All(x, v => Assert.True(v == 1 || v == -1));
        IntegerMoments(x, 0, 1);
    }

    [Fact]
    public void Geometric()
    {
        var x = new int[N];
        PrngKey.Create(11).Geometric(x, 0.2f);
        Assert.All(x, v => Assert.True(v >= 1));
        IntegerMoments(x, 5, 20);
        DiscreteShape(x, 1, 25, k => k < 1 ? 0 : 0.2 * Math.Pow(0.8, k - 1));
    }

    [Fact]
    public void PoissonKnuthBranch()
    {
        var x = new int[N];
        PrngKey.Create(11).Poisson(x, 4f);
        Assert.All(x, v => Assert.True(v >= 0));
        IntegerMoments(x, 4, 4);
        DiscreteShape(x, 0, 13, k => PoissonPmf(4, k));
    }

    [Fact]
    public void PoissonRejectionBranch()
    {
        var x = new int[N];
        PrngKey.Create(11).Poisson(x, 30f);
        Assert.All(x, v => Assert.True(v >= 0));
        IntegerMoments(x, 30, 30);
        DiscreteShape(x, 15, 48, k => PoissonPmf(30, k));
    }

    [Fact]
    public void PoissonWithZeroRateIsZero()
    {
        var x = new int[10];
        PrngKey.Create(11).Poisson(x, 0f);
        Assert.All(x, v => Assert.Equal(0, v));
    }

    [Fact]
    public void MultivariateNormalHasTheRequestedMeanAndCovariance()
    {
        const int rows = N;
        var x = new float[2 * rows];
        PrngKey.Create(11).MultivariateNormal(new[] { 1f, -2f }, new[] { 2f, 0.6f, 0.6f, 1f }, x);
        double m0 = 0, m1 = 0;
        for (int r = 0; r < rows; r++)
        {
            m0 += x[2 * r] / (double)rows;
            m1 += x[(2 * r) + 1] / (double)rows;
        }

        double c00 = 0, c01 = 0, c11 = 0;
        for (int r = 0; r < rows; r++)
        {
            double a = x[2 * r] - m0, b = x[(2 * r) + 1] - m1;
            c00 += a * a / rows;
            c01 += a * b / rows;
            c11 += b * b / rows;
        }

        Assert.InRange(m0, 1 - (5 * Math.Sqrt(2.0 / rows)), 1 + (5 * Math.Sqrt(2.0 / rows)));
        Assert.InRange(m1, -2 - (5 * Math.Sqrt(1.0 / rows)), -2 + (5 * Math.Sqrt(1.0 / rows)));
        Assert.InRange(c00, 2 * 0.95, 2 * 1.05);
        Assert.InRange(c11, 0.95, 1.05);
        Assert.InRange(c01, 0.6 - 0.03, 0.6 + 0.03);
    }

    [Fact]
    public void CategoricalFrequenciesFollowTheSoftmax()
    {
        var draws = new int[N];
        float[] logits = { (float)Math.Log(0.2), (float)Math.Log(0.5), (float)Math.Log(0.3) };
        PrngKey.Create(11).Categorical(logits, 3, draws);
        double[] p = { 0.2, 0.5, 0.3 };
        for (int j = 0; j < 3; j++)
        {
            double frequency = draws.Count(v => v == j) / (double)N;
            Assert.InRange(frequency, p[j] - 0.008, p[j] + 0.008);   // binomial SE <= 0.0016
        }
    }

    [Fact]
    public void WeightedChoiceFrequenciesFollowTheWeights()
    {
        var draws = new int[N];
        int[] items = { 0, 1, 2, 3 };
        PrngKey.Create(11).Choice<int>(items, new[] { 1f, 0f, 2f, 3f }, draws);
        Assert.DoesNotContain(1, draws);
        double[] p = { 1 / 6.0, 0, 2 / 6.0, 3 / 6.0 };
        for (int j = 0; j < 4; j++)
        {
            Assert.InRange(draws.Count(v => v == j) / (double)N, p[j] - 0.008, p[j] + 0.008);
        }
    }

    [Fact]
    public void WeightedChoiceWithoutReplacementFirstPickFollowsTheWeights()
    {
        int[] items = { 0, 1, 2, 3 };
        var counts = new int[4];
        var pick = new int[3];
        PrngKey root = PrngKey.Create(11);
        for (uint i = 0; i < 20_000; i++)
        {
            root.FoldIn(i).Choice<int>(items, new[] { 1f, 0f, 2f, 3f }, pick, replace: false);
            Assert.Equal(3, pick.Distinct().Count());
            Assert.DoesNotContain(1, pick);
            counts[pick[0]]++;
        }

        Assert.InRange(counts[0] / 20_000.0, (1 / 6.0) - 0.015, (1 / 6.0) + 0.015);
        Assert.InRange(counts[3] / 20_000.0, 0.5 - 0.018, 0.5 + 0.018);
    }
}
