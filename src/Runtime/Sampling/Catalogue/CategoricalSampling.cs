using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.categorical</c> with replacement (the Gumbel-max trick): for logits of shape (batch, k) and result shape
/// (draws, batch), <c>argmax(gumbel(key, (draws, batch, k)) + logits, axis=-1)</c>, the first maximum winning.
/// </summary>
internal static class CategoricalSampling
{
    internal static void Fill(PrngKey key, ReadOnlySpan<float> logits, int categoryCount, Span<int> destination)
    {
        int batch = logits.Length / categoryCount;
        float[] noise = new float[checked(destination.Length * categoryCount)];
        GumbelSampling.Fill(key, noise);
        for (int i = 0; i < destination.Length; i++)
        {
            ReadOnlySpan<float> row = logits.Slice((i % batch) * categoryCount, categoryCount);
            int offset = i * categoryCount;
            int best = 0;
            float bestValue = noise[offset] + row[0];
            for (int j = 1; j < categoryCount; j++)
            {
                float value = noise[offset + j] + row[j];
                if (value > bestValue)
                {
                    best = j;
                    bestValue = value;
                }
            }

            destination[i] = best;
        }
    }

    internal static void Fill(PrngKey key, ReadOnlySpan<double> logits, int categoryCount, Span<int> destination)
    {
        int batch = logits.Length / categoryCount;
        double[] noise = new double[checked(destination.Length * categoryCount)];
        GumbelSampling.Fill(key, noise);
        for (int i = 0; i < destination.Length; i++)
        {
            ReadOnlySpan<double> row = logits.Slice((i % batch) * categoryCount, categoryCount);
            int offset = i * categoryCount;
            int best = 0;
            double bestValue = noise[offset] + row[0];
            for (int j = 1; j < categoryCount; j++)
            {
                double value = noise[offset + j] + row[j];
                if (value > bestValue)
                {
                    best = j;
                    bestValue = value;
                }
            }

            destination[i] = best;
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
