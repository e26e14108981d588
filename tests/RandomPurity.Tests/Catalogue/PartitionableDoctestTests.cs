using System;
using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// JAX asserts no catalogue values in partitionable mode (jax-prng.md section 11.4 has none), but it asserts
/// <c>uniform(key(0), (3,)) = [0.947667, 0.9785799, 0.33229148]</c> (docs/jep/9263-typed-keys.md), and the elementwise
/// samplers are monotone transforms of that same uniform. So each value must lie between the transform of the printed
/// uniform minus and plus half a unit of its last printed digit (with 2e-6 relative slack for float32 rounding).
/// </summary>
public sealed class PartitionableDoctestTests
{
    private static readonly double[] Printed = { 0.947667, 0.9785799, 0.33229148 };
    private static readonly double[] HalfUlp = { 5e-7, 5e-8, 5e-9 };

    private static void Bracketed(Action<Span<float>> sampler, Func<double, double> transform)
    {
        var actual = new float[3];
        sampler(actual);
        for (int i = 0; i < 3; i++)
        {
            double a = transform(Printed[i] - HalfUlp[i]);
            double b = transform(Printed[i] + HalfUlp[i]);
            double lo = Math.Min(a, b), hi = Math.Max(a, b);
            double slack = 2e-6 * Math.Max(1, Math.Abs(actual[i]));
            Assert.True(actual[i] >= lo - slack && actual[i] <= hi + slack, $"element {i}: {actual[i]:R} not in [{lo:R}, {hi:R}]");
        }
    }

    [Fact]
    public void TransformsOfTheAssertedUniformDraw()
    {
        PrngKey key = PrngKey.Create(0);
        Bracketed(d => key.Exponential(d), f => -Math.Log(1 - f));
        Bracketed(d => key.Gumbel(d), f => -Math.Log(-Math.Log(f)));
        Bracketed(d => key.Logistic(d), f => Math.Log(f) - Math.Log(1 - f));
        Bracketed(d => key.Laplace(d), f => -Math.Log(1 - Math.Abs((2 * f) - 1)) * -Math.Sign((2 * f) - 1));
        Bracketed(d => key.Cauchy(d), f => Math.Tan(Math.PI * (f - 0.5)));
        Bracketed(d => key.Pareto(d, 0.5f), f => Math.Exp(-Math.Log(1 - f) / 0.5));
        Bracketed(d => key.Weibull(d, 1f, 1f), f => -Math.Log(1 - f));
        Bracketed(d => key.Rayleigh(d, 1f), f => Math.Sqrt(-2 * Math.Log(f)));
        Bracketed(d => key.Triangular(d, 0f, 0.5f, 1f), f => f < 0.5 ? Math.Sqrt(f * 0.5) : 1 - Math.Sqrt((1 - f) * 0.5));
    }

    [Fact]
    public void RademacherAndGeometricOfTheAssertedUniformDraw()
    {
        PrngKey key = PrngKey.Create(0);
        var signs = new int[3];
        key.Rademacher(signs);
        Assert.Equal(new[] { -1, -1, 1 }, signs);      // u < 0.5 gives +1
        var counts = new int[3];
        key.Geometric(counts, 0.5f);
        // floor(log2(1/u)) + 1 for u = 0.947667, 0.9785799, 0.33229148.
        Assert.Equal(new[] { 1, 1, 2 }, counts);
    }
}
