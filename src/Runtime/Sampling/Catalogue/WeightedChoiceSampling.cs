using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.choice</c> with <c>p</c> (section 9.5 of jax-prng.md). With replacement: <c>c = cumsum(p)</c>,
/// <c>r = c[-1] * (1 - uniform(key, (n,)))</c>, index = <c>searchsorted(c, r, side='left')</c>. Without replacement
/// (the Gumbel top-k trick): <c>gumbel(key, (len(p),)) + log(p)</c>, indices of the k largest, ties to the lower index.
/// </summary>
internal static class WeightedChoiceSampling
{
    internal static void Validate(ReadOnlySpan<float> weights, int itemCount, int draws, bool replace)
    {
        Span<double> copy = weights.Length <= 256 ? stackalloc double[weights.Length] : new double[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            copy[i] = weights[i];
        }

        Validate(copy, itemCount, draws, replace);
    }

    internal static void Validate(ReadOnlySpan<double> weights, int itemCount, int draws, bool replace)
    {
        if (weights.Length != itemCount)
        {
            throw new ArgumentException(
                $"There must be one weight per item ({weights.Length} weights for {itemCount} items).", "weights");
        }

        int positive = 0;
        double sum = 0;
        foreach (double w in weights)
        {
            if (!(w >= 0) || double.IsPositiveInfinity(w))
            {
                throw new ArgumentException("Every weight must be a finite, non-negative number.", "weights");
            }

            sum += w;
            positive += w > 0 ? 1 : 0;
        }

        if (draws == 0)
        {
            return;
        }

        if (!(sum > 0))
        {
            throw new ArgumentException("The weights must not sum to zero.", "weights");
        }

        if (!replace && draws > itemCount)
        {
            throw new ArgumentException("Without replacement, at most items.Length items can be drawn.", "destination");
        }

        if (!replace && draws > positive)
        {
            throw new ArgumentException(
                "Without replacement, there must be at least as many items with positive weight as draws.", "weights");
        }
    }

    internal static void Indices(PrngKey key, ReadOnlySpan<float> weights, Span<int> indices, bool replace)
    {
        int n = weights.Length;
        if (replace)
        {
            float[] cumulative = new float[n];
            float running = 0f;
            for (int i = 0; i < n; i++)
            {
                running += weights[i];
                cumulative[i] = running;
            }

            if (float.IsInfinity(running))
            {
                // JAX's cumsum overflowed (e.g. [3e38, 3e38]): r is +infinity and the first items are never drawn. The
                // weights scaled by 2^-32 (exact, and n < 2^31 weights of at most MaxValue then sum to a finite value)
                // give the cumsum JAX would compute with unbounded exponents.
                running = 0f;
                for (int i = 0; i < n; i++)
                {
                    running += weights[i] * 2.32830644e-10f;
                    cumulative[i] = running;
                }
            }

            float[] uniforms = new float[indices.Length];
            Span<uint> bits = CatalogueDraws.Words(key, uniforms);
            for (int i = 0; i < indices.Length; i++)
            {
                float r = cumulative[n - 1] * (1f - UniformSampling.UnitSingle(bits[i]));
                indices[i] = SearchLeft(cumulative, r);
            }

            return;
        }

        float[] scores = new float[n];
        GumbelSampling.Fill(key, scores);
        for (int i = 0; i < n; i++)
        {
            scores[i] += Transcendentals.Log(weights[i]);
        }

        TopIndices(scores, indices);
    }

    internal static void Indices(PrngKey key, ReadOnlySpan<double> weights, Span<int> indices, bool replace)
    {
        int n = weights.Length;
        if (replace)
        {
            double[] cumulative = new double[n];
            double running = 0d;
            for (int i = 0; i < n; i++)
            {
                running += weights[i];
                cumulative[i] = running;
            }

            if (double.IsInfinity(running))
            {
                // JAX's cumsum overflowed (e.g. [3e38, 3e38]): r is +infinity and the first items are never drawn. The
                // weights scaled by 2^-32 (exact, and n < 2^31 weights of at most MaxValue then sum to a finite value)
                // give the cumsum JAX would compute with unbounded exponents.
                running = 0d;
                for (int i = 0; i < n; i++)
                {
                    running += weights[i] * 2.3283064365386963e-10;
                    cumulative[i] = running;
                }
            }

            double[] uniforms = new double[indices.Length];
            Span<ulong> bits = CatalogueDraws.Words(key, uniforms);
            for (int i = 0; i < indices.Length; i++)
            {
                double r = cumulative[n - 1] * (1d - UniformSampling.UnitDouble(bits[i]));
                indices[i] = SearchLeft(cumulative, r);
            }

            return;
        }

        double[] scores = new double[n];
        GumbelSampling.Fill(key, scores);
        for (int i = 0; i < n; i++)
        {
            scores[i] += Transcendentals.Log(weights[i]);
        }

        TopIndices(scores, indices);
    }

    /// <summary>The first index i with <c>cumulative[i] &gt;= r</c> (numpy's searchsorted, side='left').</summary>
    private static int SearchLeft<T>(T[] cumulative, T r)
        where T : IComparable<T>
    {
        int lo = 0, hi = cumulative.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (cumulative[mid].CompareTo(r) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Min(lo, cumulative.Length - 1);
    }

    /// <summary><c>lax.top_k(scores, k).indices</c>: descending by score, equal scores in index order.</summary>
    internal static void TopIndices<T>(T[] scores, Span<int> indices)
        where T : IComparable<T>
    {
        int[] order = new int[scores.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // The comparison is a total order (index breaks ties), so the result does not depend on the sort's stability.
        Array.Sort(order, (x, y) =>
        {
            int byScore = scores[y].CompareTo(scores[x]);
            return byScore != 0 ? byScore : x.CompareTo(y);
        });
        order.AsSpan(0, indices.Length).CopyTo(indices);
    }
}
