#if NET8_0_OR_GREATER
using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RandomPurity;

/// <summary>
/// The uniform and normal transforms of <see cref="UniformSampling"/> and <see cref="NormalSampling"/> on
/// <see cref="Vector{T}"/>, operation for operation the scalar code (the same IEEE additions, multiplications,
/// divisions and square roots in the same order, never fused; bit manipulation instead of conversions), so each lane
/// gets the scalar result's bits. Each method transforms the whole vectors at the start of the span and returns how many
/// elements it did; the caller finishes the rest with the scalar code.
/// </summary>
internal static class VectorTransforms
{
    private const long SqrtHalfBits = 0x3FE6A09E667F3BCD;

    // (double)k for a small integer k without a long-to-double conversion instruction (AVX2 has none): k + 1.5 * 2^52
    // in the bits of 1.5 * 2^52 is exactly k + 1.5 * 2^52 for |k| < 2^51, then one exact subtraction.
    private const long MagicBits = 0x4338000000000000;
    private const double Magic = 6755399441055744.0;

    /// <summary>Whether the transforms run as vectors at the current width (the scalar width never does).</summary>
    internal static bool Enabled => Vector.IsHardwareAccelerated && SimdWidth.Current != SimdWidth.Scalar;

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int Uniform(Span<float> values, float minValue, float range)
    {
        Span<Vector<uint>> vectors = MemoryMarshal.Cast<float, Vector<uint>>(values);
        Vector<float> min = new(minValue), scale = new(range);
        for (int i = 0; i < vectors.Length; i++)
        {
            vectors[i] = Vector.AsVectorUInt32(Scale(UnitSingle(vectors[i]), min, scale));
        }

        return vectors.Length * Vector<uint>.Count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int Uniform(Span<double> values, double minValue, double range)
    {
        Span<Vector<ulong>> vectors = MemoryMarshal.Cast<double, Vector<ulong>>(values);
        Vector<double> min = new(minValue), scale = new(range);
        for (int i = 0; i < vectors.Length; i++)
        {
            vectors[i] = Vector.AsVectorUInt64(Scale(UnitDouble(vectors[i]), min, scale));
        }

        return vectors.Length * Vector<ulong>.Count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int Normal(Span<float> values, float low, float sqrt2)
    {
        Span<Vector<uint>> vectors = MemoryMarshal.Cast<float, Vector<uint>>(values);
        Vector<float> min = new(low), range = new(1.0f - low), factor = new(sqrt2);
        for (int i = 0; i < vectors.Length; i++)
        {
            Vector<float> u = Scale(UnitSingle(vectors[i]), min, range);
            vectors[i] = Vector.AsVectorUInt32(factor * ErfInv(u));
        }

        return vectors.Length * Vector<uint>.Count;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int Normal(Span<double> values, double low, double sqrt2)
    {
        Span<Vector<ulong>> vectors = MemoryMarshal.Cast<double, Vector<ulong>>(values);
        Vector<double> min = new(low), range = new(1.0 - low), factor = new(sqrt2);
        for (int i = 0; i < vectors.Length; i++)
        {
            Vector<double> u = Scale(UnitDouble(vectors[i]), min, range);
            vectors[i] = Vector.AsVectorUInt64(factor * ErfInv(u));
        }

        return vectors.Length * Vector<ulong>.Count;
    }

    // ---- The scalar twins' operations, lane by lane ----------------------------------------------------------

    /// <summary><see cref="UniformSampling.UnitSingle"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> UnitSingle(Vector<uint> bits) =>
        Vector.AsVectorSingle(Vector.ShiftRightLogical(bits, 9) | new Vector<uint>(0x3F800000)) - Vector<float>.One;

    /// <summary><see cref="UniformSampling.UnitDouble"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> UnitDouble(Vector<ulong> bits) =>
        Vector.AsVectorDouble(Vector.ShiftRightLogical(bits, 12) | new Vector<ulong>(0x3FF0000000000000)) - Vector<double>.One;

    /// <summary>
    /// <see cref="UniformSampling.Scale(float, float, float)"/>: <c>Math.Max(min, unit * range + min)</c>. The select
    /// equals Math.Max for every value the product can take (NaN stays NaN; a -0 result needs min = -0, where both
    /// give -0), and unlike <c>Vector.Max</c> it means the same on every runtime version.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Scale(Vector<float> unit, Vector<float> min, Vector<float> range)
    {
        Vector<float> scaled = unit * range;
        scaled += min;
        return Vector.ConditionalSelect(Vector.LessThan(scaled, min), min, scaled);
    }

    /// <summary><see cref="UniformSampling.Scale(double, double, double)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Scale(Vector<double> unit, Vector<double> min, Vector<double> range)
    {
        Vector<double> scaled = unit * range;
        scaled += min;
        return Vector.ConditionalSelect(Vector.LessThan(scaled, min), min, scaled);
    }

    /// <summary><see cref="Transcendentals.Log1p(double)"/>, including its special cases.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> Log1p(Vector<double> x)
    {
        Vector<double> one = Vector<double>.One;
        Vector<double> u = one + x;
        Vector<double> xPart = u - one;
        Vector<double> onePart = u - xPart;
        Vector<double> err = (one - onePart) + (x - xPart);
        Vector<double> c = err / u;

        // LogOfNormal(u, c, 0)
        Vector<long> bits = Vector.AsVectorInt64(u);
        Vector<long> k = Vector.ShiftRightArithmetic(bits - new Vector<long>(SqrtHalfBits), 52);
        Vector<double> m = Vector.AsVectorDouble(bits - Vector.ShiftLeft(k, 52));
        Vector<double> f = m - one;
        Vector<double> s = f / (new Vector<double>(2.0) + f);
        Vector<double> z = s * s;
        Vector<double> r = z * (new Vector<double>(Transcendentals.A1) + z * (new Vector<double>(Transcendentals.A2)
            + z * (new Vector<double>(Transcendentals.A3) + z * (new Vector<double>(Transcendentals.A4)
            + z * (new Vector<double>(Transcendentals.A5) + z * (new Vector<double>(Transcendentals.A6)
            + z * (new Vector<double>(Transcendentals.A7) + z * (new Vector<double>(Transcendentals.A8)
            + z * (new Vector<double>(Transcendentals.A9) + z * (new Vector<double>(Transcendentals.A10)
            + z * (new Vector<double>(Transcendentals.A11) + z * new Vector<double>(Transcendentals.A12))))))))))));
        Vector<double> dk = Vector.AsVectorDouble(k + new Vector<long>(MagicBits)) - new Vector<double>(Magic);
        Vector<double> result = dk * new Vector<double>(Transcendentals.Ln2Hi)
            + (f - (s * (f - r) - (dk * new Vector<double>(Transcendentals.Ln2Lo) + c)));

        // !(x > -1) || x == +inf: -1 gives -inf, +inf itself, anything else (below -1, NaN) NaN.
        Vector<double> minusOne = new(-1.0);
        Vector<long> aboveMinusOne = Vector.GreaterThan(x, minusOne);
        Vector<long> special = ~aboveMinusOne | Vector.Equals(x, new Vector<double>(double.PositiveInfinity));
        Vector<double> specialValue = Vector.ConditionalSelect(
            Vector.Equals(x, minusOne),
            new Vector<double>(double.NegativeInfinity),
            Vector.ConditionalSelect(aboveMinusOne, x, new Vector<double>(double.NaN)));
        return Vector.ConditionalSelect(special, specialValue, result);
    }

    /// <summary><see cref="Transcendentals.ErfInv(float)"/>: log1p in double (each half of the lanes), the rest in float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> ErfInv(Vector<float> x)
    {
        Vector<float> square = x * -x;
        Vector.Widen(square, out Vector<double> low, out Vector<double> high);
        Vector<float> w = -Vector.Narrow(Log1p(low), Log1p(high));
        Vector<float> wa = w - new Vector<float>(2.5f);
        Vector<float> wb = Vector.SquareRoot(w) - new Vector<float>(3.0f);
        Vector<float> pa = new(Transcendentals.SA0);
        pa = new Vector<float>(Transcendentals.SA1) + pa * wa; pa = new Vector<float>(Transcendentals.SA2) + pa * wa;
        pa = new Vector<float>(Transcendentals.SA3) + pa * wa; pa = new Vector<float>(Transcendentals.SA4) + pa * wa;
        pa = new Vector<float>(Transcendentals.SA5) + pa * wa; pa = new Vector<float>(Transcendentals.SA6) + pa * wa;
        pa = new Vector<float>(Transcendentals.SA7) + pa * wa; pa = new Vector<float>(Transcendentals.SA8) + pa * wa;
        Vector<float> pb = new(Transcendentals.SB0);
        pb = new Vector<float>(Transcendentals.SB1) + pb * wb; pb = new Vector<float>(Transcendentals.SB2) + pb * wb;
        pb = new Vector<float>(Transcendentals.SB3) + pb * wb; pb = new Vector<float>(Transcendentals.SB4) + pb * wb;
        pb = new Vector<float>(Transcendentals.SB5) + pb * wb; pb = new Vector<float>(Transcendentals.SB6) + pb * wb;
        pb = new Vector<float>(Transcendentals.SB7) + pb * wb; pb = new Vector<float>(Transcendentals.SB8) + pb * wb;
        Vector<float> p = Vector.ConditionalSelect(Vector.LessThan(w, new Vector<float>(5.0f)), pa, pb);
        Vector<float> result = p * x;
        return Vector.ConditionalSelect(
            Vector.Equals(Vector.Abs(x), Vector<float>.One), x * new Vector<float>(float.PositiveInfinity), result);
    }

    /// <summary><see cref="Transcendentals.ErfInv(double)"/>: all three polynomials, then the select.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ErfInv(Vector<double> x)
    {
        Vector<double> w = -Log1p(-x * x);
        Vector<double> wa = w - new Vector<double>(3.125);
        Vector<double> sw = Vector.SquareRoot(w);
        Vector<double> wb = sw - new Vector<double>(3.25);
        Vector<double> wc = sw - new Vector<double>(5.0);
        Vector<double> pa = Horner(Transcendentals.ErfInvA, wa);
        Vector<double> pb = Horner(Transcendentals.ErfInvB, wb);
        Vector<double> pc = Horner(Transcendentals.ErfInvC, wc);
        Vector<double> p = Vector.ConditionalSelect(
            Vector.LessThan(w, new Vector<double>(6.25)),
            pa,
            Vector.ConditionalSelect(Vector.LessThan(w, new Vector<double>(16.0)), pb, pc));
        Vector<double> result = p * x;
        return Vector.ConditionalSelect(
            Vector.Equals(Vector.Abs(x), Vector<double>.One), x * new Vector<double>(double.PositiveInfinity), result);
    }

    /// <summary><c>p = c[0]; p = c[j] + p * w</c> for j = 1.., as the scalar code writes it out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Horner(double[] coefficients, Vector<double> w)
    {
        Vector<double> p = new(coefficients[0]);
        for (int j = 1; j < coefficients.Length; j++)
        {
            p = new Vector<double>(coefficients[j]) + p * w;
        }

        return p;
    }
}
#endif
