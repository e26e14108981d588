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
#endif
