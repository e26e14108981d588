using System;

namespace RandomPurity;

/// <summary>
/// x^y for x &gt;= 0 as exp(y log x) with the runtime's own log and exp (Math.Pow's last bit varies between C
/// runtimes). The relative error is about (1 + |y log x|) ulp: exact enough for float32 results rounded from double,
/// and within 1e-13 for the float64 samplers' exponents.
/// </summary>
internal static class Power
{
    internal static double Pow(double x, double y)
    {
        if (y == 0 || x == 1)
        {
            return 1.0;
        }

        if (double.IsNaN(x) || double.IsNaN(y) || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return y > 0 ? 0.0 : double.PositiveInfinity;
        }

        return Transcendentals.Exp(y * Transcendentals.Log(x));
    }

    /// <summary>Float32 pow: the double result rounded once.</summary>
    internal static float Pow(float x, float y) => (float)Pow((double)x, (double)y);
}
