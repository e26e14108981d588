using System;

namespace RandomPurity;

/// <summary>Parameter checks of the catalogue samplers: JAX returns NaN or garbage, RandomPurity throws and names the parameter.</summary>
internal static class CatalogueArgument
{
    internal static void ThrowIfNotPositive(double value, string paramName)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The parameter must be a positive, finite number.");
        }
    }

    internal static void ThrowIfNegative(double value, string paramName)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The parameter must be a non-negative, finite number.");
        }
    }

    internal static void ThrowIfNotFinite(double value, string paramName)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The parameter must be a finite number.");
        }
    }

    internal static void ThrowIfNotPositive(ReadOnlySpan<float> values, string paramName)
    {
        foreach (float value in values)
        {
            ThrowIfNotPositive(value, paramName);
        }
    }

    internal static void ThrowIfNotPositive(ReadOnlySpan<double> values, string paramName)
    {
        foreach (double value in values)
        {
            ThrowIfNotPositive(value, paramName);
        }
    }

    /// <summary>Vector-valued samplers write whole rows: the destination length must be a multiple of the row length.</summary>
    internal static int Rows(int destinationLength, int rowLength, string paramName)
    {
        if (rowLength == 0)
        {
            if (destinationLength != 0)
            {
                throw new ArgumentException("Rows of length 0 cannot fill a non-empty destination.", paramName);
            }

            return 0;
        }

        if (destinationLength % rowLength != 0)
        {
            throw new ArgumentException(
                $"The destination length ({destinationLength}) must be a multiple of the row length ({rowLength}).", paramName);
        }

        return destinationLength / rowLength;
    }
}
