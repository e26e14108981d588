using System;
using System.Threading;
using System.Threading.Tasks;
using RandomPurity;

namespace RandomnessLesson;

/// <summary>(b) Why it matters with threads: a Monte Carlo estimate of pi with 1, 2 and 8 threads.</summary>
internal static class ThreadsLesson
{
    private const int Items = 64;
    private const int SamplesPerItem = 20_000;

    public static void Run()
    {
        Console.WriteLine("(b) Monte Carlo estimate of pi with Parallel.For, by number of threads");
        Console.WriteLine("    Every estimate sums its work items in item order, so only the randomness can differ.");
        foreach (var (name, estimate) in new (string, Func<int, double>)[]
        {
            ("shared Random (locked)", SharedRandom),
            ("one Random per thread", RandomPerThread),
            ("key.FoldIn(item)", Keyed),
        })
        {
            var results = new double[] { estimate(1), estimate(2), estimate(8) };
            bool same = results[0] == results[1] && results[1] == results[2];
            Console.WriteLine($"    {name,-24} 1: {results[0]:F6}  2: {results[1]:F6}  8: {results[2]:F6}  {(same ? "identical" : "DIFFERENT")}");
        }
    }

    private static double Reduce(double[] hitsPerItem)
    {
        double hits = 0;
        foreach (var h in hitsPerItem)
        {
            hits += h; // item order, whatever the thread count
        }

        return 4.0 * hits / (Items * (double)SamplesPerItem);
    }

    private static ParallelOptions Threads(int count) => new() { MaxDegreeOfParallelism = count };

    // A seeded Random shared by all threads: which thread gets which numbers depends on scheduling.
    private static double SharedRandom(int threads)
    {
        var shared = new Random(42);
        var gate = new object();
        var hits = new double[Items];
        Parallel.For(0, Items, Threads(threads), item =>
        {
            int count = 0;
            for (int s = 0; s < SamplesPerItem; s++)
            {
                // Each draw takes the lock on its own (as a thread-safe wrapper would), so which x pairs with
                // which y depends on how the threads interleave.
                double x, y;
                lock (gate)
                {
                    x = shared.NextDouble();
                }

                lock (gate)
                {
                    y = shared.NextDouble();
                }

                if (x * x + y * y <= 1.0)
                {
                    count++;
                }
            }

            hits[item] = count;
        });
        return Reduce(hits);
    }

    // One seeded Random per thread: which items a thread runs, and in which order, depends on scheduling.
    private static double RandomPerThread(int threads)
    {
        int nextSeed = 0;
        using var perThread = new ThreadLocal<Random>(() => new Random(Interlocked.Increment(ref nextSeed)));
        var hits = new double[Items];
        Parallel.For(0, Items, Threads(threads), item =>
        {
            var rng = perThread.Value!;
            int count = 0;
            for (int s = 0; s < SamplesPerItem; s++)
            {
                double x = rng.NextDouble(), y = rng.NextDouble();
                if (x * x + y * y <= 1.0)
                {
                    count++;
                }
            }

            hits[item] = count;
        });
        return Reduce(hits);
    }

    // Explicit keys: work item i draws from root.FoldIn(i), whichever thread runs it and whenever.
    private static double Keyed(int threads)
    {
        var root = PrngKey.Create(42);
        var hits = new double[Items];
        Parallel.For(0, Items, Threads(threads), item =>
        {
            var xy = new double[2 * SamplesPerItem];
            root.FoldIn(item).Uniform(xy.AsSpan());
            int count = 0;
            for (int s = 0; s < SamplesPerItem; s++)
            {
                double x = xy[2 * s], y = xy[2 * s + 1];
                if (x * x + y * y <= 1.0)
                {
                    count++;
                }
            }

            hits[item] = count;
        });
        return Reduce(hits);
    }
}
