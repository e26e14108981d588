using System;
using System.Globalization;

namespace DistributedMonteCarlo;

/// <summary>The price estimate and its standard error, reduced from the items' sums in item order.</summary>
/// <param name="Price">The mean payoff.</param>
/// <param name="StandardError">The standard error of the mean.</param>
/// <param name="Paths">The total number of paths.</param>
public readonly record struct Estimate(double Price, double StandardError, long Paths)
{
    /// <summary>
    /// Adds the items' sums in item order: floating-point addition is not associative, so a reduction in completion
    /// order would change the last bits from run to run even with identical item results.
    /// </summary>
    /// <param name="itemsInOrder">The sums of items 0, 1, 2, ...</param>
    public static Estimate Reduce(ReadOnlySpan<PathSums> itemsInOrder)
    {
        long paths = 0;
        double sum = 0, sumOfSquares = 0;
        foreach (PathSums item in itemsInOrder)
        {
            paths += item.Paths;
            sum += item.Sum;
            sumOfSquares += item.SumOfSquares;
        }

        double mean = sum / paths;
        double variance = (sumOfSquares - sum * mean) / (paths - 1);
        return new Estimate(mean, Math.Sqrt(variance / paths), paths);
    }

    /// <summary>The exact bits of the price and the standard error, for comparing runs.</summary>
    public string Bits => $"price 0x{Hex(Price)} standard-error 0x{Hex(StandardError)}";

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Price:R} ± {StandardError:R}");

    private static string Hex(double value) =>
        BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture);
}
