using System;
using System.Collections.Generic;
using System.Linq;

namespace RandomPurity;

/// <summary>LINQ operators that draw from an explicit key instead of process-global randomness.</summary>
public static class KeyedEnumerable
{
    /// <summary>
    /// The elements of <paramref name="source"/> in an order drawn from <paramref name="key"/>: .NET 10's
    /// <c>Enumerable.Shuffle</c> with an explicit key. The order is <see cref="PrngKey.Shuffle{T}(Span{T})"/> of the
    /// elements, so it depends only on the key and the number of elements. Deferred like LINQ: the source is read when
    /// the result is enumerated, and every enumeration gives the same order.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The sequence to shuffle.</param>
    /// <param name="key">The key the order is drawn from (consumed).</param>
    /// <returns>The shuffled sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public static IEnumerable<T> Shuffle<T>(this IEnumerable<T> source, PrngKey key)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        return Shuffled(source, key);
    }

    private static IEnumerable<T> Shuffled<T>(IEnumerable<T> source, PrngKey key)
    {
        T[] items = source.ToArray();
        key.Shuffle<T>(items);
        foreach (T item in items)
        {
            yield return item;
        }
    }
}
