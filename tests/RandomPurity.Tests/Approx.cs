using System;
using Xunit;

namespace RandomPurity.Tests;

internal static class Approx
{
    /// <summary>Asserts |actual - expected| &lt;= tolerance for every element (expected values printed by JAX/NumPy).</summary>
    internal static void Equal(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(actual[i] - expected[i]) <= tolerance,
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tolerance:R})");
        }
    }

    internal static void Equal(double[] expected, float[] actual, double tolerance) =>
        Equal(expected, Array.ConvertAll(actual, x => (double)x), tolerance);

    /// <summary>The contract's tolerance for transcendental samplers: |a - b| &lt;= rel * max(1, |b|).</summary>
    internal static void Relative(double[] expected, float[] actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double bound = relative * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(actual[i] - expected[i]) <= bound, $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
