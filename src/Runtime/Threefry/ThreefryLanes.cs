#if NET8_0_OR_GREATER
using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RandomPurity;

/// <summary>
/// Threefry-2x32-20 on vectors of 32-bit lanes: <see cref="Hash4{TOps, TVec}"/> is the round schedule of
/// <see cref="Threefry2x32.Hash(uint, uint, uint, uint, out uint, out uint)"/> written once for any
/// <see cref="IWordVector{TVec}"/>, on four independent vectors at a time (one block is a 20-round dependency chain
/// of about 60 cycles; four chains keep the vector ports busy). The kernels below cover whole groups of
/// <c>4 * Count</c> blocks; <see cref="VectorCounterStream"/> handles the remainders.
/// </summary>
internal static class ThreefryLanes
{
    // Rotation constants R_32x2_0_0 .. R_32x2_7_0 from Random123 threefry.h (the same as Threefry2x32's).
    private const byte R0 = 13, R1 = 15, R2 = 26, R3 = 6, R4 = 17, R5 = 29, R6 = 16, R7 = 24;

    /// <summary>Hashes four counter pairs (a, b, c, d), each under its own key pair, in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Hash4<TOps, TVec>(
        TVec ka0, TVec ka1, TVec kb0, TVec kb1, TVec kc0, TVec kc1, TVec kd0, TVec kd1,
        ref TVec a0, ref TVec a1, ref TVec b0, ref TVec b1, ref TVec c0, ref TVec c1, ref TVec d0, ref TVec d1)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        TVec parity = TOps.Create(Threefry2x32.Parity);
        TVec ka2 = TOps.Xor(TOps.Xor(ka0, ka1), parity);
        TVec kb2 = TOps.Xor(TOps.Xor(kb0, kb1), parity);
        TVec kc2 = TOps.Xor(TOps.Xor(kc0, kc1), parity);
        TVec kd2 = TOps.Xor(TOps.Xor(kd0, kd1), parity);

        Inject4<TOps, TVec>(ka0, ka1, kb0, kb1, kc0, kc1, kd0, kd1, 0, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Rounds4<TOps, TVec>(R0, R1, R2, R3, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Inject4<TOps, TVec>(ka1, ka2, kb1, kb2, kc1, kc2, kd1, kd2, 1, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Rounds4<TOps, TVec>(R4, R5, R6, R7, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Inject4<TOps, TVec>(ka2, ka0, kb2, kb0, kc2, kc0, kd2, kd0, 2, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Rounds4<TOps, TVec>(R0, R1, R2, R3, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Inject4<TOps, TVec>(ka0, ka1, kb0, kb1, kc0, kc1, kd0, kd1, 3, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Rounds4<TOps, TVec>(R4, R5, R6, R7, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Inject4<TOps, TVec>(ka1, ka2, kb1, kb2, kc1, kc2, kd1, kd2, 4, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Rounds4<TOps, TVec>(R0, R1, R2, R3, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Inject4<TOps, TVec>(ka2, ka0, kb2, kb0, kc2, kc0, kd2, kd0, 5, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
    }

    /// <summary>Key injection s: <c>x0 += ks[s % 3]; x1 += ks[(s + 1) % 3] + s</c> (s = 0 is the initial whitening).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Inject4<TOps, TVec>(
        TVec ka, TVec kaNext, TVec kb, TVec kbNext, TVec kc, TVec kcNext, TVec kd, TVec kdNext, uint s,
        ref TVec a0, ref TVec a1, ref TVec b0, ref TVec b1, ref TVec c0, ref TVec c1, ref TVec d0, ref TVec d1)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        TVec step = TOps.Create(s);
        a0 = TOps.Add(a0, ka); a1 = TOps.Add(a1, s == 0 ? kaNext : TOps.Add(kaNext, step));
        b0 = TOps.Add(b0, kb); b1 = TOps.Add(b1, s == 0 ? kbNext : TOps.Add(kbNext, step));
        c0 = TOps.Add(c0, kc); c1 = TOps.Add(c1, s == 0 ? kcNext : TOps.Add(kcNext, step));
        d0 = TOps.Add(d0, kd); d1 = TOps.Add(d1, s == 0 ? kdNext : TOps.Add(kdNext, step));
    }

    /// <summary>Four rounds <c>x0 += x1; x1 = rotl(x1, r) ^ x0</c> on each of the four pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rounds4<TOps, TVec>(
        [ConstantExpected(Min = 1, Max = 31)] byte r0, [ConstantExpected(Min = 1, Max = 31)] byte r1, [ConstantExpected(Min = 1, Max = 31)] byte r2, [ConstantExpected(Min = 1, Max = 31)] byte r3,
        ref TVec a0, ref TVec a1, ref TVec b0, ref TVec b1, ref TVec c0, ref TVec c1, ref TVec d0, ref TVec d1)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        Round<TOps, TVec>(r0, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Round<TOps, TVec>(r1, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Round<TOps, TVec>(r2, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
        Round<TOps, TVec>(r3, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round<TOps, TVec>(
        [ConstantExpected(Min = 1, Max = 31)] byte r, ref TVec a0, ref TVec a1, ref TVec b0, ref TVec b1, ref TVec c0, ref TVec c1, ref TVec d0, ref TVec d1)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        a0 = TOps.Add(a0, a1); b0 = TOps.Add(b0, b1); c0 = TOps.Add(c0, c1); d0 = TOps.Add(d0, d1);
        a1 = TOps.Xor(TOps.RotateLeft(a1, r), a0);
        b1 = TOps.Xor(TOps.RotateLeft(b1, r), b0);
        c1 = TOps.Xor(TOps.RotateLeft(c1, r), c0);
        d1 = TOps.Xor(TOps.RotateLeft(d1, r), d0);
    }

    // ---- Kernels over whole groups (length a multiple of 4 * Count) ----------------------------------------------

    /// <summary>Partitionable: the block at 64-bit counter <c>counter + i</c> for lane i (the carry into the high word per lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PartitionableCounters<TOps, TVec>(
        ulong start, TVec o0, TVec o1, TVec o2, TVec o3,
        out TVec a0, out TVec a1, out TVec b0, out TVec b1, out TVec c0, out TVec c1, out TVec d0, out TVec d1)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        TVec lo = TOps.Create(unchecked((uint)start));
        TVec hi = TOps.Create((uint)(start >> 32));
        a1 = TOps.Add(lo, o0); b1 = TOps.Add(lo, o1); c1 = TOps.Add(lo, o2); d1 = TOps.Add(lo, o3);

        // A lane whose low word wrapped past 2^32 carries one into its high word (LessThan is all ones = -1 there).
        a0 = TOps.Subtract(hi, TOps.LessThan(a1, lo)); b0 = TOps.Subtract(hi, TOps.LessThan(b1, lo));
        c0 = TOps.Subtract(hi, TOps.LessThan(c1, lo)); d0 = TOps.Subtract(hi, TOps.LessThan(d1, lo));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LaneOffsets<TOps, TVec>(out TVec o0, out TVec o1, out TVec o2, out TVec o3)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        TVec count = TOps.Create((uint)TOps.Count);
        o0 = TOps.Indices; o1 = TOps.Add(o0, count); o2 = TOps.Add(o1, count); o3 = TOps.Add(o2, count);
    }

    [MethodImpl(HotLoop.Options)]
    internal static void PartitionableXor<TOps, TVec>(uint k0, uint k1, ulong counter, Span<uint> destination)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        int n = TOps.Count;
        TVec vk0 = TOps.Create(k0), vk1 = TOps.Create(k1);
        LaneOffsets<TOps, TVec>(out TVec o0, out TVec o1, out TVec o2, out TVec o3);
        ref uint output = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < destination.Length; i += 4 * n)
        {
            PartitionableCounters<TOps, TVec>(unchecked(counter + (ulong)i), o0, o1, o2, o3,
                out TVec a0, out TVec a1, out TVec b0, out TVec b1, out TVec c0, out TVec c1, out TVec d0, out TVec d1);
            Hash4<TOps, TVec>(vk0, vk1, vk0, vk1, vk0, vk1, vk0, vk1, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
            ref uint at = ref Unsafe.Add(ref output, i);
            TOps.Store(TOps.Xor(a0, a1), ref at);
            TOps.Store(TOps.Xor(b0, b1), ref Unsafe.Add(ref at, n));
            TOps.Store(TOps.Xor(c0, c1), ref Unsafe.Add(ref at, 2 * n));
            TOps.Store(TOps.Xor(d0, d1), ref Unsafe.Add(ref at, 3 * n));
        }
    }

    [MethodImpl(HotLoop.Options)]
    internal static void PartitionableConcat<TOps, TVec, TStore>(uint k0, uint k1, ulong counter, Span<ulong> destination, TStore store)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
        where TStore : struct, IPairStore<TVec>
    {
        int n = TOps.Count;
        TVec vk0 = TOps.Create(k0), vk1 = TOps.Create(k1);
        LaneOffsets<TOps, TVec>(out TVec o0, out TVec o1, out TVec o2, out TVec o3);
        ref ulong output = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < destination.Length; i += 4 * n)
        {
            PartitionableCounters<TOps, TVec>(unchecked(counter + (ulong)i), o0, o1, o2, o3,
                out TVec a0, out TVec a1, out TVec b0, out TVec b1, out TVec c0, out TVec c1, out TVec d0, out TVec d1);
            Hash4<TOps, TVec>(vk0, vk1, vk0, vk1, vk0, vk1, vk0, vk1, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
            ref ulong at = ref Unsafe.Add(ref output, i);
            store.Store(a0, a1, ref at);
            store.Store(b0, b1, ref Unsafe.Add(ref at, n));
            store.Store(c0, c1, ref Unsafe.Add(ref at, 2 * n));
            store.Store(d0, d1, ref Unsafe.Add(ref at, 3 * n));
        }
    }

    [MethodImpl(HotLoop.Options)]
    internal static void LegacyBlocks<TOps, TVec>(uint k0, uint k1, uint x0, uint x1, Span<uint> first, Span<uint> second)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        int n = TOps.Count;
        TVec vk0 = TOps.Create(k0), vk1 = TOps.Create(k1);
        LaneOffsets<TOps, TVec>(out TVec o0, out TVec o1, out TVec o2, out TVec o3);
        ref uint output0 = ref MemoryMarshal.GetReference(first);
        ref uint output1 = ref MemoryMarshal.GetReference(second);
        for (int i = 0; i < first.Length; i += 4 * n)
        {
            TVec s0 = TOps.Create(unchecked(x0 + (uint)i)), s1 = TOps.Create(unchecked(x1 + (uint)i));
            TVec a0 = TOps.Add(s0, o0), b0 = TOps.Add(s0, o1), c0 = TOps.Add(s0, o2), d0 = TOps.Add(s0, o3);
            TVec a1 = TOps.Add(s1, o0), b1 = TOps.Add(s1, o1), c1 = TOps.Add(s1, o2), d1 = TOps.Add(s1, o3);
            Hash4<TOps, TVec>(vk0, vk1, vk0, vk1, vk0, vk1, vk0, vk1, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
            ref uint at0 = ref Unsafe.Add(ref output0, i);
            ref uint at1 = ref Unsafe.Add(ref output1, i);
            TOps.Store(a0, ref at0); TOps.Store(b0, ref Unsafe.Add(ref at0, n));
            TOps.Store(c0, ref Unsafe.Add(ref at0, 2 * n)); TOps.Store(d0, ref Unsafe.Add(ref at0, 3 * n));
            TOps.Store(a1, ref at1); TOps.Store(b1, ref Unsafe.Add(ref at1, n));
            TOps.Store(c1, ref Unsafe.Add(ref at1, 2 * n)); TOps.Store(d1, ref Unsafe.Add(ref at1, 3 * n));
        }
    }

    [MethodImpl(HotLoop.Options)]
    internal static void LegacyConcat<TOps, TVec>(uint k0, uint k1, uint x0, uint x1, Span<ulong> destination)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        int n = TOps.Count;
        TVec vk0 = TOps.Create(k0), vk1 = TOps.Create(k1);
        LaneOffsets<TOps, TVec>(out TVec o0, out TVec o1, out TVec o2, out TVec o3);
        ref ulong output = ref MemoryMarshal.GetReference(destination);
        for (int i = 0; i < destination.Length; i += 4 * n)
        {
            TVec s0 = TOps.Create(unchecked(x0 + (uint)i)), s1 = TOps.Create(unchecked(x1 + (uint)i));
            TVec a0 = TOps.Add(s0, o0), b0 = TOps.Add(s0, o1), c0 = TOps.Add(s0, o2), d0 = TOps.Add(s0, o3);
            TVec a1 = TOps.Add(s1, o0), b1 = TOps.Add(s1, o1), c1 = TOps.Add(s1, o2), d1 = TOps.Add(s1, o3);
            Hash4<TOps, TVec>(vk0, vk1, vk0, vk1, vk0, vk1, vk0, vk1, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
            ref ulong at = ref Unsafe.Add(ref output, i);
            TOps.StoreConcat(a0, a1, ref at);
            TOps.StoreConcat(b0, b1, ref Unsafe.Add(ref at, n));
            TOps.StoreConcat(c0, c1, ref Unsafe.Add(ref at, 2 * n));
            TOps.StoreConcat(d0, d1, ref Unsafe.Add(ref at, 3 * n));
        }
    }

    /// <summary>Batched fold_in: lane i hashes the counter (0, data[i]) under the one key.</summary>
    [MethodImpl(HotLoop.Options)]
    internal static void FoldIn<TOps, TVec>(uint k0, uint k1, ReadOnlySpan<uint> data, Span<uint> first, Span<uint> second)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        int n = TOps.Count;
        TVec vk0 = TOps.Create(k0), vk1 = TOps.Create(k1), zero = TOps.Create(0);
        ref uint input = ref MemoryMarshal.GetReference(data);
        ref uint output0 = ref MemoryMarshal.GetReference(first);
        ref uint output1 = ref MemoryMarshal.GetReference(second);
        for (int i = 0; i < data.Length; i += 4 * n)
        {
            ref uint from = ref Unsafe.Add(ref input, i);
            TVec a0 = zero, b0 = zero, c0 = zero, d0 = zero;
            TVec a1 = TOps.Load(ref from), b1 = TOps.Load(ref Unsafe.Add(ref from, n));
            TVec c1 = TOps.Load(ref Unsafe.Add(ref from, 2 * n)), d1 = TOps.Load(ref Unsafe.Add(ref from, 3 * n));
            Hash4<TOps, TVec>(vk0, vk1, vk0, vk1, vk0, vk1, vk0, vk1, ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
            ref uint at0 = ref Unsafe.Add(ref output0, i);
            ref uint at1 = ref Unsafe.Add(ref output1, i);
            TOps.Store(a0, ref at0); TOps.Store(b0, ref Unsafe.Add(ref at0, n));
            TOps.Store(c0, ref Unsafe.Add(ref at0, 2 * n)); TOps.Store(d0, ref Unsafe.Add(ref at0, 3 * n));
            TOps.Store(a1, ref at1); TOps.Store(b1, ref Unsafe.Add(ref at1, n));
            TOps.Store(c1, ref Unsafe.Add(ref at1, 2 * n)); TOps.Store(d1, ref Unsafe.Add(ref at1, 3 * n));
        }
    }

    /// <summary>One block per key: lane i hashes the counter (x0, counters[i]) under the key (keys0[i], keys1[i]).</summary>
    [MethodImpl(HotLoop.Options)]
    internal static void Keyed<TOps, TVec>(
        ReadOnlySpan<uint> keys0, ReadOnlySpan<uint> keys1, uint x0, ReadOnlySpan<uint> counters, Span<uint> first, Span<uint> second)
        where TOps : struct, IWordVector<TVec>
        where TVec : struct
    {
        int n = TOps.Count;
        TVec high = TOps.Create(x0);
        ref uint key0 = ref MemoryMarshal.GetReference(keys0);
        ref uint key1 = ref MemoryMarshal.GetReference(keys1);
        ref uint count = ref MemoryMarshal.GetReference(counters);
        ref uint output0 = ref MemoryMarshal.GetReference(first);
        ref uint output1 = ref MemoryMarshal.GetReference(second);
        for (int i = 0; i < keys0.Length; i += 4 * n)
        {
            ref uint k0 = ref Unsafe.Add(ref key0, i);
            ref uint k1 = ref Unsafe.Add(ref key1, i);
            ref uint x1 = ref Unsafe.Add(ref count, i);
            TVec a0 = high, b0 = high, c0 = high, d0 = high;
            TVec a1 = TOps.Load(ref x1), b1 = TOps.Load(ref Unsafe.Add(ref x1, n));
            TVec c1 = TOps.Load(ref Unsafe.Add(ref x1, 2 * n)), d1 = TOps.Load(ref Unsafe.Add(ref x1, 3 * n));
            Hash4<TOps, TVec>(
                TOps.Load(ref k0), TOps.Load(ref k1),
                TOps.Load(ref Unsafe.Add(ref k0, n)), TOps.Load(ref Unsafe.Add(ref k1, n)),
                TOps.Load(ref Unsafe.Add(ref k0, 2 * n)), TOps.Load(ref Unsafe.Add(ref k1, 2 * n)),
                TOps.Load(ref Unsafe.Add(ref k0, 3 * n)), TOps.Load(ref Unsafe.Add(ref k1, 3 * n)),
                ref a0, ref a1, ref b0, ref b1, ref c0, ref c1, ref d0, ref d1);
            ref uint at0 = ref Unsafe.Add(ref output0, i);
            ref uint at1 = ref Unsafe.Add(ref output1, i);
            TOps.Store(a0, ref at0); TOps.Store(b0, ref Unsafe.Add(ref at0, n));
            TOps.Store(c0, ref Unsafe.Add(ref at0, 2 * n)); TOps.Store(d0, ref Unsafe.Add(ref at0, 3 * n));
            TOps.Store(a1, ref at1); TOps.Store(b1, ref Unsafe.Add(ref at1, n));
            TOps.Store(c1, ref Unsafe.Add(ref at1, 2 * n)); TOps.Store(d1, ref Unsafe.Add(ref at1, 3 * n));
        }
    }
}
#endif
