using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.normal</c> (section 9.2 of jax-prng.md): <c>sqrt(2) * erf_inv(uniform(key, lo, 1))</c> with
/// <c>lo = nextafter(-1, 0)</c>, so that erf_inv never sees -1.
/// </summary>
internal static class NormalSampling
{
    /// <summary>nextafter(-1f, 0f) = -0.99999994f.</summary>
    private static readonly float LowSingle = BitsToSingle(0xBF7FFFFF);

    /// <summary>nextafter(-1d, 0d) = -0.9999999999999999.</summary>
    private static readonly double LowDouble = BitConverter.Int64BitsToDouble(unchecked((long)0xBFEFFFFFFFFFFFFF));

    /// <summary>(float32)sqrt(2) = 0x3FB504F3.</summary>
    private const float Sqrt2Single = 1.41421356f;

    private const double Sqrt2Double = 1.4142135623730951;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float FromBits(uint bits)
    {
        float lo = LowSingle;
        float u = UniformSampling.Scale(UniformSampling.UnitSingle(bits), lo, 1.0f - lo);
        return Sqrt2Single * Transcendentals.ErfInv(u);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double FromBits(ulong bits)
    {
        double lo = LowDouble;
        double u = UniformSampling.Scale(UniformSampling.UnitDouble(bits), lo, 1.0 - lo);
        return Sqrt2Double * Transcendentals.ErfInv(u);
    }

    /// <summary>Bulk transform: <paramref name="values"/> holds raw 32-bit draws on entry and normals on exit.</summary>
    [MethodImpl(HotLoop.Options)]
    internal static void FromBits(Span<float> values)
    {
        int i = 0;
#if NET8_0_OR_GREATER
        if (VectorTransforms.Enabled)
        {
            i = VectorTransforms.Normal(values, LowSingle, Sqrt2Single);
        }
#endif
        Span<uint> bits = MemoryMarshal.Cast<float, uint>(values);
        for (; i < values.Length; i++)
        {
            values[i] = FromBits(bits[i]);
        }
    }

    /// <summary>Bulk transform: <paramref name="values"/> holds raw 64-bit draws on entry and normals on exit.</summary>
    [MethodImpl(HotLoop.Options)]
    internal static void FromBits(Span<double> values)
    {
        int i = 0;
#if NET8_0_OR_GREATER
        if (VectorTransforms.Enabled)
        {
            i = VectorTransforms.Normal(values, LowDouble, Sqrt2Double);
        }
#endif
        Span<ulong> bits = MemoryMarshal.Cast<double, ulong>(values);
        for (; i < values.Length; i++)
        {
            values[i] = FromBits(bits[i]);
        }
    }

    private static float BitsToSingle(uint bits) => Unsafe.As<uint, float>(ref bits);
}
