using System;
using System.Collections.Generic;

namespace RandomPurity.Tests;

/// <summary>
/// The vector widths this machine accelerates (512, 256, 128), each run against the scalar loops (0). Read from
/// Vector512/256/128.IsHardwareAccelerated here, not from the library's dispatcher (SimdSettingsTests checks that the
/// two agree and says in its output which widths this machine leaves untested). The netstandard2.0 build of the
/// runtime has only the scalar loops.
/// </summary>
internal static class Widths
{
#if RUNTIME_NETSTANDARD
    private static readonly bool VectorKernels = false;
#else
    private static readonly bool VectorKernels = true;
#endif

    internal static readonly int[] Vector = Available(512, 256, 128);

    /// <summary>Whether the hardware (as the JIT reports it, independently of RandomPurity) accelerates <paramref name="width"/>.</summary>
    internal static bool Accelerated(int width) => width switch
    {
        128 => System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated,
        256 => System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated,
        512 => System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated,
        _ => throw new ArgumentOutOfRangeException(nameof(width)),
    };

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
            if (VectorKernels && Accelerated(width))
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
