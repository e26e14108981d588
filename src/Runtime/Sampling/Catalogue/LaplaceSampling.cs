using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.laplace</c>: <c>u = uniform(key, minval=-1 + epsneg, maxval=1)</c>, then <c>sign(u) * log1p(-|u|)</c>.
/// In float32 the range <c>1 - (-1 + 2^-24)</c> rounds to 2, as in JAX.
/// </summary>
internal static class LaplaceSampling
{
    /// <summary>-1 + finfo(float32).epsneg = nextafter(-1, 0) = 0xBF7FFFFF.</summary>
    private static readonly float LowSingle = CatalogueDraws.SingleFromBits(0xBF7FFFFF);

    /// <summary>-1 + finfo(float64).epsneg = nextafter(-1, 0).</summary>
    private static readonly double LowDouble = BitConverter.Int64BitsToDouble(unchecked((long)0xBFEFFFFFFFFFFFFF));

    internal static float FromBits(uint bits)
    {
        float lo = LowSingle;
        float u = UniformSampling.Scale(UniformSampling.UnitSingle(bits), lo, 1f - lo);
        return Math.Sign(u) * Transcendentals.Log1p(-Math.Abs(u));
    }

    internal static double FromBits(ulong bits)
    {
        double lo = LowDouble;
        double u = UniformSampling.Scale(UniformSampling.UnitDouble(bits), lo, 1d - lo);
        return Math.Sign(u) * Transcendentals.Log1p(-Math.Abs(u));
    }
}
