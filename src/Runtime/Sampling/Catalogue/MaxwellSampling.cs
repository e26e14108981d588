using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.maxwell</c>: the Euclidean norm of each row of <c>normal(key, (n, 3))</c>; and
/// <c>double_sided_maxwell</c>: <c>km, kr = split(key)</c>, then <c>rademacher(kr) * maxwell(km) * scale + loc</c>.
/// </summary>
internal static class MaxwellSampling
{
    internal static void Fill(PrngKey key, Span<float> destination)
    {
        int count = checked(3 * destination.Length);
        Span<float> normals = count <= GammaSampling.StackLimit ? stackalloc float[count] : new float[count];
        CatalogueDraws.Normals(key, normals);
        for (int i = 0; i < destination.Length; i++)
        {
            float x = normals[3 * i], y = normals[(3 * i) + 1], z = normals[(3 * i) + 2];
            destination[i] = (float)Math.Sqrt((x * x) + (y * y) + (z * z));
        }
    }

    internal static void Fill(PrngKey key, Span<double> destination)
    {
        int count = checked(3 * destination.Length);
        Span<double> normals = count <= GammaSampling.StackLimit ? stackalloc double[count] : new double[count];
        CatalogueDraws.Normals(key, normals);
        for (int i = 0; i < destination.Length; i++)
        {
            double x = normals[3 * i], y = normals[(3 * i) + 1], z = normals[(3 * i) + 2];
            destination[i] = Math.Sqrt((x * x) + (y * y) + (z * z));
        }
    }

    internal static void FillDoubleSided(PrngKey key, Span<float> destination, float loc, float scale)
    {
        var (maxwellKey, signKey) = key.Split();
        Fill(maxwellKey, destination);
        Span<uint> signs = destination.Length <= 256 ? stackalloc uint[destination.Length] : new uint[destination.Length];
        CounterStream.Words32(signKey, destination.Length, 0, signs);
        for (int i = 0; i < destination.Length; i++)
        {
            // rademacher = 2 * bernoulli(kr, 0.5) - 1, as float32.
            float sign = UniformSampling.UnitSingle(signs[i]) < 0.5f ? 1f : -1f;
            destination[i] = (sign * destination[i] * scale) + loc;
        }
    }

    internal static void FillDoubleSided(PrngKey key, Span<double> destination, double loc, double scale)
    {
        var (maxwellKey, signKey) = key.Split();
        Fill(maxwellKey, destination);
        Span<ulong> signs = destination.Length <= 256 ? stackalloc ulong[destination.Length] : new ulong[destination.Length];
        CounterStream.Words64(signKey, destination.Length, 0, signs);
        for (int i = 0; i < destination.Length; i++)
        {
            // With x64 bernoulli's p = 0.5 is float64, so the signs come from 64-bit uniforms.
            double sign = UniformSampling.UnitDouble(signs[i]) < 0.5 ? 1d : -1d;
            destination[i] = (sign * destination[i] * scale) + loc;
        }
    }
}
