using System;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>jax.random.normal (jax-prng.md section 9.2): sqrt(2) * erf_inv(uniform(key, nextafter(-1, 0), 1)).</summary>
public class NormalTests
{
    private const double Float32Tolerance = 2e-6;

    private static float[] Normal(PrngKey key, int n)
    {
        var values = new float[n];
        key.Normal(values);
        return values;
    }

    [Fact]
    public void OriginalCommonGotchasNormals()
    {
        PrngKey key = PrngKey.Create(0, O);
        Approx.Relative(new[] { -0.20584226 }, Normal(key, 1), Float32Tolerance);
        PrngKey sub;
        (key, sub) = key.Split();
        Approx.Relative(new[] { -1.2515389 }, Normal(sub, 1), Float32Tolerance);
        (key, sub) = key.Split();
        Approx.Relative(new[] { -0.58665055 }, Normal(sub, 1), Float32Tolerance);
        PrngKey[] subs = key.Split(4);
        Approx.Relative(new[] { -0.37533438 }, Normal(subs[1], 1), Float32Tolerance);
        Approx.Relative(new[] { 0.98645043 }, Normal(subs[2], 1), Float32Tolerance);
        Approx.Relative(new[] { 0.14553197 }, Normal(subs[3], 1), Float32Tolerance);
    }

    [Fact]
    public void OriginalTestRandomDistributionValuesNormal()
    {
        Approx.Equal(new[] { -1.173234, -1.511662, 0.070593, -0.099764, 1.052845 }, Normal(Key(1193674498, O), 5), 1.5e-6);
    }

    [Theory]
    [InlineData(P, new[] { 0.9, 0.03, 0.1, 0.03, 1.0, 0.01, 0.1, 0.01, 0.85 })]
    [InlineData(O, new[] { 1.22, -0.0, 0.11, -0.0, 0.84, -0.1, 0.11, -0.1, 0.88 })]
    public void CovarianceDoctestOfKey0Normals(PrngImpl impl, double[] expected)
    {
        // jnp.cov(normal(key(0), (3, 100))) to 2 decimals. Partitionable: the lax_numpy.py cov doctest (JAX jax-v0.11.0,
        // jax-prng.md 11.4). Original: no doctest for it was found; computed by tests/known-answers/threefry2x32.py
        // (plain Python threefry, original-mode random_bits, erfinv by inverting math.erf), which prints these values.
        float[] x = Normal(PrngKey.Create(0, impl), 300);
        var cov = new double[9];
        var mean = new double[3];
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 100; c++)
            {
                mean[r] += x[(r * 100) + c] / 100.0;
            }
        }

        for (int a = 0; a < 3; a++)
        {
            for (int b = 0; b < 3; b++)
            {
                double s = 0;
                for (int c = 0; c < 100; c++)
                {
                    s += (x[(a * 100) + c] - mean[a]) * (x[(b * 100) + c] - mean[b]);
                }

                cov[(a * 3) + b] = s / 99;
            }
        }

        Approx.Equal(expected, cov, 0.005 + 1e-6);
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void ScalarEqualsBulkOfLengthOne(PrngImpl impl)
    {
        for (int seed = 0; seed < 100; seed++)
        {
            PrngKey key = PrngKey.Create(seed - 50L, impl);
            Assert.Equal(Normal(key, 1)[0], key.NormalSingle());
            var d = new double[1];
            key.Normal(d);
            Assert.Equal(d[0], key.Normal());
        }
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void NormalIsTheLibrarysSqrtTwoErfInvOfTheShiftedUniform(PrngImpl impl)
    {
        // The composition only: the expected value is built from the library's own ErfInv and uniform. The values
        // themselves are checked against an independent erf in NormalsInvertAnIndependentErf and against JAX above.
        PrngKey key = PrngKey.Create(11, impl);
        float[] normals = Normal(key, 1001);
        var uniforms = new float[1001];
        float lo = BitConverter.Int32BitsToSingle(unchecked((int)0xBF7FFFFF));
        key.Uniform(uniforms, lo, 1f);
        var doubles = new double[1001];
        key.Normal(doubles);
        var uniforms64 = new double[1001];
        key.Uniform(uniforms64, BitConverter.Int64BitsToDouble(unchecked((long)0xBFEFFFFFFFFFFFFF)), 1.0);
        for (int i = 0; i < normals.Length; i++)
        {
            Assert.Equal(1.41421356f * Transcendentals.ErfInv(uniforms[i]), normals[i]);
            Assert.Equal(1.4142135623730951 * Transcendentals.ErfInv(uniforms64[i]), doubles[i]);

            // Both precisions draw from the same erf_inv curve; float32 only loses precision.
            Assert.True(Math.Abs(normals[i] - (1.4142135623730951 * Transcendentals.ErfInv((double)uniforms[i]))) <= 2e-6 * Math.Max(1, Math.Abs(normals[i])));
        }
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void NormalsInvertAnIndependentErf(PrngImpl impl)
    {
        // normal = sqrt(2) erfinv(u) with u uniform on (-1, 1), so erf(normal / sqrt(2)) must give u back. erf here is
        // Numerical Recipes' erfc (Chebyshev fit, |error| < 1.2e-7), not the library's code; the float uniforms are
        // spaced 6e-8 near 1, so 3e-7 checks every value to a few float32 ulps of u.
        PrngKey key = PrngKey.Create(11, impl);
        float[] normals = Normal(key, 1001);
        var uniforms = new float[1001];
        key.Uniform(uniforms, BitConverter.Int32BitsToSingle(unchecked((int)0xBF7FFFFF)), 1f);
        var doubles = new double[1001];
        key.Normal(doubles);
        var uniforms64 = new double[1001];
        key.Uniform(uniforms64, BitConverter.Int64BitsToDouble(unchecked((long)0xBFEFFFFFFFFFFFFF)), 1.0);
        for (int i = 0; i < normals.Length; i++)
        {
            Assert.True(Math.Abs(Erf(normals[i] / Math.Sqrt(2)) - uniforms[i]) < 3e-7, $"float {i}: erf({normals[i]} / sqrt 2) vs {uniforms[i]}");
            Assert.True(Math.Abs(Erf(doubles[i] / Math.Sqrt(2)) - uniforms64[i]) < 3e-7, $"double {i}: erf({doubles[i]} / sqrt 2) vs {uniforms64[i]}");
        }
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

    [Fact]
    public void ExtremeUniformsGiveFiniteNormals()
    {
        // The smallest and largest uniforms normal can see: all-zero and all-one bit patterns.
        Assert.True(NormalSampling.FromBits(0u) < -5f && !float.IsInfinity(NormalSampling.FromBits(0u)));
        Assert.True(NormalSampling.FromBits(uint.MaxValue) > 5f && !float.IsInfinity(NormalSampling.FromBits(uint.MaxValue)));
        Assert.True(NormalSampling.FromBits(0ul) < -8 && !double.IsInfinity(NormalSampling.FromBits(0ul)));
        Assert.True(NormalSampling.FromBits(ulong.MaxValue) > 8 && !double.IsInfinity(NormalSampling.FromBits(ulong.MaxValue)));
    }
}
