using System;
using Xunit;
using Xunit.Abstractions;

namespace RandomPurity.Tests;

/// <summary>
/// Accuracy of the runtime's own log, log1p, exp and erf_inv against references (the BCL's libm is fine in tests;
/// the runtime may not use it because its last bit varies between platforms).
/// </summary>
public class TranscendentalsTests
{
    private readonly ITestOutputHelper _output;

    public TranscendentalsTests(ITestOutputHelper output) => _output = output;

    private static double Ulps(double actual, double expected)
    {
        if (actual == expected)
        {
            return 0;
        }

        double ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
        return Math.Abs(actual - expected) / ulp;
    }

    private static double[] Samples(int count, double lo, double hi, bool logarithmic)
    {
        var values = new double[count];
        var random = new Random(12345);
        for (int i = 0; i < count; i++)
        {
            double t = random.NextDouble();
            values[i] = logarithmic ? Math.Exp(Math.Log(lo) + (t * (Math.Log(hi) - Math.Log(lo)))) : lo + (t * (hi - lo));
        }

        return values;
    }

    [Fact]
    public void LogIsWithinTwoUlps()
    {
        double worst = 0;
        foreach (double x in Samples(200000, 1e-300, 1e300, logarithmic: true))
        {
            worst = Math.Max(worst, Ulps(Transcendentals.Log(x), Math.Log(x)));
        }

        foreach (double x in Samples(200000, 0.5, 2.0, logarithmic: false))
        {
            worst = Math.Max(worst, Ulps(Transcendentals.Log(x), Math.Log(x)));
        }

        _output.WriteLine($"log: max {worst:F3} ulp");
        Assert.True(worst <= 2, $"log error {worst} ulp");
        Assert.Equal(0.0, Transcendentals.Log(1.0));
        Assert.Equal(double.NegativeInfinity, Transcendentals.Log(0.0));
        Assert.True(double.IsNaN(Transcendentals.Log(-1.0)));
        Assert.Equal(double.PositiveInfinity, Transcendentals.Log(double.PositiveInfinity));
        Assert.Equal(Math.Log(double.Epsilon), Transcendentals.Log(double.Epsilon), 12);
        Assert.Equal(Math.Log(4294967295.0), Transcendentals.Log(4294967295.0), 14);
    }

    [Fact]
    public void Log1pIsWithinTwoUlps()
    {
        double worst = 0;
        var inputs = new System.Collections.Generic.List<double>();
        inputs.AddRange(Samples(100000, 1e-300, 1e-5, logarithmic: true));
        inputs.AddRange(Samples(100000, 1e-5, 1e5, logarithmic: true));
        foreach (double magnitude in inputs.ToArray())
        {
            inputs.Add(-Math.Min(magnitude, 1 - 1e-16));
        }

        inputs.AddRange(Samples(100000, -1, 0, logarithmic: false));
        foreach (double x in inputs)
        {
            worst = Math.Max(worst, Ulps(Transcendentals.Log1p(x), ReferenceLog1p(x)));
        }

        _output.WriteLine($"log1p: max {worst:F3} ulp");
        Assert.True(worst <= 2, $"log1p error {worst} ulp");
        Assert.Equal(double.NegativeInfinity, Transcendentals.Log1p(-1.0));
        Assert.True(double.IsNaN(Transcendentals.Log1p(-1.5)));
        Assert.Equal(1e-300, Transcendentals.Log1p(1e-300));
    }

    [Fact]
    public void ExpIsWithinTwoUlps()
    {
        double worst = 0;
        foreach (double x in Samples(300000, -708, 709, logarithmic: false))
        {
            worst = Math.Max(worst, Ulps(Transcendentals.Exp(x), Math.Exp(x)));
        }

        foreach (double x in Samples(100000, -1, 1, logarithmic: false))
        {
            worst = Math.Max(worst, Ulps(Transcendentals.Exp(x), Math.Exp(x)));
        }

        _output.WriteLine($"exp: max {worst:F3} ulp");
        Assert.True(worst <= 2, $"exp error {worst} ulp");
        Assert.Equal(1.0, Transcendentals.Exp(0.0));
        Assert.Equal(double.PositiveInfinity, Transcendentals.Exp(710.0));
        Assert.Equal(0.0, Transcendentals.Exp(-746.0));
        Assert.Equal(Math.Exp(-740), Transcendentals.Exp(-740.0)); // subnormal result, rounded once
    }

    [Fact]
    public void ErfInvInvertsErf()
    {
        // Checked where erf_inv is well conditioned: |y| <= 0.999; the error is in x, scaled by erf's slope.
        double worst64 = 0, worst32 = 0;
        foreach (double y in Samples(200000, -0.999, 0.999, logarithmic: false))
        {
            double x = Transcendentals.ErfInv(y);
            double slope = 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x);
            double error = Math.Abs(Erf(x) - y) / slope;
            worst64 = Math.Max(worst64, error / Math.Max(1, Math.Abs(x)));
            float xf = Transcendentals.ErfInv((float)y);
            double exact = x + ((y - Erf(x)) / slope); // one Newton step from the double result
            double yf = (float)y;
            double exactf = Transcendentals.ErfInv(yf);
            worst32 = Math.Max(worst32, Math.Abs(xf - exactf) / Math.Max(1, Math.Abs(exactf)));
            Assert.True(Math.Abs(exact - x) <= 1e-13 * Math.Max(1, Math.Abs(x)));
        }

        _output.WriteLine($"erf_inv float64: max {worst64:E2} relative; float32 vs float64: max {worst32:E2} relative");
        Assert.True(worst64 <= 1e-12, $"erf_inv float64 error {worst64}");
        // Giles' single-precision approximation itself is accurate to about 1e-6 relative; JAX has the same error.
        Assert.True(worst32 <= 2e-6, $"erf_inv float32 error {worst32}");
        Assert.Equal(0.4769362762044699, Transcendentals.ErfInv(0.5), 15);
        Assert.Equal(double.PositiveInfinity, Transcendentals.ErfInv(1.0));
        Assert.Equal(float.NegativeInfinity, Transcendentals.ErfInv(-1f));
    }

    [Fact]
    public void ErfInvTailsAgreeBetweenPrecisions()
    {
        // In the tails (w >= 5 for float32, w >= 6.25 and >= 16 for float64) both approximations describe the same curve.
        double worst = 0;
        for (int k = 1; k < 4000; k++)
        {
            float y = 1f - (k * 5.9604645e-8f);
            if (y >= 1f)
            {
                continue;
            }

            double reference = Transcendentals.ErfInv((double)y);
            worst = Math.Max(worst, Math.Abs(Transcendentals.ErfInv(y) - reference) / Math.Max(1, reference));
        }

        for (double t = 1.1102230246251565e-16; t < 1e-3; t *= 3.7)
        {
            double y = 1 - t;
            double x = Transcendentals.ErfInv(y);
            Assert.True(x > 0 && !double.IsInfinity(x));
            Assert.Equal(-x, Transcendentals.ErfInv(-y));
        }

        _output.WriteLine($"erf_inv float32 tail vs float64: max {worst:E2} relative");
        // The single-precision tail polynomial (w >= 5) is itself accurate to about 6e-6 relative.
        Assert.True(worst <= 1e-5, $"float32 tail error {worst}");
    }

    [Fact]
    public void ErfInvFloat32IsGilesPolynomialEvaluatedInFloat32()
    {
        // The same coefficients evaluated in double with an exact w: the float32 evaluation (what JAX does too) must
        // stay within the contract's 2e-6 of it, across both branches (w < 5 and w >= 5).
        double[] a = { 2.81022636e-08f, 3.43273939e-07f, -3.5233877e-06f, -4.39150654e-06f, 0.00021858087f, -0.00125372503f, -0.00417768164f, 0.246640727f, 1.50140941f };
        double[] b = { -0.000200214257f, 0.000100950558f, 0.00134934322f, -0.00367342844f, 0.00573950773f, -0.0076224613f, 0.00943887047f, 1.00167406f, 2.83297682f };
        double worst = 0;
        float worstAt = 0;
        for (uint bits = 0; bits < (1u << 23); bits += 97)
        {
            float y = (bits / 8388608f * 2f) - 0.99999994f;
            double yd = y;
            double w = -ReferenceLog1p(y * -y); // JAX squares in float32 too
            double[] c = w < 5 ? a : b;
            double t = w < 5 ? w - 2.5 : Math.Sqrt(w) - 3;
            double p = c[0];
            for (int i = 1; i < 9; i++)
            {
                p = c[i] + (p * t);
            }

            double reference = p * yd;
            float actual = Transcendentals.ErfInv(y);
            double error = Math.Abs(actual - reference) / Math.Max(1, Math.Abs(reference));
            if (error > worst)
            {
                worst = error;
                worstAt = y;
            }

        }

        _output.WriteLine($"erf_inv float32 vs the same polynomial in double: max {worst:E2} relative at {worstAt:R}");
        Assert.True(worst <= 2e-6, $"erf_inv float32 evaluation error {worst}");
    }

    private static double ReferenceLog1p(double x)
    {
        if (Math.Abs(x) < 1e-4)
        {
            // Alternating series; 8 terms leave < 1e-32 relative.
            double term = x, sum = 0;
            for (int n = 1; n <= 8; n++)
            {
                sum += term / n;
                term *= -x;
            }

            return sum;
        }

        double u = 1 + x;
        double xPart = u - 1;
        double err = (1 - (u - xPart)) + (x - xPart);
        return Math.Log(u) + (err / u);
    }

    /// <summary>erf by the all-positive series erf(x) = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) / (1*3*...*(2n+1)).</summary>
    private static double Erf(double x)
    {
        double x2 = x * x;
        double term = x, sum = x;
        for (int n = 1; n < 400 && Math.Abs(term) > 1e-18 * Math.Abs(sum); n++)
        {
            term *= 2 * x2 / ((2 * n) + 1);
            sum += term;
        }

        return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
    }
}
