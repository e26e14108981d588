using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.bits</c> for 8- and 16-bit dtypes and <c>bernoulli</c> (sections 8 and 9.4 of jax-prng.md). The
/// partitionable mode keeps the low bits of each element's 32-bit draw; the original mode draws
/// <c>ceil(width * n / 32)</c> words and unpacks them as little-endian lanes.
/// </summary>
internal static class BitsSampling
{
    private const int ChunkLength = 256;

    internal static void Fill(PrngKey key, Span<byte> destination) => FillNarrow(key, destination.Length, 8, destination, default);

    internal static void Fill(PrngKey key, Span<ushort> destination) => FillNarrow(key, destination.Length, 16, default, destination);

    private static void FillNarrow(PrngKey key, int n, int width, Span<byte> bytes, Span<ushort> shorts)
    {
        bool legacy = key.Impl == PrngImpl.Threefry2x32Legacy;
        int lanes = legacy ? 32 / width : 1;
        long words = ((long)n * (legacy ? width : 32) + 31) / 32;
        Span<uint> chunk = stackalloc uint[ChunkLength];
        for (long start = 0; start < words; start += ChunkLength)
        {
            int length = (int)Math.Min(ChunkLength, words - start);
            CounterStream.Words32(key, words, start, chunk.Slice(0, length));
            for (int i = 0; i < length; i++)
            {
                uint word = chunk[i];
                long element = (start + i) * lanes;
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
        }
    }

    internal static void Bernoulli(PrngKey key, Span<bool> destination, float p)
    {
        int n = destination.Length;
        Span<uint> chunk = stackalloc uint[ChunkLength];
        for (int start = 0; start < n; start += ChunkLength)
        {
            int length = Math.Min(ChunkLength, n - start);
            CounterStream.Words32(key, n, start, chunk.Slice(0, length));
            for (int i = 0; i < length; i++)
            {
                destination[start + i] = UniformSampling.UnitSingle(chunk[i]) < p;
            }
        }
    }

    internal static void Bernoulli(PrngKey key, Span<bool> destination, double p)
    {
        int n = destination.Length;
        Span<ulong> chunk = stackalloc ulong[ChunkLength];
        for (int start = 0; start < n; start += ChunkLength)
        {
            int length = Math.Min(ChunkLength, n - start);
            CounterStream.Words64(key, n, start, chunk.Slice(0, length));
            for (int i = 0; i < length; i++)
            {
                destination[start + i] = UniformSampling.UnitDouble(chunk[i]) < p;
            }
        }
    }
}
