using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.bits</c> for 8- and 16-bit dtypes and <c>bernoulli</c> (sections 8 and 9.4 of jax-prng.md). The
/// partitionable mode keeps the low bits of each element's 32-bit draw; the original mode draws
/// <c>ceil(width * n / 32)</c> words and unpacks them as little-endian lanes.
/// </summary>
internal static class BitsSampling
{
    internal static void Fill(PrngKey key, Span<byte> destination) => FillNarrow(key, destination.Length, 8, destination, default);

    internal static void Fill(PrngKey key, Span<ushort> destination) => FillNarrow(key, destination.Length, 16, default, destination);

    [MethodImpl(HotLoop.Options)]
    private static void FillNarrow(PrngKey key, int n, int width, Span<byte> bytes, Span<ushort> shorts)
    {
        bool legacy = key.Impl == PrngImpl.Threefry2x32Legacy;
        int lanes = legacy ? 32 / width : 1;
        int words = (int)(((long)n * (legacy ? width : 32) + 31) / 32);

        // One request for all words: chunks would hash every original-mode block twice.
        uint[] rented = ArrayPool<uint>.Shared.Rent(words);
        Span<uint> all = rented.AsSpan(0, words);
        CounterStream.Words32(key, words, 0, all);
        for (int i = 0; i < words; i++)
        {
            uint word = all[i];
            long element = (long)i * lanes;
            for (int lane = 0; lane < lanes && element + lane < n; lane++)
            {
                uint value = word >> (width * lane);
                if (width == 8)
                {
                    bytes[(int)(element + lane)] = (byte)value;
                }
                else
                {
                    shorts[(int)(element + lane)] = (ushort)value;
                }
            }
        }

        ArrayPool<uint>.Shared.Return(rented);
    }

    [MethodImpl(HotLoop.Options)]
    internal static void Bernoulli(PrngKey key, Span<bool> destination, float p)
    {
        int n = destination.Length;
        uint[] rented = ArrayPool<uint>.Shared.Rent(n);
        Span<uint> words = rented.AsSpan(0, n);
        CounterStream.Words32(key, n, 0, words);
        for (int i = 0; i < n; i++)
        {
            destination[i] = UniformSampling.UnitSingle(words[i]) < p;
        }

        ArrayPool<uint>.Shared.Return(rented);
    }

    [MethodImpl(HotLoop.Options)]
    internal static void Bernoulli(PrngKey key, Span<bool> destination, double p)
    {
        int n = destination.Length;
        ulong[] rented = ArrayPool<ulong>.Shared.Rent(n);
        Span<ulong> words = rented.AsSpan(0, n);
        CounterStream.Words64(key, n, 0, words);
        for (int i = 0; i < n; i++)
        {
            destination[i] = UniformSampling.UnitDouble(words[i]) < p;
        }

        ArrayPool<ulong>.Shared.Return(rented);
    }
}
