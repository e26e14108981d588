using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RandomPurity;

/// <summary>
/// The draws every catalogue sampler starts from: <c>uniform(key, (n,))</c> as raw words written in place into the
/// destination (element i of JAX's shape (n,) draw; original-mode values depend on n), and the shape () draw.
/// </summary>
internal static class CatalogueDraws
{
    /// <summary>Fills the destination's storage with <c>bits(key, (n,), uint32)</c> and returns it as words.</summary>
    internal static Span<uint> Words(PrngKey key, Span<float> destination)
    {
        Span<uint> words = MemoryMarshal.Cast<float, uint>(destination);
        CounterStream.Words32(key, destination.Length, 0, words);
        return words;
    }

    /// <summary>Fills the destination's storage with <c>bits(key, (n,), uint64)</c> and returns it as words.</summary>
    internal static Span<ulong> Words(PrngKey key, Span<double> destination)
    {
        Span<ulong> words = MemoryMarshal.Cast<double, ulong>(destination);
        CounterStream.Words64(key, destination.Length, 0, words);
        return words;
    }

    /// <summary><c>uniform(key, (), float32)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float UnitSingle(PrngKey key) => UniformSampling.UnitSingle(CounterStream.Scalar32(key));

    /// <summary><c>uniform(key, (), float64)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double UnitDouble(PrngKey key) => UniformSampling.UnitDouble(CounterStream.Scalar64(key));

    /// <summary><c>normal(key, (), float32)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float NormalSingle(PrngKey key) => NormalSampling.FromBits(CounterStream.Scalar32(key));

    /// <summary><c>normal(key, (), float64)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double NormalDouble(PrngKey key) => NormalSampling.FromBits(CounterStream.Scalar64(key));

    /// <summary><c>normal(key, (n,), float32)</c> into <paramref name="values"/> (for samplers that reshape it).</summary>
    internal static void Normals(PrngKey key, Span<float> values)
    {
        CounterStream.Words32(key, values.Length, 0, MemoryMarshal.Cast<float, uint>(values));
        NormalSampling.FromBits(values);
    }

    /// <summary><c>normal(key, (n,), float64)</c> into <paramref name="values"/>.</summary>
    internal static void Normals(PrngKey key, Span<double> values)
    {
        CounterStream.Words64(key, values.Length, 0, MemoryMarshal.Cast<double, ulong>(values));
        NormalSampling.FromBits(values);
    }

    /// <summary>(float)bits, for the finfo constants below.</summary>
    internal static float SingleFromBits(uint bits) => Unsafe.As<uint, float>(ref bits);

    /// <summary>finfo(float32).tiny, the smallest normal float.</summary>
    internal const float TinySingle = 1.17549435e-38f;

    /// <summary>finfo(float64).tiny.</summary>
    internal const double TinyDouble = 2.2250738585072014e-308;
}
