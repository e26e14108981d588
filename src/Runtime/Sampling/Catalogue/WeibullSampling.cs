namespace RandomPurity;

/// <summary>
/// <c>jax.random.weibull_min</c>: <c>(-log1p(-u)) ** (1 / concentration) * scale</c>; <c>rayleigh</c>:
/// <c>scale * sqrt(-2 * log(u))</c>; both with <c>u = uniform(key)</c>.
/// </summary>
internal static class WeibullSampling
{
    internal static float Weibull(float u, float scale, float inverseConcentration) =>
        Power.Pow(-Transcendentals.Log1p(-u), inverseConcentration) * scale;

    internal static double Weibull(double u, double scale, double inverseConcentration) =>
        Power.Pow(-Transcendentals.Log1p(-u), inverseConcentration) * scale;

    internal static float Rayleigh(float u, float scale) => scale * (float)System.Math.Sqrt(Transcendentals.Log(u) * -2f);

    internal static double Rayleigh(double u, double scale) => scale * System.Math.Sqrt(Transcendentals.Log(u) * -2d);
}
