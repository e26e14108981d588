using System;

namespace RandomPurity;

/// <summary>The argument checks behind the runtime's deliberate differences from JAX (runtime-api.md).</summary>
internal static class Argument
{
    internal static void ThrowIfNotFinite(float value, string paramName)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The bound must be a finite number.");
        }
    }

    internal static void ThrowIfNotFinite(double value, string paramName)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The bound must be a finite number.");
        }
    }

    /// <summary>Finite bounds with <paramref name="minValue"/> &lt;= <paramref name="maxValue"/> (reversed bounds throw, as for the integer members).</summary>
    internal static void ThrowIfNotBounds(double minValue, double maxValue)
    {
        ThrowIfNotFinite(minValue, nameof(minValue));
        ThrowIfNotFinite(maxValue, nameof(maxValue));
        if (maxValue < minValue)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "maxValue must be greater than or equal to minValue.");
        }
    }

    internal static void ThrowIfNotProbability(double p, string paramName)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(paramName, p, "The probability must be in [0, 1].");
        }
    }

    internal static void ThrowIfNegative(int value, string paramName)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "The count must not be negative.");
        }
    }

    internal static void ThrowIfLess(long maxValue, long minValue, string paramName)
    {
        if (maxValue < minValue)
        {
            throw new ArgumentOutOfRangeException(paramName, maxValue, "maxValue must be greater than or equal to minValue.");
        }
    }
}
