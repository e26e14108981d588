using System;
using System.Text;
using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// The comparison JAX's own tests make (<c>assertAllClose</c>: |actual - expected| &lt;= atol + rtol * |expected|, with
/// float32's default atol = rtol = 1e-6), and the keys of <c>testRandomDistributionValues</c>.
/// </summary>
internal static class JaxValues
{
    /// <summary><c>PRNGKey(zlib.adler32((name + "threefry2x32").encode()))</c> in the original (JAX &lt;= 0.4.38) mode.</summary>
    internal static PrngKey LegacyKey(string jaxName) =>
        PrngKey.Create(unchecked((int)Adler32(jaxName + "threefry2x32")), PrngImpl.Threefry2x32Legacy);

    internal static uint Adler32(string text)
    {
        uint a = 1, b = 0;
        foreach (byte c in Encoding.ASCII.GetBytes(text))
        {
            a = (a + c) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }

    /// <summary>The largest |actual - expected| / |expected| over the values (what the report quotes).</summary>
    internal static double MaxRelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<double> expected)
    {
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]) / Math.Abs(expected[i]));
        }

        return worst;
    }

    internal static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double rtol = 1e-6, double atol = 1e-6)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]);
            Assert.True(
                error <= atol + (rtol * Math.Abs(expected[i])),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R} (error {error:E3})");
        }
    }
}
