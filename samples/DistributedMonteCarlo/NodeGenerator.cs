// The System.Random contrast: the common "seed it and it is reproducible" pattern, one generator per process.
using System;

namespace DistributedMonteCarlo;

/// <summary>
/// One <c>new Random(seed)</c> per node process, shared by every item that lands on the node. Which numbers an item
/// gets depends on how many items ran on the same node before it, so on the node count, the placement and the
/// arrival order; every node starts the same sequence, so the first item on each node repeats the same paths.
/// </summary>
public static class NodeGenerator
{
    private static readonly object Gate = new();
    private static Random? _random;
    private static int _seed;

    /// <summary>Simulates an item's paths with this process's seeded generator.</summary>
    /// <param name="seed">The seed the process's generator is created with on first use.</param>
    /// <param name="paths">How many paths.</param>
    public static PathSums Simulate(int seed, int paths)
    {
        // Random is not thread-safe and grains run in parallel: one item draws at a time.
        lock (Gate)
        {
            if (_random is null || _seed != seed)
            {
                _random = new Random(seed);
                _seed = seed;
            }

            return ForwardCall.Simulate(_random, paths);
        }
    }
}
