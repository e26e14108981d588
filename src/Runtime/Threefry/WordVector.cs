#if NET8_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RandomPurity;

/// <summary>
/// The handful of 32-bit lane operations the threefry schedule needs, as static abstract members so that one generic
/// kernel (<see cref="ThreefryLanes"/>) is specialised by the JIT for each width (the implementations are structs,
/// so every call is resolved and inlined at JIT time).
/// </summary>
internal interface IWordVector<TVec>
    where TVec : struct
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>0, 1, ..., Count - 1.</summary>
    static abstract TVec Indices { get; }

    static abstract TVec Create(uint value);

    static abstract TVec Load(ref uint source);

    static abstract void Store(TVec value, ref uint destination);

    /// <summary>Stores <c>((ulong)high[j] &lt;&lt; 32) | low[j]</c> to <c>destination[j]</c>, j &lt; Count.</summary>
    static abstract void StoreConcat(TVec high, TVec low, ref ulong destination);

    static abstract TVec Add(TVec left, TVec right);

    static abstract TVec Subtract(TVec left, TVec right);

    static abstract TVec Xor(TVec left, TVec right);

    /// <summary>All ones in the lanes where <c>left &lt; right</c> (unsigned), zero elsewhere.</summary>
    static abstract TVec LessThan(TVec left, TVec right);

    static abstract TVec RotateLeft(TVec value, [ConstantExpected(Min = 1, Max = 31)] byte count);
}

/// <summary>128-bit lanes: SSE2..AVX-512VL on x64, AdvSimd on ARM64.</summary>
internal readonly struct Word128 : IWordVector<Vector128<uint>>
{
    public static int Count => Vector128<uint>.Count;

    public static Vector128<uint> Indices => Vector128.Create(0u, 1, 2, 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Create(uint value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Load(ref uint source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<uint> value, ref uint destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreConcat(Vector128<uint> high, Vector128<uint> low, ref ulong destination)
    {
        (Vector128<ulong> high0, Vector128<ulong> high1) = Vector128.Widen(high);
        (Vector128<ulong> low0, Vector128<ulong> low1) = Vector128.Widen(low);
        (Vector128.ShiftLeft(high0, 32) | low0).StoreUnsafe(ref destination);
        (Vector128.ShiftLeft(high1, 32) | low1).StoreUnsafe(ref destination, (nuint)Vector128<ulong>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Add(Vector128<uint> left, Vector128<uint> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Subtract(Vector128<uint> left, Vector128<uint> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> Xor(Vector128<uint> left, Vector128<uint> right) => left ^ right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> LessThan(Vector128<uint> left, Vector128<uint> right) => Vector128.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<uint> RotateLeft(Vector128<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateLeft(value, count)
            : Vector128.ShiftLeft(value, count) | Vector128.ShiftRightLogical(value, 32 - count);
}

/// <summary>256-bit lanes: AVX2 (and AVX-512VL's rotate when present).</summary>
internal readonly struct Word256 : IWordVector<Vector256<uint>>
{
    public static int Count => Vector256<uint>.Count;

    public static Vector256<uint> Indices => Vector256.Create(0u, 1, 2, 3, 4, 5, 6, 7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Create(uint value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Load(ref uint source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<uint> value, ref uint destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreConcat(Vector256<uint> high, Vector256<uint> low, ref ulong destination)
    {
        (Vector256<ulong> high0, Vector256<ulong> high1) = Vector256.Widen(high);
        (Vector256<ulong> low0, Vector256<ulong> low1) = Vector256.Widen(low);
        (Vector256.ShiftLeft(high0, 32) | low0).StoreUnsafe(ref destination);
        (Vector256.ShiftLeft(high1, 32) | low1).StoreUnsafe(ref destination, (nuint)Vector256<ulong>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> left, Vector256<uint> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Subtract(Vector256<uint> left, Vector256<uint> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Xor(Vector256<uint> left, Vector256<uint> right) => left ^ right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> LessThan(Vector256<uint> left, Vector256<uint> right) => Vector256.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateLeft(Vector256<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateLeft(value, count)
            : Vector256.ShiftLeft(value, count) | Vector256.ShiftRightLogical(value, 32 - count);
}

/// <summary>512-bit lanes: AVX-512F (vprold for the rotations).</summary>
internal readonly struct Word512 : IWordVector<Vector512<uint>>
{
    public static int Count => Vector512<uint>.Count;

    public static Vector512<uint> Indices => Vector512.Create(0u, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Create(uint value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Load(ref uint source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<uint> value, ref uint destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreConcat(Vector512<uint> high, Vector512<uint> low, ref ulong destination)
    {
        (Vector512<ulong> high0, Vector512<ulong> high1) = Vector512.Widen(high);
        (Vector512<ulong> low0, Vector512<ulong> low1) = Vector512.Widen(low);
        (Vector512.ShiftLeft(high0, 32) | low0).StoreUnsafe(ref destination);
        (Vector512.ShiftLeft(high1, 32) | low1).StoreUnsafe(ref destination, (nuint)Vector512<ulong>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Add(Vector512<uint> left, Vector512<uint> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Subtract(Vector512<uint> left, Vector512<uint> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Xor(Vector512<uint> left, Vector512<uint> right) => left ^ right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> LessThan(Vector512<uint> left, Vector512<uint> right) => Vector512.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> RotateLeft(Vector512<uint> value, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.IsSupported
            ? Avx512F.RotateLeft(value, count)
            : Vector512.ShiftLeft(value, count) | Vector512.ShiftRightLogical(value, 32 - count);
}

/// <summary>
/// What a 64-bit kernel does with each pair of output vectors (high words, low words): store
/// <c>(high &lt;&lt; 32) | low</c> (<see cref="ConcatStore{TOps, TVec}"/>), or a transform of it fused into the store so that
/// the values are written once (<see cref="UniformDouble512"/> and its narrower twins).
/// </summary>
internal interface IPairStore<TVec>
    where TVec : struct
{
    /// <summary>Writes the <c>Count</c> elements of lanes <c>j</c>: a function of <c>((ulong)high[j] &lt;&lt; 32) | low[j]</c>.</summary>
    void Store(TVec high, TVec low, ref ulong destination);
}

/// <summary>The raw 64-bit words.</summary>
internal readonly struct ConcatStore<TOps, TVec> : IPairStore<TVec>
    where TOps : struct, IWordVector<TVec>
    where TVec : struct
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(TVec high, TVec low, ref ulong destination) => TOps.StoreConcat(high, low, ref destination);
}

/// <summary>
/// float64 uniforms in the kernel's store, operation for operation <see cref="UniformSampling.UnitDouble"/> and
/// <see cref="UniformSampling.Scale(double, double, double)"/> (the select equals Math.Max, as in
/// <see cref="VectorTransforms"/>), for a finite range.
/// </summary>
internal readonly struct UniformDouble512 : IPairStore<Vector512<uint>>
{
    private readonly Vector512<double> _min, _range;

    internal UniformDouble512(double minValue, double range) => (_min, _range) = (Vector512.Create(minValue), Vector512.Create(range));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector512<uint> high, Vector512<uint> low, ref ulong destination)
    {
        (Vector512<ulong> high0, Vector512<ulong> high1) = Vector512.Widen(high);
        (Vector512<ulong> low0, Vector512<ulong> low1) = Vector512.Widen(low);
        Uniform(Vector512.ShiftLeft(high0, 32) | low0).StoreUnsafe(ref destination);
        Uniform(Vector512.ShiftLeft(high1, 32) | low1).StoreUnsafe(ref destination, (nuint)Vector512<ulong>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<ulong> Uniform(Vector512<ulong> bits)
    {
        Vector512<double> unit = (Vector512.ShiftRightLogical(bits, 12) | Vector512.Create(0x3FF0000000000000ul)).AsDouble() - Vector512<double>.One;
        Vector512<double> scaled = unit * _range;
        scaled += _min;
        return Vector512.ConditionalSelect(Vector512.LessThan(scaled, _min), _min, scaled).AsUInt64();
    }
}

/// <summary><see cref="UniformDouble512"/> on 256-bit vectors.</summary>
internal readonly struct UniformDouble256 : IPairStore<Vector256<uint>>
{
    private readonly Vector256<double> _min, _range;

    internal UniformDouble256(double minValue, double range) => (_min, _range) = (Vector256.Create(minValue), Vector256.Create(range));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector256<uint> high, Vector256<uint> low, ref ulong destination)
    {
        (Vector256<ulong> high0, Vector256<ulong> high1) = Vector256.Widen(high);
        (Vector256<ulong> low0, Vector256<ulong> low1) = Vector256.Widen(low);
        Uniform(Vector256.ShiftLeft(high0, 32) | low0).StoreUnsafe(ref destination);
        Uniform(Vector256.ShiftLeft(high1, 32) | low1).StoreUnsafe(ref destination, (nuint)Vector256<ulong>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<ulong> Uniform(Vector256<ulong> bits)
    {
        Vector256<double> unit = (Vector256.ShiftRightLogical(bits, 12) | Vector256.Create(0x3FF0000000000000ul)).AsDouble() - Vector256<double>.One;
        Vector256<double> scaled = unit * _range;
        scaled += _min;
        return Vector256.ConditionalSelect(Vector256.LessThan(scaled, _min), _min, scaled).AsUInt64();
    }
}

/// <summary><see cref="UniformDouble512"/> on 128-bit vectors.</summary>
internal readonly struct UniformDouble128 : IPairStore<Vector128<uint>>
{
    private readonly Vector128<double> _min, _range;

    internal UniformDouble128(double minValue, double range) => (_min, _range) = (Vector128.Create(minValue), Vector128.Create(range));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector128<uint> high, Vector128<uint> low, ref ulong destination)
    {
        (Vector128<ulong> high0, Vector128<ulong> high1) = Vector128.Widen(high);
        (Vector128<ulong> low0, Vector128<ulong> low1) = Vector128.Widen(low);
        Uniform(Vector128.ShiftLeft(high0, 32) | low0).StoreUnsafe(ref destination);
        Uniform(Vector128.ShiftLeft(high1, 32) | low1).StoreUnsafe(ref destination, (nuint)Vector128<ulong>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector128<ulong> Uniform(Vector128<ulong> bits)
    {
        Vector128<double> unit = (Vector128.ShiftRightLogical(bits, 12) | Vector128.Create(0x3FF0000000000000ul)).AsDouble() - Vector128<double>.One;
        Vector128<double> scaled = unit * _range;
        scaled += _min;
        return Vector128.ConditionalSelect(Vector128.LessThan(scaled, _min), _min, scaled).AsUInt64();
    }
}
#endif
