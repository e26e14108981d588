using System;

namespace RandomPurity;

/// <summary>
/// erf as JAX evaluates <c>lax.erf</c>: in float32 StableHLO's <c>materializeErfApproximationF32</c> (the Eigen rational
/// approximation, evaluated in float32 arithmetic); in float64 an accurate series (XLA's float64 erf is accurate to
/// an ulp, so any accurate erf agrees with it).
/// </summary>
internal static class ErrorFunction
{
    // Eigen's generic_fast_erf_float coefficients, highest degree first (jax-prng.md section 9.8).
    private const float Alpha0 = -2.72614225801306e-10f, Alpha1 = 2.77068142495902e-08f, Alpha2 = -2.10102402082508e-06f,
        Alpha3 = -5.69250639462346e-05f, Alpha4 = -7.34990630326855e-04f, Alpha5 = -2.95459980854025e-03f,
        Alpha6 = -1.60960333262415e-02f;
    private const float Beta0 = -1.45660718464996e-05f, Beta1 = -2.13374055278905e-04f, Beta2 = -1.68282697438203e-03f,
        Beta3 = -7.37332916720468e-03f, Beta4 = -1.42647390514189e-02f;

    /// <summary>2 / sqrt(pi).</summary>
    private const double TwoOverSqrtPi = 1.1283791670955126;

    internal static float Erf(float x)
    {
        if (float.IsNaN(x))
        {
            return x;
        }

        x = Math.Min(Math.Max(x, -4f), 4f);
        float x2 = x * x;
        float alpha = Alpha0;
        alpha = alpha * x2 + Alpha1;
        alpha = alpha * x2 + Alpha2;
        alpha = alpha * x2 + Alpha3;
        alpha = alpha * x2 + Alpha4;
        alpha = alpha * x2 + Alpha5;
        alpha = alpha * x2 + Alpha6;
        float beta = Beta0;
        beta = beta * x2 + Beta1;
        beta = beta * x2 + Beta2;
        beta = beta * x2 + Beta3;
        beta = beta * x2 + Beta4;
        float result = x * alpha / beta;
        return Math.Min(Math.Max(result, -1f), 1f);
    }

    internal static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        double ax = Math.Abs(x);
        if (ax >= 6.0)
        {
            return x > 0 ? 1.0 : -1.0;    // erfc(6) ~ 2e-17: below half an ulp of 1
        }

        // erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1*3*...*(2n+1)): all terms positive, no cancellation.
        double x2 = ax * ax;
        double term = ax;
        double sum = ax;
        for (int n = 1; n < 200; n++)
        {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        double result = TwoOverSqrtPi * Transcendentals.Exp(-x2) * sum;
        result = Math.Min(result, 1.0);
        return x < 0 ? -result : result;
    }
}
