using System;
using System.Runtime.CompilerServices;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.truncated_normal</c>: <c>u = uniform(key, minval=erf(lower / sqrt2), maxval=erf(upper / sqrt2))</c>,
/// <c>sqrt2 * erf_inv(u)</c>, clipped to <c>[nextafter(lower, +inf), nextafter(upper, -inf)]</c>: JAX's algorithm
/// wherever the dtype resolves the interval's erf range into at least 2^14 steps. Far in a tail (float32 (6, 7): erf is
/// 1 at both bounds) or for very narrow intervals that range holds a handful of representable values and JAX returns a
/// few values or one; there RandomPurity draws by rejection in float64 (docs/algorithms.md): Robert (1995), a uniform
/// proposal on narrow intervals and a translated exponential proposal otherwise, element i from <c>fold_in(key, i)</c>.
/// </summary>
internal static class TruncatedNormalSampling
{
    /// <summary>(float32)sqrt(2) = 0x3FB504F3.</summary>
    private const float Sqrt2Single = 1.41421356f;

    private const double Sqrt2Double = 1.4142135623730951;

    /// <summary>JAX's inverse-erf draw is used when erf(upper) - erf(lower) is at least this many ulps of the larger.</summary>
    internal const double MinimumSteps = 16384;

    internal static void Fill(PrngKey key, Span<float> destination, float lower, float upper)
    {
        float a = ErrorFunction.Erf(lower / Sqrt2Single);
        float b = ErrorFunction.Erf(upper / Sqrt2Single);
        float low = NextUp(lower), high = NextDown(upper);
        float largest = Math.Max(Math.Abs(a), Math.Abs(b));
        if ((double)b - a < MinimumSteps * ((double)NextUp(largest) - largest))
        {
            for (int i = 0; i < destination.Length; i++)
            {
                float x = (float)Rejection(key.FoldIn((uint)i), lower, upper);
                destination[i] = Math.Min(Math.Max(x, low), high);
            }

            return;
        }

        Span<uint> bits = CatalogueDraws.Words(key, destination);
        float range = b - a;
        for (int i = 0; i < destination.Length; i++)
        {
            float u = UniformSampling.Scale(UniformSampling.UnitSingle(bits[i]), a, range);
            float x = Sqrt2Single * Transcendentals.ErfInv(u);
            destination[i] = Math.Min(Math.Max(x, low), high);
        }
    }

    internal static void Fill(PrngKey key, Span<double> destination, double lower, double upper)
    {
        double a = ErrorFunction.Erf(lower / Sqrt2Double);
        double b = ErrorFunction.Erf(upper / Sqrt2Double);
        double low = NextUp(lower), high = NextDown(upper);
        double largest = Math.Max(Math.Abs(a), Math.Abs(b));
        if (b - a < MinimumSteps * (NextUp(largest) - largest))
        {
            for (int i = 0; i < destination.Length; i++)
            {
                double x = Rejection(key.FoldIn((uint)i), lower, upper);
                destination[i] = Math.Min(Math.Max(x, low), high);
            }

            return;
        }

        Span<ulong> bits = CatalogueDraws.Words(key, destination);
        double range = b - a;
        for (int i = 0; i < destination.Length; i++)
        {
            double u = UniformSampling.Scale(UniformSampling.UnitDouble(bits[i]), a, range);
            double x = Sqrt2Double * Transcendentals.ErfInv(u);
            destination[i] = Math.Min(Math.Max(x, low), high);
        }
    }

    /// <summary>The open interval (lower, upper) must hold a value of the dtype (JAX returns a bound).</summary>
    internal static void ThrowIfEmpty(float lower, float upper)
    {
        if (NextUp(lower) > NextDown(upper))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, "The open interval (lower, upper) holds no float32 value.");
        }
    }

    internal static void ThrowIfEmpty(double lower, double upper)
    {
        if (NextUp(lower) > NextDown(upper))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, "The open interval (lower, upper) holds no float64 value.");
        }
    }

    /// <summary>A standard normal truncated to [lower, upper] (finite, lower &lt; upper), in float64, by rejection.</summary>
    internal static double Rejection(PrngKey key, double lower, double upper)
    {
        if (lower >= 0)
        {
            return OneSided(key, lower, upper);
        }

        if (upper <= 0)
        {
            return -OneSided(key, -upper, -lower);
        }

        // Straddling 0 (only a very narrow interval gets here): uniform proposal, accepted with exp(-z^2 / 2).
        for (uint j = 0; ; j++)
        {
            var (proposal, test) = key.FoldIn(j).Split();
            double z = lower + ((upper - lower) * CatalogueDraws.UnitDouble(proposal));
            if (-Transcendentals.Log1p(-CatalogueDraws.UnitDouble(test)) >= z * z * 0.5)
            {
                return z;
            }
        }
    }

    /// <summary>
    /// Robert (1995), 0 &lt;= l &lt; u: a uniform proposal on [l, u] accepted with exp(-(z^2 - l^2) / 2) when
    /// (u - l)(u + l) &lt;= 2 (acceptance at least 1/e); otherwise l + Exp(alpha), alpha = (l + sqrt(l^2 + 4)) / 2,
    /// accepted with exp(-(z - alpha)^2 / 2) and rejected beyond u. Products that overflow choose the exponential.
    /// </summary>
    private static double OneSided(PrngKey key, double l, double u)
    {
        bool uniform = (u - l) * (u + l) <= 2;
        double alpha = l > 1e8 ? l + (1 / l) : (l + Math.Sqrt((l * l) + 4)) * 0.5;
        for (uint j = 0; ; j++)
        {
            var (proposal, test) = key.FoldIn(j).Split();
            double r = CatalogueDraws.UnitDouble(proposal);
            double e = -Transcendentals.Log1p(-CatalogueDraws.UnitDouble(test)); // -log of a uniform in (0, 1]
            if (uniform)
            {
                double z = l + ((u - l) * r);
                if (e >= (z - l) * (z + l) * 0.5)
                {
                    return z;
                }
            }
            else
            {
                double z = l + (-Transcendentals.Log1p(-r) / alpha);
                double d = z - alpha;
                if (z <= u && e >= d * d * 0.5)
                {
                    return z;
                }
            }
        }
    }

    // Finite arguments only (the public members check): nextafter toward +inf / -inf.
    internal static float NextUp(float x)
    {
        if (x == 0f)
        {
            return float.Epsilon;
        }

        int bits = Unsafe.As<float, int>(ref x);
        bits += x > 0 ? 1 : -1;
        return Unsafe.As<int, float>(ref bits);
    }

    internal static float NextDown(float x) => -NextUp(-x);

    internal static double NextUp(double x)
    {
        if (x == 0d)
        {
            return double.Epsilon;
        }

        long bits = BitConverter.DoubleToInt64Bits(x);
        bits += x > 0 ? 1 : -1;
        return BitConverter.Int64BitsToDouble(bits);
    }

    internal static double NextDown(double x) => -NextUp(-x);
}
