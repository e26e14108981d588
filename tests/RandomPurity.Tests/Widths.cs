using System;
using System.Collections.Generic;

namespace RandomPurity.Tests;

/// <summary>The vector widths this machine accelerates (512, 256, 128), each run against the scalar loops (0).</summary>
internal static class Widths
{
    internal static readonly int[] Vector = Available(512, 256, 128);

    internal static readonly int[] Sizes = BuildSizes();

    /// <summary>Runs <paramref name="action"/> with the kernels forced to <paramref name="width"/>.</summary>
    internal static T At<T>(int width, Func<T> action)
    {
        using (SimdWidth.Use(width))
        {
            return action();
        }
    }

    private static int[] Available(params int[] widths)
    {
        var result = new List<int>();
        foreach (int width in widths)
        {
            if (SimdWidth.IsAvailable(width))
            {
                result.Add(width);
            }
        }

        return result.ToArray();
    }

    private static int[] BuildSizes()
    {
        var sizes = new List<int>();
        for (int n = 0; n <= 70; n++)
        {
            sizes.Add(n);
        }

        sizes.Add(1000);
        sizes.Add(100_003);
        return sizes.ToArray();
    }
}
