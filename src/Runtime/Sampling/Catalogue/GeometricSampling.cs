using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.geometric</c>: <c>u = uniform(key)</c> (0 mapped to 1), then <c>floor(log(u) / log1p(-p)) + 1</c>
/// in p's float type, converted to the integer type (saturating, as XLA converts floats to integers).
/// </summary>
internal static class GeometricSampling
{
    internal static int FromUnit(float u, float logOneMinusP)
    {
        if (u == 0f)
        {
            u = 1f;
        }

        float g = (float)Math.Floor(Transcendentals.Log(u) / logOneMinusP) + 1f;
        return g >= 2147483648f ? int.MaxValue : (int)g;
    }

    internal static long FromUnit(double u, double logOneMinusP)
    {
        if (u == 0d)
        {
            u = 1d;
        }

        double g = Math.Floor(Transcendentals.Log(u) / logOneMinusP) + 1d;
        return g >= 9223372036854775808d ? long.MaxValue : (long)g;
    }
}
