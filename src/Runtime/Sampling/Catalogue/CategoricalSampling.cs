using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.categorical</c> with replacement (the Gumbel-max trick): for logits of shape (batch, k) and result shape
/// (draws, batch), <c>argmax(gumbel(key, (draws, batch, k)) + logits, axis=-1)</c>, the first maximum winning.
/// </summary>
internal static class CategoricalSampling
{
    /// <summary>Gumbel words are drawn this many at a time, at their offsets in the (draws, batch, k) stream.</summary>
    private const int Chunk = 256;

    internal static void Fill(PrngKey key, ReadOnlySpan<float> logits, int categoryCount, Span<int> destination)
    {
        int batch = logits.Length / categoryCount;
        long total = (long)destination.Length * categoryCount;
        Span<uint> bits = stackalloc uint[Chunk];
        int row = 0, j = 0, best = 0;
        float bestValue = 0f;
        for (long start = 0; start < total; start += Chunk)
        {
            int length = (int)Math.Min(Chunk, total - start);
            CounterStream.Words32(key, total, start, bits.Slice(0, length));
            for (int t = 0; t < length; t++)
            {
                float value = GumbelSampling.FromBits(bits[t]) + logits[((row % batch) * categoryCount) + j];
                if (j == 0 || value > bestValue)
                {
                    best = j;
                    bestValue = value;
                }

                if (++j == categoryCount)
                {
                    destination[row++] = best;
                    j = 0;
                }
            }
        }
    }

    internal static void Fill(PrngKey key, ReadOnlySpan<double> logits, int categoryCount, Span<int> destination)
    {
        int batch = logits.Length / categoryCount;
        long total = (long)destination.Length * categoryCount;
        Span<ulong> bits = stackalloc ulong[Chunk];
        int row = 0, j = 0, best = 0;
        double bestValue = 0d;
        for (long start = 0; start < total; start += Chunk)
        {
            int length = (int)Math.Min(Chunk, total - start);
            CounterStream.Words64(key, total, start, bits.Slice(0, length));
            for (int t = 0; t < length; t++)
            {
                double value = GumbelSampling.FromBits(bits[t]) + logits[((row % batch) * categoryCount) + j];
                if (j == 0 || value > bestValue)
                {
                    best = j;
                    bestValue = value;
                }

                if (++j == categoryCount)
                {
                    destination[row++] = best;
                    j = 0;
                }
            }
        }
    }

    /// <summary>
    /// <c>categorical(..., replace=False)</c>: <c>logits + gumbel(key, logits.shape)</c>, then per row the indices of the
    /// <c>draws</c> largest scores; the result is laid out (draws, batch).
    /// </summary>
    internal static void FillWithoutReplacement(PrngKey key, ReadOnlySpan<float> logits, int categoryCount, Span<int> destination)
    {
        int batch = logits.Length / categoryCount;
        int draws = destination.Length / batch;
        float[] scores = new float[logits.Length];
        GumbelSampling.Fill(key, scores);
        int[] rowTop = new int[draws];
        for (int b = 0; b < batch; b++)
        {
            float[] row = new float[categoryCount];
            for (int j = 0; j < categoryCount; j++)
            {
                row[j] = scores[(b * categoryCount) + j] + logits[(b * categoryCount) + j];
            }

            WeightedChoiceSampling.TopIndices(row, rowTop);
            for (int d = 0; d < draws; d++)
            {
                destination[(d * batch) + b] = rowTop[d];
            }
        }
    }

    internal static void FillWithoutReplacement(PrngKey key, ReadOnlySpan<double> logits, int categoryCount, Span<int> destination)
    {
        int batch = logits.Length / categoryCount;
        int draws = destination.Length / batch;
        double[] scores = new double[logits.Length];
        GumbelSampling.Fill(key, scores);
        int[] rowTop = new int[draws];
        for (int b = 0; b < batch; b++)
        {
            double[] row = new double[categoryCount];
            for (int j = 0; j < categoryCount; j++)
            {
                row[j] = scores[(b * categoryCount) + j] + logits[(b * categoryCount) + j];
            }

            WeightedChoiceSampling.TopIndices(row, rowTop);
            for (int d = 0; d < draws; d++)
            {
                destination[(d * batch) + b] = rowTop[d];
            }
        }
    }
}
