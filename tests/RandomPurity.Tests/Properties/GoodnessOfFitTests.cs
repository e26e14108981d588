using System;
using System.Linq;
using Xunit;

namespace RandomPurity.Tests.Properties;

/// <summary>
/// Chi-square and Kolmogorov-Smirnov checks at fixed seeds. Each test states its significance level: with a fixed
/// key the outcome is deterministic, so the level says how unlucky a correct generator would have to be to fail.
/// All levels are 0.001 (critical values from the chi-square and Kolmogorov distributions).
/// </summary>
public sealed class GoodnessOfFitTests
{
    public static TheoryData<PrngImpl> Modes => new() { PrngImpl.Threefry2x32, PrngImpl.Threefry2x32Legacy };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Uniform_floats_fill_100_bins_evenly(PrngImpl impl)
    {
        var values = new float[200_000];
        PrngKey.Create(2026, impl).Uniform(values);
        var counts = new long[100];
        foreach (var v in values)
        {
            counts[(int)(v * 100)]++;
        }

        // 99 degrees of freedom, p = 0.001: 148.23
        Assert.InRange(ChiSquare(counts, values.Length / 100.0), 0, 148.23);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Integers_fill_their_range_evenly(PrngImpl impl)
    {
        var values = new int[100_000];
        PrngKey.Create(31, impl).Integers(values, -3, 7);
        var counts = new long[10];
        foreach (var v in values)
        {
            counts[v + 3]++;
        }

        // 9 degrees of freedom, p = 0.001: 27.88
        Assert.InRange(ChiSquare(counts, values.Length / 10.0), 0, 27.88);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Normals_follow_the_standard_normal_distribution(PrngImpl impl)
    {
        var values = new double[20_000];
        PrngKey.Create(5, impl).Normal(values);
        Array.Sort(values);
        double d = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double cdf = StandardNormalCdf(values[i]);
            d = Math.Max(d, Math.Max(cdf - (double)i / values.Length, (double)(i + 1) / values.Length - cdf));
        }

        // Kolmogorov-Smirnov, p = 0.001: D * sqrt(n) < 1.9495
        Assert.InRange(d * Math.Sqrt(values.Length), 0, 1.9495);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Permutations_of_four_items_are_equally_likely(PrngImpl impl)
    {
        var root = PrngKey.Create(11, impl);
        var counts = new long[24];
        const int Draws = 48_000;
        for (int i = 0; i < Draws; i++)
        {
            var p = root.FoldIn(i).Permutation(4);
            counts[Rank(p)]++;
        }

        // 23 degrees of freedom, p = 0.001: 49.73
        Assert.InRange(ChiSquare(counts, Draws / 24.0), 0, 49.73);
    }

    private static double ChiSquare(long[] counts, double expected) =>
        counts.Sum(c => (c - expected) * (c - expected) / expected);

    private static int Rank(int[] permutation)
    {
        // Lehmer code: a bijection from the 24 permutations of 4 items to 0..23.
        int rank = 0;
        for (int i = 0; i < permutation.Length; i++)
        {
            int smaller = 0;
            for (int j = i + 1; j < permutation.Length; j++)
            {
                if (permutation[j] < permutation[i])
                {
                    smaller++;
                }
            }

            rank = rank * (permutation.Length - i) + smaller;
        }

        return rank;
    }

    private static double StandardNormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        // Numerical Recipes' erfc (Chebyshev fit, |error| < 1.2e-7): ample for a KS statistic at n = 20,000.
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
