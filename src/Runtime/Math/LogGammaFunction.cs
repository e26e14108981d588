using System;

namespace RandomPurity;

/// <summary>
/// ln Gamma(x) for x &gt; 0 in double precision (Poisson's transformed rejection compares against it): upward
/// recursion to x &gt;= 15, then Stirling's series. Non-positive arguments give +infinity, as lgamma does at the poles.
/// </summary>
internal static class LogGammaFunction
{
    /// <summary>ln(2 pi) / 2.</summary>
    private const double HalfLog2Pi = 0.91893853320467274178;

    internal static double LogGamma(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x <= 0 || double.IsPositiveInfinity(x))
        {
            return double.PositiveInfinity;
        }

        double shift = 0;
        double product = 1;
        while (x < 15)
        {
            product *= x;
            x += 1;
            if (product > 1e280)
            {
                shift += Transcendentals.Log(product);
                product = 1;
            }
        }

        shift += Transcendentals.Log(product);

        // Stirling: B_2k / (2k (2k-1) x^(2k-1)) for k = 1..8; at x >= 15 the next term is below 1e-20.
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680 + inv2 * (1.0 / 1188
            + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156 + inv2 * (-3617.0 / 122400))))))));
        return ((x - 0.5) * Transcendentals.Log(x) - x + HalfLog2Pi + series) - shift;
    }

    /// <summary>Float32 lgamma: the double result rounded once.</summary>
    internal static float LogGamma(float x) => (float)LogGamma((double)x);
}
