using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.triangular</c> (inverse CDF): with <c>u = uniform(key)</c> and <c>fc = (mode - left) / (right - left)</c>,
/// <c>u &lt; fc ? left + sqrt(u (right - left) (mode - left)) : right - sqrt((1 - u) (right - left) (right - mode))</c>.
/// </summary>
internal static class TriangularSampling
{
    // Where JAX's products overflow (right - left, or its product with mode - left, beyond the largest finite value;
    // e.g. left = -MaxValue, right = MaxValue) the bounds are scaled by a power of two, which is exact, and the result
    // scaled back: the value JAX would compute with unbounded exponents. Elsewhere this is JAX's formula unchanged.
    private const float DownSingle = 1.3552527e-20f; // 2^-66: (2 * float.MaxValue * 2^-66)^2 is finite

    private const double DownDouble = 3.7291703656001034e-155; // 2^-513: (2 * double.MaxValue * 2^-513)^2 is finite

    internal static float FromUnit(float u, float left, float mode, float right)
    {
        if (float.IsInfinity((right - left) * Math.Max(mode - left, right - mode)))
        {
            return Jax(u, left * DownSingle, mode * DownSingle, right * DownSingle) / DownSingle;
        }

        return Jax(u, left, mode, right);
    }

    internal static double FromUnit(double u, double left, double mode, double right)
    {
        if (double.IsInfinity((right - left) * Math.Max(mode - left, right - mode)))
        {
            return Jax(u, left * DownDouble, mode * DownDouble, right * DownDouble) / DownDouble;
        }

        return Jax(u, left, mode, right);
    }

    private static float Jax(float u, float left, float mode, float right)
    {
        float width = right - left;
        float fc = (mode - left) / width;
        float low = left + (float)Math.Sqrt(u * width * (mode - left));
        float high = right - (float)Math.Sqrt((1f - u) * width * (right - mode));
        return u < fc ? low : high;
    }

    private static double Jax(double u, double left, double mode, double right)
    {
        double width = right - left;
        double fc = (mode - left) / width;
        double low = left + Math.Sqrt(u * width * (mode - left));
        double high = right - Math.Sqrt((1d - u) * width * (right - mode));
        return u < fc ? low : high;
    }
}
