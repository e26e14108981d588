using System;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>Scalar members never allocate.</summary>
public class AllocationTests
{
    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void ScalarMembersDoNotAllocate(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(1, impl);
        double sink = Run(key, 100); // warm-up: JIT, static constructors
        long before = GC.GetAllocatedBytesForCurrentThread();
        sink += Run(key, 10000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.False(double.IsNaN(sink));
    }

    private static double Run(PrngKey key, int count)
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            PrngKey k = key.FoldIn(i);
            var (a, b) = k.Split();
            PrngKey c = a.FoldIn((uint)i).Clone();
            sum += c.Bits32() + (b.Bits64() & 1) + k.UniformSingle() + k.Uniform(-1, 1) + k.NormalSingle() + k.Normal()
                + k.Int32(-3, 1000000) + k.Int64(0, 1L << 40) + (k.Bernoulli() ? 1 : 0) + (k.Bernoulli(0.3f) ? 1 : 0)
                + (k == c ? 1 : 0) + k.GetHashCode();
        }

        return sum;
    }
}
