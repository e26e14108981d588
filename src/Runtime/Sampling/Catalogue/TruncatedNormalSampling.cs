using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.truncated_normal</c>: <c>u = uniform(key, minval=erf(lower / sqrt2), maxval=erf(upper / sqrt2))</c>,
/// <c>sqrt2 * erf_inv(u)</c>, clipped to <c>[nextafter(lower, +inf), nextafter(upper, -inf)]</c>.
/// </summary>
internal static class TruncatedNormalSampling
{
    /// <summary>(float32)sqrt(2) = 0x3FB504F3.</summary>
    private const float Sqrt2Single = 1.41421356f;

    private const double Sqrt2Double = 1.4142135623730951;

    internal static void Fill(Span<float> destination, Span<uint> bits, float lower, float upper)
    {
        float a = ErrorFunction.Erf(lower / Sqrt2Single);
        float b = ErrorFunction.Erf(upper / Sqrt2Single);
        float range = b - a;
        float low = NextUp(lower), high = NextDown(upper);
        for (int i = 0; i < destination.Length; i++)
        {
            float u = UniformSampling.Scale(UniformSampling.UnitSingle(bits[i]), a, range);
            float x = Sqrt2Single * Transcendentals.ErfInv(u);
            destination[i] = Math.Min(Math.Max(x, low), high);
        }
    }

    internal static void Fill(Span<double> destination, Span<ulong> bits, double lower, double upper)
    {
        double a = ErrorFunction.Erf(lower / Sqrt2Double);
        double b = ErrorFunction.Erf(upper / Sqrt2Double);
        double range = b - a;
        double low = NextUp(lower), high = NextDown(upper);
        for (int i = 0; i < destination.Length; i++)
        {
            double u = UniformSampling.Scale(UniformSampling.UnitDouble(bits[i]), a, range);
            double x = Sqrt2Double * Transcendentals.ErfInv(u);
            destination[i] = Math.Min(Math.Max(x, low), high);
        }
    }

    // Finite arguments only (the public members check): nextafter toward +inf / -inf.
    private static float NextUp(float x)
    {
        if (x == 0f)
        {
            return float.Epsilon;
        }

        int bits = BitConverter.ToInt32(BitConverter.GetBytes(x), 0);
        bits += x > 0 ? 1 : -1;
        return BitConverter.ToSingle(BitConverter.GetBytes(bits), 0);
    }

    private static float NextDown(float x) => -NextUp(-x);

    private static double NextUp(double x)
    {
        if (x == 0d)
        {
            return double.Epsilon;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        bits += x > 0 ? 1 : -1;
        return BitConverter.Int64BitsToDouble(bits);
    }

    private static double NextDown(double x) => -NextUp(-x);
}
