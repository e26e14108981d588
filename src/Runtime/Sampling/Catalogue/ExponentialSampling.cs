namespace RandomPurity;

/// <summary><c>jax.random.exponential</c>: <c>-log1p(-uniform(key))</c>; <c>pareto</c> is <c>exp(exponential / b)</c>.</summary>
internal static class ExponentialSampling
{
    internal static float FromUnit(float u) => -Transcendentals.Log1p(-u);

    internal static double FromUnit(double u) => -Transcendentals.Log1p(-u);

    internal static float Pareto(float exponential, float b) => Transcendentals.Exp(exponential / b);

    internal static double Pareto(double exponential, double b) => Transcendentals.Exp(exponential / b);
}
