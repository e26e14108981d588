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

    // 2^52: an integer 0 <= k < 2^52 in the low mantissa bits of 2^52 is the float64 2^52 + k.
    private const ulong Pow52Bits = 0x4330000000000000;
    private const double Pow52 = 4503599627370496.0;

    /// <summary>Whether the transforms run as vectors at the current width (the scalar width never does).</summary>
    internal static bool Enabled => Vector.IsHardwareAccelerated && SimdWidth.Current != SimdWidth.Scalar;

    [MethodImpl(HotLoop.Options)]
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

    [MethodImpl(HotLoop.Options)]
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

    [MethodImpl(HotLoop.Options)]
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

    [MethodImpl(HotLoop.Options)]
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

    /// <summary>
    /// randint's combine for 32-bit values (<see cref="IntegerSampling"/>): <c>destination[i] = minValue + (hi[i] *
    /// multiplier + lo[i]) mod span</c> (hi is not read when the multiplier is 0; destination may be hi). Exact in float64,
    /// see <see cref="Reduce"/>: the dividend is below 2^48 + 2^32 because the multiplier is below span &lt;= 2^16, or 0
    /// (then nothing in JAX's uint32 formula wraps, and it equals this one). Integer/double conversions go through the bits
    /// of 2^52 + k.
    /// </summary>
    [MethodImpl(HotLoop.Options)]
    internal static int IntegerOffsets(
        ReadOnlySpan<uint> hi, ReadOnlySpan<uint> lo, Span<uint> destination, uint multiplier, uint span, int minValue)
    {
        Span<Vector<uint>> vectors = MemoryMarshal.Cast<uint, Vector<uint>>(destination);
        ReadOnlySpan<Vector<uint>> lows = MemoryMarshal.Cast<uint, Vector<uint>>(lo);
        ReadOnlySpan<Vector<uint>> highs = MemoryMarshal.Cast<uint, Vector<uint>>(hi);
        var exponent = new Vector<ulong>(Pow52Bits);
        var pow52 = new Vector<double>(Pow52);
        var divisor = new Vector<double>(span);
        var reciprocal = new Vector<double>(1.0 / span);
        var factor = new Vector<double>(multiplier);
        var offset = new Vector<uint>(unchecked((uint)minValue));
        for (int i = 0; i < vectors.Length; i++)
        {
            Vector.Widen(lows[i], out Vector<ulong> lo0, out Vector<ulong> lo1);
            Vector<double> v0 = Vector.AsVectorDouble(lo0 | exponent) - pow52;
            Vector<double> v1 = Vector.AsVectorDouble(lo1 | exponent) - pow52;
            if (multiplier != 0)
            {
                Vector.Widen(highs[i], out Vector<ulong> hi0, out Vector<ulong> hi1);
                v0 += (Vector.AsVectorDouble(hi0 | exponent) - pow52) * factor;
                v1 += (Vector.AsVectorDouble(hi1 | exponent) - pow52) * factor;
            }

            Vector<ulong> r0 = Vector.AsVectorUInt64(Reduce(v0, divisor, reciprocal, pow52) + pow52);
            Vector<ulong> r1 = Vector.AsVectorUInt64(Reduce(v1, divisor, reciprocal, pow52) + pow52);
            vectors[i] = Vector.Narrow(r0, r1) + offset;
        }

        return vectors.Length * Vector<uint>.Count;
    }

    /// <summary>
    /// v mod d for integers 0 &lt;= v &lt; 2^49 and 1 &lt;= d &lt; 2^32 in float64. With q = floor(v / d): the product
    /// <c>v * (1 / d)</c>, rounded twice, is within q * 2^-52 &lt; 1/16 of v / d (d = 1 is exact), so rounding it to an
    /// integer (adding and subtracting 2^52) gives q or q + 1, never q - 1 or q + 2; <c>v - estimate * d</c> is exact
    /// (integers below 2^53) and adding d once when it is negative gives the remainder.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Reduce(Vector<double> v, Vector<double> divisor, Vector<double> reciprocal, Vector<double> pow52)
    {
        Vector<double> estimate = (v * reciprocal + pow52) - pow52;
        Vector<double> r = v - estimate * divisor;
        return r + (divisor & Vector.AsVectorDouble(Vector.LessThan(r, Vector<double>.Zero)));
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
