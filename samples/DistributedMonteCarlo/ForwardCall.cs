// The Monte Carlo computation: an at-the-money European call on a forward under the Bachelier (normal) model,
// F_T = F + sigma * sqrt(T) * Z, payoff max(F_T - K, 0), undiscounted. The worker uses only +, *, max and one
// correctly rounded sqrt (no libm exp/log), so with keyed draws its bits are the same on every IEEE-754 machine.
using System;
using RandomPurity;

namespace DistributedMonteCarlo;

/// <summary>The option being priced, and the per-item path simulation for each kind of generator.</summary>
public static class ForwardCall
{
    /// <summary>The forward price today.</summary>
    public const double Forward = 100.0;

    /// <summary>The strike (at the money).</summary>
    public const double Strike = 100.0;

    /// <summary>The normal (absolute) volatility, in price units per square root of a year.</summary>
    public const double NormalVolatility = 20.0;

    /// <summary>The time to expiry in years.</summary>
    public const double Expiry = 1.0;

    // Normals are drawn in chunks so that an item of any size needs a fixed buffer; Normal(span, startIndex) makes
    // the chunks the same numbers as one draw of the whole item (element i depends on i alone).
    private const int ChunkSize = 4096;

    /// <summary>The closed form at the money: sigma * sqrt(T) / sqrt(2 pi).</summary>
    public static double ExactPrice => NormalVolatility * Math.Sqrt(Expiry) / Math.Sqrt(2.0 * Math.PI);

    /// <summary>Simulates <paramref name="paths"/> paths from an item's own key.</summary>
    /// <param name="itemKey">The item's key, <c>root.FoldIn(itemId)</c>.</param>
    /// <param name="paths">How many paths.</param>
    public static PathSums Simulate(PrngKey itemKey, int paths)
    {
        double scale = NormalVolatility * Math.Sqrt(Expiry);
        Span<double> z = stackalloc double[ChunkSize];
        double sum = 0, sumOfSquares = 0;
        for (int start = 0; start < paths; start += ChunkSize)
        {
            Span<double> chunk = z.Slice(0, Math.Min(ChunkSize, paths - start));
            itemKey.Normal(chunk, start);
            foreach (double normal in chunk)
            {
                double payoff = Math.Max(Forward + scale * normal - Strike, 0.0);
                sum += payoff;
                sumOfSquares += payoff * payoff;
            }
        }

        return new PathSums(paths, sum, sumOfSquares);
    }

    /// <summary>Simulates <paramref name="paths"/> paths from a <see cref="Random"/> (Box-Muller normals).</summary>
    /// <param name="random">The generator; the caller makes sure no other thread draws from it meanwhile.</param>
    /// <param name="paths">How many paths.</param>
    public static PathSums Simulate(Random random, int paths)
    {
        double scale = NormalVolatility * Math.Sqrt(Expiry);
        double sum = 0, sumOfSquares = 0;
        for (int i = 0; i < paths; i++)
        {
            // 1 - NextDouble() is in (0, 1], so the logarithm is finite.
            double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            double normal = radius * Math.Cos(2.0 * Math.PI * random.NextDouble());
            double payoff = Math.Max(Forward + scale * normal - Strike, 0.0);
            sum += payoff;
            sumOfSquares += payoff * payoff;
        }

        return new PathSums(paths, sum, sumOfSquares);
    }
}
