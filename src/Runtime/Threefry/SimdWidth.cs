using System;
using System.Threading;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace RandomPurity;

/// <summary>
/// Which vector width the bulk kernels use: the widest the CPU accelerates (512, 256 or 128 bits, or 0 for the scalar
/// loops), unless a test asks for another one. Every width produces the same bits; the override exists so that tests
/// can prove it on one machine.
/// </summary>
internal static class SimdWidth
{
    /// <summary>The scalar loops (the reference every vector path must match).</summary>
    internal const int Scalar = 0;

    // AsyncLocal rather than ThreadStatic: a parallel fill started under an override keeps it on the pool threads.
    private static readonly AsyncLocal<int?> OverrideValue = new();

    // Read on every bulk call; while no test has ever set an override, the AsyncLocal lookup is skipped.
    private static volatile bool s_overridden;

    /// <summary>The widest accelerated width on this machine (a JIT-time constant on .NET 8+).</summary>
    internal static int Best
    {
        get
        {
#if NET8_0_OR_GREATER
            if (Vector512.IsHardwareAccelerated)
            {
                return 512;
            }

            if (Vector256.IsHardwareAccelerated)
            {
                return 256;
            }

            if (Vector128.IsHardwareAccelerated)
            {
                return 128;
            }
#endif
            return Scalar;
        }
    }

    /// <summary>The width the next bulk call on this logical flow uses.</summary>
    internal static int Current => s_overridden && OverrideValue.Value is int width ? width : Best;

    /// <summary>Whether the kernels can run at <paramref name="width"/> bits here (0 is always available).</summary>
    internal static bool IsAvailable(int width) => width switch
    {
        Scalar => true,
#if NET8_0_OR_GREATER
        128 => Vector128.IsHardwareAccelerated,
        256 => Vector256.IsHardwareAccelerated,
        512 => Vector512.IsHardwareAccelerated,
#endif
        _ => false,
    };

    /// <summary>Runs the bulk kernels of the current logical flow at <paramref name="width"/> until the scope is disposed.</summary>
    internal static IDisposable Use(int width)
    {
        if (!IsAvailable(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "This width is not accelerated on this machine.");
        }

        int? previous = OverrideValue.Value;
        s_overridden = true;
        OverrideValue.Value = width;
        return new Scope(previous);
    }

    private sealed class Scope : IDisposable
    {
        private readonly int? _previous;

        internal Scope(int? previous) => _previous = previous;

        public void Dispose() => OverrideValue.Value = _previous;
    }
}
