using System;
using System.Runtime.CompilerServices;

namespace RandomPurity;

/// <summary>
/// The runtime's own log, log1p, exp and erf_inv. They use only IEEE-754 add, subtract, multiply, divide, sqrt and
/// bit manipulation (never a fused multiply-add, never the C runtime's libm), so every OS and CPU gives the same bits.
/// Argument reduction is done on the bit pattern and the polynomials are straight-line Horner schemes, so a vector
/// port can evaluate the same operations lane by lane. Float32 log/log1p are computed in double and rounded once,
/// which reproduces JAX's float32 values to within an ulp (jax-prng.md section 10).
/// </summary>
internal static class Transcendentals
{
    // ln 2 split so that k * Ln2Hi is exact for |k| < 2^20 (Ln2Hi has its low 21 bits zero); the classic
    // Cody-Waite constants (fdlibm e_log.c / e_exp.c use the same two numbers).
    internal const double Ln2Hi = 6.93147180369123816490e-01;   // 0x3FE62E42FEE00000
    internal const double Ln2Lo = 1.90821492927058770002e-10;   // 0x3DEA39EF35793C76
    private const double InvLn2 = 1.44269504088896338700e+00;

    /// <summary>Bit pattern of sqrt(2)/2: reduction puts the mantissa in [sqrt(2)/2, sqrt(2)).</summary>
    private const long SqrtHalfBits = 0x3FE6A09E667F3BCD;

    // 2 / (2j + 1): the series 2 atanh(s) = 2s + s * z * (2/3 + z * (2/5 + ...)), z = s^2 <= 0.0295 after reduction;
    // twelve terms leave a truncation error below 1e-20 relative.
    internal const double A1 = 2.0 / 3, A2 = 2.0 / 5, A3 = 2.0 / 7, A4 = 2.0 / 9, A5 = 2.0 / 11, A6 = 2.0 / 13,
        A7 = 2.0 / 15, A8 = 2.0 / 17, A9 = 2.0 / 19, A10 = 2.0 / 21, A11 = 2.0 / 23, A12 = 2.0 / 25;

    // 1/n! for exp's Taylor series on |r| <= ln(2)/2 (+ rounding): degree 14 leaves < 5e-18 relative.
    private const double E2 = 1.0 / 2, E3 = 1.0 / 6, E4 = 1.0 / 24, E5 = 1.0 / 120, E6 = 1.0 / 720, E7 = 1.0 / 5040,
        E8 = 1.0 / 40320, E9 = 1.0 / 362880, E10 = 1.0 / 3628800, E11 = 1.0 / 39916800, E12 = 1.0 / 479001600,
        E13 = 1.0 / 6227020800, E14 = 1.0 / 87178291200;

    /// <summary>Natural logarithm in double precision (error about 1 ulp).</summary>
    internal static double Log(double x)
    {
        if (!(x > 0) || double.IsPositiveInfinity(x))
        {
            return x == 0 ? double.NegativeInfinity : x > 0 ? x : double.NaN;
        }

        // Subnormals: scale into the normal range first so that the exponent field is meaningful.
        double bias = 0;
        if (x < 2.2250738585072014e-308)
        {
            x *= 18014398509481984.0; // 2^54
            bias = -54;
        }

        return LogOfNormal(x, 0, bias);
    }

    /// <summary>log(1 + x) in double precision (error about 1 ulp), accurate for tiny x.</summary>
    internal static double Log1p(double x)
    {
        if (!(x > -1) || double.IsPositiveInfinity(x))
        {
            return x == -1 ? double.NegativeInfinity : x > -1 ? x : double.NaN;
        }

        // u = 1 + x rounds; TwoSum recovers the exact error so that log1p(x) = log(u) + err / u to first order.
        double u = 1.0 + x;
        double xPart = u - 1.0;
        double onePart = u - xPart;
        double err = (1.0 - onePart) + (x - xPart);
        return LogOfNormal(u, err / u, 0);
    }

    /// <summary>log(u) + c for a positive normal u and a tiny correction c, plus <paramref name="extraExponent"/> * ln 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LogOfNormal(double u, double c, double extraExponent)
    {
        long bits = BitConverter.DoubleToInt64Bits(u);
        long k = (bits - SqrtHalfBits) >> 52;                  // u = 2^k * m, m in [sqrt(2)/2, sqrt(2))
        double m = BitConverter.Int64BitsToDouble(bits - (k << 52));
        double f = m - 1.0;                                     // exact (Sterbenz)
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (A1 + z * (A2 + z * (A3 + z * (A4 + z * (A5 + z * (A6 + z * (A7 + z * (A8 + z * (A9 + z * (A10 + z * (A11 + z * A12)))))))))));
        double dk = k + extraExponent;

        // log(m) = 2 atanh(s) = f - s * (f - r), because 2s = f - s * f.
        return dk * Ln2Hi + (f - (s * (f - r) - (dk * Ln2Lo + c)));
    }

    /// <summary>e^x in double precision (error about 1 ulp).</summary>
    internal static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > 709.782712893384)
        {
            return double.PositiveInfinity;
        }

        if (x < -745.1332191019412)
        {
            return 0;
        }

        double kd = Math.Floor(x * InvLn2 + 0.5);
        double r = (x - kd * Ln2Hi) - kd * Ln2Lo;
        double p = 1.0 + r * (1.0 + r * (E2 + r * (E3 + r * (E4 + r * (E5 + r * (E6 + r * (E7 + r * (E8 + r * (E9 + r * (E10 + r * (E11 + r * (E12 + r * (E13 + r * E14)))))))))))));

        // 2^k in two exact factors keeps both inside the normal range; only the last product rounds (to subnormal).
        long k = (long)kd;
        long k1 = k >> 1;
        long k2 = k - k1;
        return p * BitConverter.Int64BitsToDouble((k1 + 1023) << 52) * BitConverter.Int64BitsToDouble((k2 + 1023) << 52);
    }

    /// <summary>Float32 log1p: the double result rounded once.</summary>
    internal static float Log1p(float x) => (float)Log1p((double)x);

    /// <summary>Float32 log: the double result rounded once.</summary>
    internal static float Log(float x) => (float)Log((double)x);

    /// <summary>Float32 exp: the double result rounded once.</summary>
    internal static float Exp(float x) => (float)Exp((double)x);

    // M. Giles, "Approximating the erfinv function" (GPU Computing Gems, 2011), single precision, as StableHLO's
    // erfInv32 in ChloLegalizeToStablehlo.cpp lowers lax.erf_inv; coefficients highest degree first.
    internal const float SA0 = 2.81022636e-08f, SA1 = 3.43273939e-07f, SA2 = -3.5233877e-06f, SA3 = -4.39150654e-06f,
        SA4 = 0.00021858087f, SA5 = -0.00125372503f, SA6 = -0.00417768164f, SA7 = 0.246640727f, SA8 = 1.50140941f;
    internal const float SB0 = -0.000200214257f, SB1 = 0.000100950558f, SB2 = 0.00134934322f, SB3 = -0.00367342844f,
        SB4 = 0.00573950773f, SB5 = -0.0076224613f, SB6 = 0.00943887047f, SB7 = 1.00167406f, SB8 = 2.83297682f;

    /// <summary>erf_inv in float32, as XLA evaluates <c>chlo.erf_inv</c> (both polynomials evaluated, then selected).</summary>
    internal static float ErfInv(float x)
    {
        float w = -Log1p(x * -x);
        float wa = w - 2.5f;
        float wb = (float)Math.Sqrt(w) - 3.0f;
        float pa = SA0;
        pa = SA1 + pa * wa; pa = SA2 + pa * wa; pa = SA3 + pa * wa; pa = SA4 + pa * wa;
        pa = SA5 + pa * wa; pa = SA6 + pa * wa; pa = SA7 + pa * wa; pa = SA8 + pa * wa;
        float pb = SB0;
        pb = SB1 + pb * wb; pb = SB2 + pb * wb; pb = SB3 + pb * wb; pb = SB4 + pb * wb;
        pb = SB5 + pb * wb; pb = SB6 + pb * wb; pb = SB7 + pb * wb; pb = SB8 + pb * wb;
        float p = w < 5.0f ? pa : pb;
        float result = p * x;
        return Math.Abs(x) == 1.0f ? x * float.PositiveInfinity : result;
    }

    /// <summary>erfInv64 for w &lt; 6.25 (of w - 3.125), highest degree first.</summary>
    internal static readonly double[] ErfInvA =
    {
        -3.6444120640178196996e-21, -1.685059138182016589e-19, 1.2858480715256400167e-18, 1.115787767802518096e-17,
        -1.333171662854620906e-16, 2.0972767875968561637e-17, 6.6376381343583238325e-15, -4.0545662729752068639e-14,
        -8.1519341976054721522e-14, 2.6335093153082322977e-12, -1.2975133253453532498e-11, -5.4154120542946279317e-11,
        1.051212273321532285e-09, -4.1126339803469836976e-09, -2.9070369957882005086e-08, 4.2347877827932403518e-07,
        -1.3654692000834678645e-06, -1.3882523362786468719e-05, 0.0001867342080340571352, -0.00074070253416626697512,
        -0.0060336708714301490533, 0.24015818242558961693, 1.6536545626831027356,
    };

    /// <summary>erfInv64 for 6.25 &lt;= w &lt; 16 (of sqrt(w) - 3.25).</summary>
    internal static readonly double[] ErfInvB =
    {
        2.2137376921775787049e-09, 9.0756561938885390979e-08, -2.7517406297064545428e-07, 1.8239629214389227755e-08,
        1.5027403968909827627e-06, -4.013867526981545969e-06, 2.9234449089955446044e-06, 1.2475304481671778723e-05,
        -4.7318229009055733981e-05, 6.8284851459573175448e-05, 2.4031110387097893999e-05, -0.0003550375203628474796,
        0.00095328937973738049703, -0.0016882755560235047313, 0.0024914420961078508066, -0.0037512085075692412107,
        0.005370914553590063617, 1.0052589676941592334, 3.0838856104922207635,
    };

    /// <summary>erfInv64 for w &gt;= 16 (of sqrt(w) - 5).</summary>
    internal static readonly double[] ErfInvC =
    {
        -2.7109920616438573243e-11, -2.5556418169965252055e-10, 1.5076572693500548083e-09, -3.7894654401267369937e-09,
        7.6157012080783393804e-09, -1.4960026627149240478e-08, 2.9147953450901080826e-08, -6.7711997758452339498e-08,
        2.2900482228026654717e-07, -9.9298272942317002539e-07, 4.5260625972231537039e-06, -1.9681778105531670567e-05,
        7.5995277030017761139e-05, -0.00021503011930044477347, -0.00013871931833623122026, 1.0103004648645343977,
        4.8499064014085844221,
    };

    /// <summary><c>p = c[0]; p = c[j] + p * w</c> for j = 1.. (separate multiply and add, as StableHLO's loop).</summary>
    internal static double Horner(double[] coefficients, double w)
    {
        double p = coefficients[0];
        for (int j = 1; j < coefficients.Length; j++)
        {
            p = coefficients[j] + p * w;
        }

        return p;
    }

    /// <summary>erf_inv in float64, as StableHLO's erfInv64 (three polynomials by the size of w = -log1p(-x^2)).</summary>
    internal static double ErfInv(double x)
    {
        double w = -Log1p(-x * x);
        double wa = w - 3.125;
        double sw = Math.Sqrt(w);
        double wb = sw - 3.25;
        double wc = sw - 5.0;

        double pa = Horner(ErfInvA, wa);
        double pb = Horner(ErfInvB, wb);
        double pc = Horner(ErfInvC, wc);

        double p = w < 6.25 ? pa : w < 16.0 ? pb : pc;
        double result = p * x;
        return Math.Abs(x) == 1.0 ? x * double.PositiveInfinity : result;
    }
}
