namespace RandomPurity;

/// <summary>
/// <c>jax.random.weibull_min</c>: <c>(-log1p(-u)) ** (1 / concentration) * scale</c>; <c>rayleigh</c>:
/// <c>scale * sqrt(-2 * log(u))</c>; both with <c>u = uniform(key)</c>.
/// </summary>
internal static class WeibullSampling
{
    // Scale 0 is the point mass at 0: JAX's 0 * pow(e, 1 / concentration) is NaN where the power overflows (a small
    // concentration), so the product is skipped.
    internal static float Weibull(float u, float scale, float inverseConcentration) =>
        scale == 0f ? 0f : Power.Pow(-Transcendentals.Log1p(-u), inverseConcentration) * scale;

    internal static double Weibull(double u, double scale, double inverseConcentration) =>
        scale == 0d ? 0d : Power.Pow(-Transcendentals.Log1p(-u), inverseConcentration) * scale;

    /// <summary>
    /// <c>scale * sqrt(-2 log u)</c> with <c>u = uniform(bits)</c>. JAX's u is 0 with probability 2^-23 (float32) and
    /// gives +infinity (NaN for scale 0); RandomPurity then takes u from the word's 9 low bits, which the uniform
    /// does not use: <c>u = (low + 0.5) * 2^-32</c>, in (0, 2^-23) like the event it replaces. Every other draw is JAX's.
    /// </summary>
    internal static float Rayleigh(uint bits, float scale)
    {
        float u = UniformSampling.UnitSingle(bits);
        if (u == 0f)
        {
            u = ((bits & 0x1FFu) + 0.5f) * TwoToMinus32Single;
        }

        return scale * (float)System.Math.Sqrt(Transcendentals.Log(u) * -2f);
    }

    /// <summary>As the float32 form: a zero uniform (probability 2^-52) is refined with the word's 12 low bits.</summary>
    internal static double Rayleigh(ulong bits, double scale)
    {
        double u = UniformSampling.UnitDouble(bits);
        if (u == 0d)
        {
            u = ((bits & 0xFFFul) + 0.5d) * TwoToMinus64Double;
        }

        return scale * System.Math.Sqrt(Transcendentals.Log(u) * -2d);
    }

    private const float TwoToMinus32Single = 2.32830644e-10f;

    private const double TwoToMinus64Double = 5.421010862427522e-20;
}
