using System;

namespace RandomPurity.Benchmarks;

/// <summary>The System.Random loops that several benchmark classes take as their baseline.</summary>
internal static class Baselines
{
    /// <summary>Fills <paramref name="values"/> with <see cref="Random.NextSingle"/>, one call per element.</summary>
    internal static void FillNextSingle(Random random, float[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextSingle();
        }
    }
}
