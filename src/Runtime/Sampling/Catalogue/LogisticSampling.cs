namespace RandomPurity;

/// <summary><c>jax.random.logistic</c>: <c>x = uniform(key, minval=tiny, maxval=1)</c>, then <c>log(x) - log1p(-x)</c>.</summary>
internal static class LogisticSampling
{
    internal static float FromBits(uint bits)
    {
        float x = UniformSampling.Scale(UniformSampling.UnitSingle(bits), CatalogueDraws.TinySingle, 1f - CatalogueDraws.TinySingle);
        return Transcendentals.Log(x) - Transcendentals.Log1p(-x);
    }

    internal static double FromBits(ulong bits)
    {
        double x = UniformSampling.Scale(UniformSampling.UnitDouble(bits), CatalogueDraws.TinyDouble, 1d - CatalogueDraws.TinyDouble);
        return Transcendentals.Log(x) - Transcendentals.Log1p(-x);
    }
}
