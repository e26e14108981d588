using System;
using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// Each elementwise sampler against JAX's formula evaluated with the platform's <see cref="Math"/> on the core's
/// <c>uniform</c>/<c>normal</c> draws of the same key and length (JAX computes the uniform with the sampler's minval and
/// maxval, so the reference does too). Tolerance: runtime-api.md's contract, |a - b| &lt;= 2e-6 max(1, |b|) in float32
/// and 1e-12 max(1, |b|) in float64. Both modes, 2000 draws.
/// </summary>
public sealed class ReferenceFormulaTests
{
    private const int Count = 2000;
    private const float Tiny = 1.17549435e-38f;

    public static TheoryData<int, PrngImpl> Keys => new()
    {
        { 3, PrngImpl.Threefry2x32 },
        { 3, PrngImpl.Threefry2x32Legacy },
        { 2024, PrngImpl.Threefry2x32 },
    };

    private static void CheckSingle(Action<Span<float>> sampler, Action<Span<float>> uniformDraw, Func<float, double> reference)
    {
        var actual = new float[Count];
        var u = new float[Count];
        sampler(actual);
        uniformDraw(u);
        for (int i = 0; i < Count; i++)
        {
            double expected = reference(u[i]);
            Assert.True(Math.Abs(actual[i] - expected) <= 2e-6 * Math.Max(1, Math.Abs(expected)), $"element {i}: u = {u[i]:R}, expected {expected:R}, got {actual[i]:R}");
        }
    }

    private static void CheckDouble(Action<Span<double>> sampler, Action<Span<double>> uniformDraw, Func<double, double> reference)
    {
        var actual = new double[Count];
        var u = new double[Count];
        sampler(actual);
        uniformDraw(u);
        for (int i = 0; i < Count; i++)
        {
            double expected = reference(u[i]);
            Assert.True(Math.Abs(actual[i] - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"element {i}: u = {u[i]:R}, expected {expected:R}, got {actual[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void SingleTransformsFollowJaxFormulas(int seed, PrngImpl impl)
    {
        PrngKey k = PrngKey.Create(seed, impl);
        CheckSingle(d => k.Exponential(d), d => k.Uniform(d), u => -Math.Log(1 - (double)u));
        CheckSingle(d => k.Gumbel(d), d => k.Uniform(d, Tiny, 1f), u => -Math.Log(-(float)Math.Log(u)));
        CheckSingle(d => k.Laplace(d), d => k.Uniform(d, -0.99999994f, 1f), u => Math.Sign(u) * Math.Log(1 - Math.Abs((double)u)));
        CheckSingle(d => k.Logistic(d), d => k.Uniform(d, Tiny, 1f), u => (float)Math.Log(u) - (float)Math.Log(1 - (double)u));
        CheckSingle(d => k.Cauchy(d), d => k.Uniform(d, 1.1920929e-07f, 1f), u => Math.Tan((float)Math.PI * (u - 0.5f)));
        CheckSingle(d => k.Pareto(d, 0.5f), d => k.Uniform(d), u => Math.Exp((float)-Math.Log(1 - (double)u) / 0.5f));
        CheckSingle(d => k.Weibull(d, 2f, 1.5f), d => k.Uniform(d), u => 2 * Math.Pow((float)-Math.Log(1 - (double)u), 1f / 1.5f));
        CheckSingle(d => k.Rayleigh(d, 3f), d => k.Uniform(d), u => 3 * Math.Sqrt(-2 * (float)Math.Log(u)));
        CheckSingle(d => k.LogNormal(d, 0.5f), d => k.Normal(d), z => Math.Exp(z * 0.5f));
        CheckSingle(d => k.Triangular(d, -1f, 0.5f, 2f), d => k.Uniform(d), u => u < 0.5 ? -1 + Math.Sqrt(u * 3.0 * 1.5) : 2 - Math.Sqrt((1 - u) * 3.0 * 1.5));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void DoubleTransformsFollowJaxFormulas(int seed, PrngImpl impl)
    {
        PrngKey k = PrngKey.Create(seed, impl);
        const double tiny = 2.2250738585072014e-308;
        CheckDouble(d => k.Exponential(d), d => k.Uniform(d), u => -Log1p(-u));
        CheckDouble(d => k.Gumbel(d), d => k.Uniform(d, tiny, 1), u => -Math.Log(-Math.Log(u)));
        CheckDouble(d => k.Laplace(d), d => k.Uniform(d, -0.9999999999999999, 1), u => Math.Sign(u) * Log1p(-Math.Abs(u)));
        CheckDouble(d => k.Logistic(d), d => k.Uniform(d, tiny, 1), u => Math.Log(u) - Log1p(-u));
        CheckDouble(d => k.Pareto(d, 0.5), d => k.Uniform(d), u => Math.Exp(-Log1p(-u) / 0.5));
        CheckDouble(d => k.Weibull(d, 2, 1.5), d => k.Uniform(d), u => Math.Pow(-Log1p(-u), 1 / 1.5) * 2);
        CheckDouble(d => k.Rayleigh(d, 3), d => k.Uniform(d), u => 3 * Math.Sqrt(Math.Log(u) * -2));
        CheckDouble(d => k.LogNormal(d, 0.5), d => k.Normal(d), z => Math.Exp(z * 0.5));
        CheckDouble(d => k.Triangular(d, -1, 0.5, 2), d => k.Uniform(d), u => u < 0.5 ? -1 + Math.Sqrt(u * 3 * 1.5) : 2 - Math.Sqrt((1 - u) * 3 * 1.5));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void CauchyDoubleFollowsTan(int seed, PrngImpl impl)
    {
        // tan near +-pi/2 amplifies the argument's last-bit rounding; compare on the argument's own rounding.
        PrngKey k = PrngKey.Create(seed, impl);
        var actual = new double[Count];
        var u = new double[Count];
        k.Cauchy(actual);
        k.Uniform(u, 2.220446049250313e-16, 1);
        for (int i = 0; i < Count; i++)
        {
            double expected = Math.Tan(Math.PI * (u[i] - 0.5));
            Assert.True(Math.Abs(actual[i] - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"element {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void MaxwellIsTheNormOfRowsOfThreeNormals(int seed, PrngImpl impl)
    {
        PrngKey k = PrngKey.Create(seed, impl);
        var actual = new float[Count];
        var z = new float[3 * Count];
        k.Maxwell(actual);
        k.Normal(z);
        var actualDouble = new double[Count];
        var zDouble = new double[3 * Count];
        k.Maxwell(actualDouble);
        k.Normal(zDouble);
        for (int i = 0; i < Count; i++)
        {
            double expected = Math.Sqrt((z[3 * i] * (double)z[3 * i]) + (z[(3 * i) + 1] * (double)z[(3 * i) + 1]) + (z[(3 * i) + 2] * (double)z[(3 * i) + 2]));
            Assert.True(Math.Abs(actual[i] - expected) <= 2e-6 * Math.Max(1, expected), $"element {i}");
            double expectedDouble = Math.Sqrt((zDouble[3 * i] * zDouble[3 * i]) + (zDouble[(3 * i) + 1] * zDouble[(3 * i) + 1]) + (zDouble[(3 * i) + 2] * zDouble[(3 * i) + 2]));
            Assert.True(Math.Abs(actualDouble[i] - expectedDouble) <= 1e-12 * Math.Max(1, expectedDouble), $"element {i}");
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void GeometricIsFloorOfLogRatio(int seed, PrngImpl impl)
    {
        PrngKey k = PrngKey.Create(seed, impl);
        var actual = new long[Count];
        var u = new double[Count];
        k.Geometric(actual, 0.2);
        k.Uniform(u);
        double logQ = Log1p(-0.2);
        int mismatches = 0;
        for (int i = 0; i < Count; i++)
        {
            double ratio = Math.Log(u[i] == 0 ? 1 : u[i]) / logQ;
            // An ulp of log can only matter when the ratio sits on an integer.
            if (Math.Abs(ratio - Math.Round(ratio)) > 1e-9)
            {
                Assert.Equal((long)Math.Floor(ratio) + 1, actual[i]);
            }
            else
            {
                mismatches++;
            }
        }

        Assert.True(mismatches < 5);
    }

    [Fact]
    public void ElementwiseSamplersArePrefixStableInPartitionableMode()
    {
        // Partitionable: element i depends on the counter i only, so a longer draw extends a shorter one.
        PrngKey k = PrngKey.Create(5);
        var shortDraw = new float[7];
        var longDraw = new float[100];
        k.Laplace(shortDraw);
        k.Laplace(longDraw);
        Assert.Equal(shortDraw, longDraw.AsSpan(0, 7).ToArray());
        k.Maxwell(shortDraw);
        k.Maxwell(longDraw);
        Assert.Equal(shortDraw, longDraw.AsSpan(0, 7).ToArray());
    }

    [Fact]
    public void LegacyModeValuesDependOnTheLength()
    {
        // Original mode pairs counter j with j + ceil(n/2) (jax-prng.md section 3), as JAX <= 0.4.38 does.
        PrngKey k = PrngKey.Create(5, PrngImpl.Threefry2x32Legacy);
        var five = new float[5];
        var six = new float[6];
        k.Exponential(five);
        k.Exponential(six);
        Assert.Equal(five[0], six[0]);        // both pair counters (0, 3)
        Assert.NotEqual(five[2], six[2]);     // (2, 0) with padding against (2, 5)
    }

    // Math.Log(1 + x) loses digits for small x; the difference is exact enough here because |x| >= 2^-52 or 0.
    private static double Log1p(double x) => Math.Abs(x) < 1e-4 ? x - (x * x / 2) + (x * x * x / 3) - (x * x * x * x / 4) : Math.Log(1 + x);
}
