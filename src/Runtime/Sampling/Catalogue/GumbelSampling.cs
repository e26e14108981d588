using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.gumbel</c> with the default <c>mode='low'</c>: <c>-log(-log(uniform(key, minval=tiny, maxval=1)))</c>.
/// Also the noise of <c>categorical</c> and of <c>choice</c> with weights and without replacement.
/// </summary>
internal static class GumbelSampling
{
    internal static float FromBits(uint bits)
    {
        float u = UniformSampling.Scale(UniformSampling.UnitSingle(bits), CatalogueDraws.TinySingle, 1f - CatalogueDraws.TinySingle);
        return -Transcendentals.Log(-Transcendentals.Log(u));
    }

    internal static double FromBits(ulong bits)
    {
        double u = UniformSampling.Scale(UniformSampling.UnitDouble(bits), CatalogueDraws.TinyDouble, 1d - CatalogueDraws.TinyDouble);
        return -Transcendentals.Log(-Transcendentals.Log(u));
    }

    /// <summary><c>gumbel(key, (n,), float32)</c>.</summary>
    internal static void Fill(PrngKey key, Span<float> destination)
    {
        Span<uint> bits = CatalogueDraws.Words(key, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = FromBits(bits[i]);
        }
    }

    /// <summary><c>gumbel(key, (n,), float64)</c>.</summary>
    internal static void Fill(PrngKey key, Span<double> destination)
    {
        Span<ulong> bits = CatalogueDraws.Words(key, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = FromBits(bits[i]);
        }
    }
}
