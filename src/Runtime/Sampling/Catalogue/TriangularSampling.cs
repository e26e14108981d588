using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.triangular</c> (inverse CDF): with <c>u = uniform(key)</c> and <c>fc = (mode - left) / (right - left)</c>,
/// <c>u &lt; fc ? left + sqrt(u (right - left) (mode - left)) : right - sqrt((1 - u) (right - left) (right - mode))</c>.
/// </summary>
internal static class TriangularSampling
{
    internal static float FromUnit(float u, float left, float mode, float right)
    {
        float width = right - left;
        float fc = (mode - left) / width;
        float low = left + (float)Math.Sqrt(u * width * (mode - left));
        float high = right - (float)Math.Sqrt((1f - u) * width * (right - mode));
        return u < fc ? low : high;
    }

    internal static double FromUnit(double u, double left, double mode, double right)
    {
        double width = right - left;
        double fc = (mode - left) / width;
        double low = left + Math.Sqrt(u * width * (mode - left));
        double high = right - Math.Sqrt((1d - u) * width * (right - mode));
        return u < fc ? low : high;
    }
}
