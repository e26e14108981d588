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

        // The runtime may allocate on this thread while it re-compiles the loop (tiering, on-stack replacement), so
        // the steady state is what counts: the least of three rounds. A member that allocates does so in every round
        // (at least 24 bytes per call, 10,000 calls).
        long least = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            sink += Run(key, 10000);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, least);
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
