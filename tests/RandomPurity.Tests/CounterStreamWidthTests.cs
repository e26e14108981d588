using System;
using Xunit;

namespace RandomPurity.Tests;

/// <summary>
/// The four bulk kernels at every accelerated width against the scalar loops, for lengths around every group size
/// and counters whose low word wraps inside a vector (partitionable) or at 2^32 (original mode).
/// </summary>
public class CounterStreamWidthTests
{
    private const uint K0 = 0x9E3779B9, K1 = 0x7F4A7C15;

    public static TheoryData<ulong> Counters => new() { 0ul, 5ul, 0xFFFFFFC3ul, 0x00000007FFFFFFF9ul, ulong.MaxValue - 40 };

    [Fact]
    public void TheMachineHasAtLeastTheVectorWidthsItReports()
    {
        // Guards the other tests against silently testing nothing on an accelerated machine.
        Assert.Equal(SimdWidth.Best == 0 ? 0 : Array.IndexOf(new[] { 128, 256, 512 }, SimdWidth.Best) + 1, Widths.Vector.Length);
    }

    [Theory]
    [MemberData(nameof(Counters))]
    public void PartitionableKernelsAgreeAtEveryWidth(ulong counter)
    {
        foreach (int n in Widths.Sizes)
        {
            uint[] xor = Widths.At(0, () => Xor(counter, n));
            ulong[] concat = Widths.At(0, () => Concat(counter, n));
            foreach (int width in Widths.Vector)
            {
                Assert.Equal(xor, Widths.At(width, () => Xor(counter, n)));
                Assert.Equal(concat, Widths.At(width, () => Concat(counter, n)));
            }
        }
    }

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(0u, 50001u)]
    [InlineData(0xFFFFFFE0u, 17u)]
    [InlineData(3u, 0xFFFFFFFFu)]
    public void LegacyKernelsAgreeAtEveryWidth(uint x0, uint x1)
    {
        foreach (int n in Widths.Sizes)
        {
            (uint[], uint[]) blocks = Widths.At(0, () => Blocks(x0, x1, n));
            ulong[] concat = Widths.At(0, () => LegacyConcat(x0, x1, n));
            foreach (int width in Widths.Vector)
            {
                (uint[] first, uint[] second) = Widths.At(width, () => Blocks(x0, x1, n));
                Assert.Equal(blocks.Item1, first);
                Assert.Equal(blocks.Item2, second);
                Assert.Equal(concat, Widths.At(width, () => LegacyConcat(x0, x1, n)));
            }
        }
    }

    [Fact]
    public void ScalarLoopsMatchTheBlockFunction()
    {
        var xor = Widths.At(0, () => Xor(0xFFFFFFFEul, 3));
        for (int i = 0; i < 3; i++)
        {
            ulong c = 0xFFFFFFFEul + (ulong)i;
            Threefry2x32.Hash(K0, K1, (uint)(c >> 32), (uint)c, out uint a, out uint b);
            Assert.Equal(a ^ b, xor[i]);
        }
    }

    private static uint[] Xor(ulong counter, int n)
    {
        var result = new uint[n];
        CounterStream.PartitionableXor(K0, K1, counter, result);
        return result;
    }

    private static ulong[] Concat(ulong counter, int n)
    {
        var result = new ulong[n];
        CounterStream.PartitionableConcat(K0, K1, counter, result);
        return result;
    }

    private static (uint[], uint[]) Blocks(uint x0, uint x1, int n)
    {
        var first = new uint[n];
        var second = new uint[n];
        CounterStream.LegacyBlocks(K0, K1, x0, x1, first, second);
        return (first, second);
    }

    private static ulong[] LegacyConcat(uint x0, uint x1, int n)
    {
        var result = new ulong[n];
        CounterStream.LegacyConcat(K0, K1, x0, x1, result);
        return result;
    }
}
