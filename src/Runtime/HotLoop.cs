using System.Runtime.CompilerServices;

namespace RandomPurity;

/// <summary>
/// The <see cref="MethodImplAttribute"/> options of every method that holds a bulk member's hot loop (the threefry
/// kernels, the vector transforms, the fill loops): not inlined, and compiled fully optimised on the first call.
/// </summary>
/// <remarks>
/// Without <c>AggressiveOptimization</c> a method with a loop starts in tier-0 code and moves to optimised code through
/// on-stack replacement and, only after 30 calls and a quiet spell of the JIT, tier 1: a program that fills a few
/// large buffers ran the threefry kernel at 0.1-1.3 GB/s where the optimised kernel gives 7 GB/s (the fresh-process
/// timings in tests/RandomPurity.Benchmarks/RESULTS.md). Such a method skips tiering and dynamic PGO, which these
/// straight-line vector loops do not need. Scalar members (one draw per call) stay tiered and inlinable. The value is
/// written as a number because netstandard2.0 has no <c>MethodImplOptions.AggressiveOptimization</c>; the flag is in
/// the metadata of both builds, and runtimes that do not know it ignore it.
/// </remarks>
internal static class HotLoop
{
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c> (512, .NET Core 3.0 and later).</summary>
    private const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;

    /// <summary>NoInlining | AggressiveOptimization.</summary>
    internal const MethodImplOptions Options = MethodImplOptions.NoInlining | AggressiveOptimization;
}
