using System.Runtime.CompilerServices;

namespace RandomPurity;

/// <summary>
/// The Threefry-2x32 block function (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011), as JAX's
/// <c>jax/_src/random/threefry2x32.py::_threefry2x32_lowering</c> and Random123's <c>threefry2x32_R</c> compute it.
/// Every value the runtime produces passes through <see cref="Hash(uint, uint, uint, uint, out uint, out uint)"/>;
/// vector kernels must repeat exactly this round schedule.
/// </summary>
internal static class Threefry2x32
{
    /// <summary>SKEIN_KS_PARITY32 (Random123 threefry.h): the third key-schedule word is k0 ^ k1 ^ parity.</summary>
    internal const uint Parity = 0x1BD11BDA;

    /// <summary>JAX's round count (Random123's default for threefry2x32).</summary>
    internal const int Rounds = 20;

    // Rotation constants R_32x2_0_0 .. R_32x2_7_0 from Random123 threefry.h.
    private const int R0 = 13, R1 = 15, R2 = 26, R3 = 6, R4 = 17, R5 = 29, R6 = 16, R7 = 24;

    /// <summary>Threefry-2x32 with 20 rounds: counter (x0, x1) under key (k0, k1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Hash(uint k0, uint k1, uint x0, uint x1, out uint y0, out uint y1)
    {
        unchecked
        {
            uint k2 = k0 ^ k1 ^ Parity;
            x0 += k0; x1 += k1;

            Round(ref x0, ref x1, R0); Round(ref x0, ref x1, R1); Round(ref x0, ref x1, R2); Round(ref x0, ref x1, R3);
            x0 += k1; x1 += k2 + 1;
            Round(ref x0, ref x1, R4); Round(ref x0, ref x1, R5); Round(ref x0, ref x1, R6); Round(ref x0, ref x1, R7);
            x0 += k2; x1 += k0 + 2;
            Round(ref x0, ref x1, R0); Round(ref x0, ref x1, R1); Round(ref x0, ref x1, R2); Round(ref x0, ref x1, R3);
            x0 += k0; x1 += k1 + 3;
            Round(ref x0, ref x1, R4); Round(ref x0, ref x1, R5); Round(ref x0, ref x1, R6); Round(ref x0, ref x1, R7);
            x0 += k1; x1 += k2 + 4;
            Round(ref x0, ref x1, R0); Round(ref x0, ref x1, R1); Round(ref x0, ref x1, R2); Round(ref x0, ref x1, R3);
            x0 += k2; x1 += k0 + 5;
        }

        y0 = x0;
        y1 = x1;
    }

    /// <summary>
    /// The same function with any round count (key injection after every fourth round), which reproduces
    /// Random123's 13- and 32-round known-answer vectors; used to test the schedule, never for sampling.
    /// </summary>
    internal static void Hash(uint k0, uint k1, uint x0, uint x1, int rounds, out uint y0, out uint y1)
    {
        unchecked
        {
            uint[] ks = { k0, k1, k0 ^ k1 ^ Parity };
            int[] rotations = { R0, R1, R2, R3, R4, R5, R6, R7 };
            x0 += ks[0]; x1 += ks[1];
            for (int r = 0; r < rounds; r++)
            {
                Round(ref x0, ref x1, rotations[r % 8]);
                if (r % 4 == 3)
                {
                    int s = (r + 1) / 4;
                    x0 += ks[s % 3];
                    x1 += ks[(s + 1) % 3] + (uint)s;
                }
            }
        }

        y0 = x0;
        y1 = x1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref uint x0, ref uint x1, int rotation)
    {
        unchecked
        {
            x0 += x1;
            x1 = (x1 << rotation) | (x1 >> (32 - rotation));
            x1 ^= x0;
        }
    }
}
