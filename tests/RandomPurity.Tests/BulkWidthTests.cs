using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>
/// Every public bulk member at every accelerated width (512, 256, 128) against the scalar loops, bit for bit, in both
/// modes, for every length 0..70 (all remainders of every group size), 1000 and 100,003.
/// </summary>
public class BulkWidthTests
{
    private static readonly Dictionary<string, Func<PrngKey, int, byte[]>> Members = new()
    {
        ["Bits(byte)"] = (k, n) => Fill<byte>(n, d => k.Bits(d)),
        ["Bits(ushort)"] = (k, n) => Fill<ushort>(n, d => k.Bits(d)),
        ["Bits(uint)"] = (k, n) => Fill<uint>(n, d => k.Bits(d)),
        ["Bits(ulong)"] = (k, n) => Fill<ulong>(n, d => k.Bits(d)),
        ["Uniform(float)"] = (k, n) => Fill<float>(n, d => k.Uniform(d)),
        ["Uniform(float, -2, 3)"] = (k, n) => Fill<float>(n, d => k.Uniform(d, -2f, 3f)),
        ["Uniform(double, -2, 3)"] = (k, n) => Fill<double>(n, d => k.Uniform(d, -2d, 3d)),
        ["Normal(float)"] = (k, n) => Fill<float>(n, d => k.Normal(d)),
        ["Normal(double)"] = (k, n) => Fill<double>(n, d => k.Normal(d)),
        ["Integers(int, 0, 1000)"] = (k, n) => Fill<int>(n, d => k.Integers(d, 0, 1000)),
        ["Integers(int, full range)"] = (k, n) => Fill<int>(n, d => k.Integers(d, int.MinValue, int.MaxValue)),
        ["Integers(int, 0, 65521)"] = (k, n) => Fill<int>(n, d => k.Integers(d, 0, 65521)),
        ["Integers(int, -3, 2^20)"] = (k, n) => Fill<int>(n, d => k.Integers(d, -3, 1 << 20)),
        ["Integers(int, 0, 256)"] = (k, n) => Fill<int>(n, d => k.Integers(d, 0, 256)),
        ["Integers(long)"] = (k, n) => Fill<long>(n, d => k.Integers(d, -5, 1L << 40)),
        ["Bernoulli(double)"] = (k, n) => Fill<bool>(n, d => k.Bernoulli(d, 0.3)),
        ["Bernoulli(float)"] = (k, n) => Fill<bool>(n, d => k.Bernoulli(d, 0.7f)),
        ["Choice(replace)"] = (k, n) => Fill<int>(n, d => k.Choice<int>(Enumerable.Range(100, 37).ToArray(), d)),
        ["Choice(no replace)"] = (k, n) => Fill<int>(n, d => k.Choice<int>(Enumerable.Range(0, n + 5).ToArray(), d, replace: false)),
        ["Split(Span)"] = (k, n) => KeyBytes(k.Split(n)),
        ["Permutation"] = (k, n) => Bytes(k.Permutation(n)),
        ["FoldIn(data, keys)"] = (k, n) => KeyBytes(FoldIns(k, n)),
        ["Split(keys)"] = (k, n) => SplitKeys(k, n),
        ["Bits32(keys)"] = (k, n) => Fill<uint>(n, d => PrngKey.Bits32(Keys(k, n), d)),
        ["Bits64(keys)"] = (k, n) => Fill<ulong>(n, d => PrngKey.Bits64(Keys(k, n), d)),
        ["UniformSingle(keys)"] = (k, n) => Fill<float>(n, d => PrngKey.UniformSingle(Keys(k, n), d)),
        ["Uniform(keys)"] = (k, n) => Fill<double>(n, d => PrngKey.Uniform(Keys(k, n), d)),
        ["NormalSingle(keys)"] = (k, n) => Fill<float>(n, d => PrngKey.NormalSingle(Keys(k, n), d)),
        ["Normal(keys)"] = (k, n) => Fill<double>(n, d => PrngKey.Normal(Keys(k, n), d)),
        ["FoldInBits32"] = (k, n) => Fill<uint>(n, d => k.FoldInBits32(0xFFFFFFF0, d)),
        ["FoldInBits64"] = (k, n) => Fill<ulong>(n, d => k.FoldInBits64(7, d)),
        ["FoldInUniformSingle"] = (k, n) => Fill<float>(n, d => k.FoldInUniformSingle(3, d)),
        ["FoldInUniform"] = (k, n) => Fill<double>(n, d => k.FoldInUniform(3, d)),
        ["FoldInNormalSingle"] = (k, n) => Fill<float>(n, d => k.FoldInNormalSingle(0, d)),
        ["FoldInNormal"] = (k, n) => Fill<double>(n, d => k.FoldInNormal(0, d)),
        ["ParallelBits"] = (k, n) => Fill<uint>(n, d => k.ParallelBits(d)),
        ["ParallelUniform(float)"] = (k, n) => Fill<float>(n, d => k.ParallelUniform(d)),
        ["ParallelNormal(double)"] = (k, n) => Fill<double>(n, d => k.ParallelNormal(d)),
    };

    public static TheoryData<string> MemberNames => new(Members.Keys);

    [Theory]
    [MemberData(nameof(MemberNames))]
    public void EveryWidthGivesTheScalarBits(string member)
    {
        Func<PrngKey, int, byte[]> run = Members[member];
        foreach (PrngImpl impl in BothModes)
        {
            PrngKey key = PrngKey.Create(20260101, impl);
            foreach (int n in Widths.Sizes)
            {
                byte[] scalar = Widths.At(SimdWidth.Scalar, () => run(key, n));
                foreach (int width in Widths.Vector)
                {
                    byte[] vector = Widths.At(width, () => run(key, n));
                    Assert.True(scalar.AsSpan().SequenceEqual(vector), $"{member}, {impl}, n = {n}: width {width} differs from scalar");
                }
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(200)]
    public void StartIndexOverloadsAgreeAtEveryWidth(long startIndex)
    {
        PrngKey key = PrngKey.Create(99);
        foreach (int n in new[] { 0, 3, 17, 64, 65, 1000 })
        {
            byte[] Run()
            {
                var bits = new uint[n];
                var uniform = new double[n];
                var normal = new float[n];
                key.Bits(bits, startIndex);
                key.Uniform(uniform, startIndex, 0d, 1d);
                key.Normal(normal, startIndex);
                return Bytes(bits).Concat(Bytes(uniform)).Concat(Bytes(normal)).ToArray();
            }

            byte[] scalar = Widths.At(SimdWidth.Scalar, Run);
            foreach (int width in Widths.Vector)
            {
                Assert.Equal(scalar, Widths.At(width, Run));
            }
        }
    }

    internal static byte[] Fill<T>(int n, Action<T[]> fill)
        where T : unmanaged
    {
        var values = new T[n];
        fill(values);
        return Bytes(values);
    }

    internal static byte[] Bytes<T>(T[] values)
        where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    internal static byte[] KeyBytes(PrngKey[] keys) =>
        Bytes(keys.Select(k => ((ulong)k.Word0 << 32) | k.Word1).ToArray()).Concat(keys.Select(k => (byte)k.Impl)).ToArray();

    /// <summary>n keys of both modes interleaved, derived from <paramref name="key"/>.</summary>
    internal static PrngKey[] Keys(PrngKey key, int n) =>
        Enumerable.Range(0, n).Select(i =>
        {
            PrngKey k = key.FoldIn(i);
            return PrngKey.FromWords(k.Word0, k.Word1, i % 3 == 0 ? O : P);
        }).ToArray();

    private static byte[] SplitKeys(PrngKey key, int n)
    {
        var first = new PrngKey[n];
        var second = new PrngKey[n];
        PrngKey.Split(Keys(key, n), first, second);
        return KeyBytes(first).Concat(KeyBytes(second)).ToArray();
    }

    private static PrngKey[] FoldIns(PrngKey key, int n)
    {
        var keys = new PrngKey[n];
        key.FoldIn(Enumerable.Range(0, n).Select(i => (uint)(i * 2654435761u)).ToArray(), keys);
        return keys;
    }
}
