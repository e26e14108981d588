using System;
using System.Linq;
using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// Sanity of the distributions at fixed seeds (deterministic, so never flaky): 100 000 float32 draws (20 000 for the
/// gamma family) in partitionable mode. The sample mean must be within 5 standard errors (sqrt(variance / n)) of the
/// true mean; the sample variance within 5 % of the true variance (for these distributions at least 3.5 standard errors
/// of the variance estimate). Heavy-tailed Cauchy is checked by its quartiles instead.
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

    private static float[] Draw(Action<PrngKey, float[]> sampler, int n = N, int seed = 11)
    {
        var x = new float[n];
        sampler(PrngKey.Create(seed), x);
        return x;
    }

    [Fact] public void Exponential() => Moments(Draw((k, d) => k.Exponential(d)), 1, 1);

    [Fact] public void Gumbel() => Moments(Draw((k, d) => k.Gumbel(d)), 0.57721566490153287, Math.PI * Math.PI / 6);

    [Fact] public void Laplace() => Moments(Draw((k, d) => k.Laplace(d)), 0, 2);

    [Fact] public void Logistic() => Moments(Draw((k, d) => k.Logistic(d)), 0, Math.PI * Math.PI / 3);

    [Fact]
    public void CauchyQuartilesAreMinusOneAndOne()
    {
        float[] x = Draw((k, d) => k.Cauchy(d));
        double inside = x.Count(v => Math.Abs(v) <= 1) / (double)N;
        double positive = x.Count(v => v > 0) / (double)N;
        Assert.InRange(inside, 0.5 - 0.008, 0.5 + 0.008);      // binomial SE 0.0016
        Assert.InRange(positive, 0.5 - 0.008, 0.5 + 0.008);
    }

    [Fact] public void Pareto() => Moments(Draw((k, d) => k.Pareto(d, 10f)), 10.0 / 9, 10.0 / (81 * 8));

    // Weibull(scale 2, c 1.5): mean 2 Gamma(5/3), variance 4 (Gamma(7/3) - Gamma(5/3)^2).
    [Fact] public void Weibull() => Moments(Draw((k, d) => k.Weibull(d, 2f, 1.5f)), 2 * 0.90274529295093361, 4 * (1.1906393337186107 - (0.90274529295093361 * 0.90274529295093361)));

    [Fact] public void Rayleigh() => Moments(Draw((k, d) => k.Rayleigh(d, 3f)), 3 * Math.Sqrt(Math.PI / 2), 9 * (4 - Math.PI) / 2);

    [Fact] public void LogNormal() => Moments(Draw((k, d) => k.LogNormal(d, 0.5f)), Math.Exp(0.125), (Math.Exp(0.25) - 1) * Math.Exp(0.25));

    [Fact] public void Triangular() => Moments(Draw((k, d) => k.Triangular(d, -1f, 0.5f, 2f)), 0.5, 6.75 / 18);

    [Fact] public void Maxwell() => Moments(Draw((k, d) => k.Maxwell(d)), 2 * Math.Sqrt(2 / Math.PI), 3 - (8 / Math.PI));

    [Fact] public void DoubleSidedMaxwell() => Moments(Draw((k, d) => k.DoubleSidedMaxwell(d, 1f, 2f)), 1, 12);

    // Truncated to (-1, 2): mean (phi(-1) - phi(2)) / Z, Z = Phi(2) - Phi(-1); variance 1 + (-phi(-1) - 2 phi(2)) / Z - mean^2.
    [Fact] public void TruncatedNormal() => Moments(Draw((k, d) => k.TruncatedNormal(d, -1f, 2f)), 0.22963820, 0.51976095);

    [Fact]
    public void TruncatedNormalStaysInsideTheOpenInterval()
    {
        float[] x = Draw((k, d) => k.TruncatedNormal(d, 0.5f, 0.75f));
        Assert.All(x, v => Assert.InRange(v, 0.50000006f, 0.74999994f));
    }

    [Fact] public void GammaBelowOne() => Moments(Draw((k, d) => k.Gamma(d, 0.8f), 20_000), 0.8, 0.8, 0.08);

    [Fact] public void GammaAboveOne() => Moments(Draw((k, d) => k.Gamma(d, 3f), 20_000), 3, 3, 0.08);

    // E[log X] = digamma(2) = 1 - gamma_E; Var[log X] = trigamma(2) = pi^2/6 - 1.
    [Fact] public void LogGamma() => Moments(Draw((k, d) => k.LogGamma(d, 2f), 20_000), 1 - 0.57721566490153287, (Math.PI * Math.PI / 6) - 1, 0.08);

    [Fact] public void Beta() => Moments(Draw((k, d) => k.Beta(d, 0.8f, 0.9f), 20_000), 0.8 / 1.7, 0.72 / (1.7 * 1.7 * 2.7), 0.08);

    [Fact] public void ChiSquare() => Moments(Draw((k, d) => k.ChiSquare(d, 3f), 20_000), 3, 6, 0.08);

    [Fact] public void StudentT() => Moments(Draw((k, d) => k.StudentT(d, 9f), 20_000), 0, 9.0 / 7, 0.08);

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
    }

    [Fact]
    public void PoissonKnuthBranch()
    {
        var x = new int[N];
        PrngKey.Create(11).Poisson(x, 4f);
        Assert.All(x, v => Assert.True(v >= 0));
        IntegerMoments(x, 4, 4);
    }

    [Fact]
    public void PoissonRejectionBranch()
    {
        var x = new int[N];
        PrngKey.Create(11).Poisson(x, 30f);
        Assert.All(x, v => Assert.True(v >= 0));
        IntegerMoments(x, 30, 30);
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
