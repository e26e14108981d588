using System;
using System.Linq;
using Xunit;

namespace RandomPurity.Tests.Properties;

/// <summary>
/// Serial (independence) tests at fixed seeds: a sequence spread evenly over [0, 1) passes every one-dimensional fit
/// (GoodnessOfFitTests) even when each value follows from the one before. Two classic tests from Knuth, TAOCP vol. 2,
/// 3.3.2, catch that: the serial test (non-overlapping pairs and triples in a 10 x 10 and 5 x 5 x 5 grid) and the gap
/// test (gaps between visits to [0, 0.1), geometric with p = 0.1). All levels 0.001; the chi-square critical values are
/// the Wilson-Hilferty approximation (z = 3.0902), accurate to 0.1 at these degrees of freedom. Weyl and stratified
/// sequences, which pass the one-dimensional checks, must fail them (the test that proves each check can fail).
/// </summary>
public sealed class SerialIndependenceTests
{
    private const int N = 120_000;
    private const double Pairs99 = 148.3;    // chi-square, 99 degrees of freedom, p = 0.001
    private const double Triples124 = 178.5; // 124 degrees of freedom
    private const double Gaps10 = 29.6;      // 10 degrees of freedom
    private const double Bins99 = Pairs99;   // the one-dimensional 100-bin fit

    public static TheoryData<PrngImpl> Modes => new() { PrngImpl.Threefry2x32, PrngImpl.Threefry2x32Legacy };

    private static double Pairs(double[] u)
    {
        var counts = new long[100];
        for (int i = 0; i + 1 < u.Length; i += 2)
        {
            counts[(Cell(u[i], 10) * 10) + Cell(u[i + 1], 10)]++;
        }

        return ChiSquare(counts, Enumerable.Repeat(1 / 100.0, 100).ToArray());
    }

    private static double Triples(double[] u)
    {
        var counts = new long[125];
        for (int i = 0; i + 2 < u.Length; i += 3)
        {
            counts[(Cell(u[i], 5) * 25) + (Cell(u[i + 1], 5) * 5) + Cell(u[i + 2], 5)]++;
        }

        return ChiSquare(counts, Enumerable.Repeat(1 / 125.0, 125).ToArray());
    }

    private static double Gaps(double[] u)
    {
        // Gap lengths 0..9 and 10 or more between successive values in [0, 0.1): P(r) = 0.1 * 0.9^r.
        var counts = new long[11];
        int gap = -1;
        foreach (double v in u)
        {
            if (v < 0.1)
            {
                if (gap >= 0)
                {
                    counts[Math.Min(gap, 10)]++;
                }

                gap = 0;
            }
            else if (gap >= 0)
            {
                gap++;
            }
        }

        var p = new double[11];
        for (int r = 0; r < 10; r++)
        {
            p[r] = 0.1 * Math.Pow(0.9, r);
        }

        p[10] = Math.Pow(0.9, 10);
        return ChiSquare(counts, p);
    }

    private static double Bins(double[] u)
    {
        var counts = new long[100];
        foreach (double v in u)
        {
            counts[Cell(v, 100)]++;
        }

        return ChiSquare(counts, Enumerable.Repeat(1 / 100.0, 100).ToArray());
    }

    private static int Cell(double v, int cells) => Math.Min((int)(v * cells), cells - 1);

    private static double ChiSquare(long[] counts, double[] p)
    {
        double n = counts.Sum();
        double x = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            double e = n * p[i];
            x += (counts[i] - e) * (counts[i] - e) / e;
        }

        return x;
    }

    private static void AssertIndependent(double[] u, string what)
    {
        double pairs = Pairs(u), triples = Triples(u), gaps = Gaps(u);
        Assert.True(pairs < Pairs99, $"{what}: pairs chi-square {pairs:F1} >= {Pairs99}");
        Assert.True(triples < Triples124, $"{what}: triples chi-square {triples:F1} >= {Triples124}");
        Assert.True(gaps < Gaps10, $"{what}: gap chi-square {gaps:F1} >= {Gaps10}");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Bulk_uniform_floats_are_serially_independent(PrngImpl impl)
    {
        var f = new float[N];
        PrngKey.Create(2026, impl).Uniform(f);
        AssertIndependent(f.Select(v => (double)v).ToArray(), $"Uniform(float[]) {impl}");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Bulk_uniform_doubles_are_serially_independent(PrngImpl impl)
    {
        var d = new double[N];
        PrngKey.Create(77, impl).Uniform(d);
        AssertIndependent(d, $"Uniform(double[]) {impl}");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Scalar_draws_from_fold_in_keys_are_serially_independent(PrngImpl impl)
    {
        // The derived-key pattern: one draw from each of FoldIn(0), FoldIn(1), ... and from a StatefulPrng.
        PrngKey root = PrngKey.Create(5, impl);
        AssertIndependent(Enumerable.Range(0, N).Select(i => root.FoldIn(i).Uniform()).ToArray(), $"FoldIn(i).Uniform() {impl}");
        var stateful = new StatefulPrng(PrngKey.Create(6, impl));
        AssertIndependent(Enumerable.Range(0, N).Select(_ => (double)stateful.UniformSingle()).ToArray(), $"StatefulPrng {impl}");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Draws_from_split_keys_are_serially_independent(PrngImpl impl)
    {
        PrngKey[] keys = PrngKey.Create(9, impl).Split(N);
        var u = new double[N];
        PrngKey.Uniform(keys, u);
        AssertIndependent(u, $"Split(n) then one draw each {impl}");
    }

    [Fact]
    public void A_weyl_sequence_passes_the_one_dimensional_fit_and_fails_every_serial_test()
    {
        // x_i = i * phi mod 1: as even as a sequence gets in one dimension, and each value fixed by the previous one.
        double phi = (Math.Sqrt(5) - 1) / 2;
        double[] weyl = Enumerable.Range(0, N).Select(i => (i * phi) % 1.0).ToArray();
        Assert.True(Bins(weyl) < Bins99, $"the Weyl sequence should pass the 100-bin fit ({Bins(weyl):F1})");
        Assert.True(Pairs(weyl) > Pairs99 * 10, $"pairs {Pairs(weyl):F1}");
        Assert.True(Triples(weyl) > Triples124 * 10, $"triples {Triples(weyl):F1}");
        Assert.True(Gaps(weyl) > Gaps10 * 10, $"gaps {Gaps(weyl):F1}");
    }

    [Fact]
    public void A_stratified_sequence_passes_the_one_dimensional_fit_and_fails_the_serial_tests()
    {
        // One value from each tenth of [0, 1) in turn, uniform inside its tenth (from our own generator): every bin
        // of the one-dimensional fit is filled evenly, but consecutive values are never in the same tenth.
        var jitter = new double[N];
        PrngKey.Create(3).Uniform(jitter);
        double[] stratified = Enumerable.Range(0, N).Select(i => ((i * 7 % 10) + jitter[i]) / 10).ToArray();
        Assert.True(Bins(stratified) < Bins99, $"the stratified sequence should pass the 100-bin fit ({Bins(stratified):F1})");
        Assert.True(Pairs(stratified) > Pairs99 * 10, $"pairs {Pairs(stratified):F1}");
        Assert.True(Gaps(stratified) > Gaps10 * 10, $"gaps {Gaps(stratified):F1}");
    }
}
