using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.uniform</c> (jax/_src/random/core.py, section 9.1 of jax-prng.md): the top mantissa bits under the
/// exponent of 1.0, minus 1, then <c>max(min, f * (max - min) + min)</c> with two separate roundings and no upper clamp.
/// </summary>
internal static class UniformSampling
{
    private const uint OneSingleBits = 0x3F800000;
    private const ulong OneDoubleBits = 0x3FF0000000000000;

    /// <summary>[0, 1 - 2^-23] from 32 random bits: <c>(bits &gt;&gt; 9) | 0x3F800000</c> as float, minus 1 (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float UnitSingle(uint bits)
    {
        uint pattern = (bits >> 9) | OneSingleBits;
        return Unsafe.As<uint, float>(ref pattern) - 1.0f;
    }

    /// <summary>[0, 1 - 2^-52] from 64 random bits: <c>(bits &gt;&gt; 12) | 0x3FF0000000000000</c> as double, minus 1 (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double UnitDouble(ulong bits) => BitConverter.Int64BitsToDouble((long)((bits >> 12) | OneDoubleBits)) - 1.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Scale(float unit, float minValue, float range)
    {
        float scaled = unit * range;
        scaled += minValue;
        return Math.Max(minValue, scaled);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Scale(double unit, double minValue, double range)
    {
        double scaled = unit * range;
        scaled += minValue;
        return Math.Max(minValue, scaled);
    }

    /// <summary>
    /// JAX's <c>max(min, f * (max - min) + min)</c>, except where <c>max - min</c> overflows to infinity (say
    /// <c>[-float.MaxValue, float.MaxValue]</c>): JAX returns infinities or NaN there; this returns
    /// <c>min * (1 - f) + max * f</c> (1 - f is exact, and the two terms have opposite signs, so nothing overflows),
    /// kept within [min, max]. Finite ranges give JAX's bits unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float ScaleBounded(float unit, float minValue, float maxValue, float range) =>
        float.IsInfinity(range) ? Math.Min(maxValue, Math.Max(minValue, minValue * (1f - unit) + maxValue * unit)) : Scale(unit, minValue, range);

    /// <inheritdoc cref="ScaleBounded(float, float, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ScaleBounded(double unit, double minValue, double maxValue, double range) =>
        double.IsInfinity(range) ? Math.Min(maxValue, Math.Max(minValue, minValue * (1d - unit) + maxValue * unit)) : Scale(unit, minValue, range);

    /// <summary>Bulk transform: <paramref name="values"/> holds raw 32-bit draws on entry and uniform floats on exit.</summary>
    [MethodImpl(HotLoop.Options)]
    internal static void FromBits(Span<float> values, float minValue, float maxValue)
    {
        float range = maxValue - minValue;
        int i = 0;
#if NET8_0_OR_GREATER
        if (VectorTransforms.Enabled && !float.IsInfinity(range))
        {
            i = VectorTransforms.Uniform(values, minValue, range);
        }
#endif
        Span<uint> bits = MemoryMarshal.Cast<float, uint>(values);
        for (; i < values.Length; i++)
        {
            values[i] = ScaleBounded(UnitSingle(bits[i]), minValue, maxValue, range);
        }
    }

    /// <summary>Bulk transform: <paramref name="values"/> holds raw 64-bit draws on entry and uniform doubles on exit.</summary>
    [MethodImpl(HotLoop.Options)]
    internal static void FromBits(Span<double> values, double minValue, double maxValue)
    {
        double range = maxValue - minValue;
        int i = 0;
#if NET8_0_OR_GREATER
        if (VectorTransforms.Enabled && !double.IsInfinity(range))
        {
            i = VectorTransforms.Uniform(values, minValue, range);
        }
#endif
        Span<ulong> bits = MemoryMarshal.Cast<double, ulong>(values);
        for (; i < values.Length; i++)
        {
            values[i] = ScaleBounded(UnitDouble(bits[i]), minValue, maxValue, range);
        }
    }
}
