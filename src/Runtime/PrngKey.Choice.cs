using System;

namespace RandomPurity;

// jax.random.choice with weights (p) and jax.random.categorical.
// There is deliberately no single-item Choice<T>(items, weights): for float or double items, C# 14 would bind the core's
// Choice(items, destination) to it (an array converts to ReadOnlySpan as well as to Span), silently treating the
// destination as weights. A one-element destination gives JAX's shape () draw.
public readonly partial struct PrngKey
{
    /// <summary>
    /// Fills <paramref name="destination"/> with items drawn with probability proportional to their weights:
    /// <c>jax.random.choice(key, items, (n,), replace, p=weights)</c> with float32 weights. With replacement, inverse-CDF
    /// search of <c>cumsum(p)</c>; without, the Gumbel top-k trick (<c>gumbel(key, (len(p),)) + log(p)</c>, the n largest
    /// in descending order).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population.</param>
    /// <param name="weights">One non-negative, finite weight per item, not all zero.</param>
    /// <param name="destination">The output; its length is the number of draws.</param>
    /// <param name="replace">Whether an item may be drawn more than once.</param>
    /// <exception cref="ArgumentException">The weights do not match the items, are negative, NaN or infinite, or sum to zero;
    /// without replacement, more items are requested than there are (with positive weight); or <paramref name="items"/>
    /// and <paramref name="destination"/> overlap.</exception>
    public void Choice<T>(ReadOnlySpan<T> items, ReadOnlySpan<float> weights, Span<T> destination, bool replace = true)
    {
        WeightedChoiceSampling.Validate(weights, items.Length, destination.Length, replace);
        ThrowIfOverlapping(items, destination);
        if (destination.IsEmpty)
        {
            return;
        }

        int[] indices = new int[destination.Length];
        WeightedChoiceSampling.Indices(this, weights, indices, replace);
        for (int i = 0; i < indices.Length; i++)
        {
            destination[i] = items[indices[i]];
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.choice(key, items, (n,), replace, p=weights)</c> with
    /// float64 weights (x64).
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population.</param>
    /// <param name="weights">One non-negative, finite weight per item, not all zero.</param>
    /// <param name="destination">The output; its length is the number of draws.</param>
    /// <param name="replace">Whether an item may be drawn more than once.</param>
    /// <exception cref="ArgumentException">The weights do not match the items, are negative, NaN or infinite, or sum to zero;
    /// without replacement, more items are requested than there are (with positive weight); or <paramref name="items"/>
    /// and <paramref name="destination"/> overlap.</exception>
    public void Choice<T>(ReadOnlySpan<T> items, ReadOnlySpan<double> weights, Span<T> destination, bool replace = true)
    {
        WeightedChoiceSampling.Validate(weights, items.Length, destination.Length, replace);
        ThrowIfOverlapping(items, destination);
        if (destination.IsEmpty)
        {
            return;
        }

        int[] indices = new int[destination.Length];
        WeightedChoiceSampling.Indices(this, weights, indices, replace);
        for (int i = 0; i < indices.Length; i++)
        {
            destination[i] = items[indices[i]];
        }
    }

    /// <summary>
    /// A category index drawn from unnormalised log-probabilities: <c>jax.random.categorical(key, logits)</c> for 1-D
    /// float32 logits: <c>argmax(gumbel(key, (k,)) + logits)</c>, the first maximum winning.
    /// </summary>
    /// <param name="logits">The log-probabilities (up to a constant); -infinity excludes a category, NaN is rejected.</param>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty, holds NaN or +infinity, or is all -infinity.</exception>
    public int Categorical(ReadOnlySpan<float> logits)
    {
        if (logits.IsEmpty)
        {
            throw new ArgumentException("There must be at least one category.", nameof(logits));
        }

        Span<int> one = stackalloc int[1];
        Categorical(logits, logits.Length, one);
        return one[0];
    }

    /// <summary>
    /// A category index drawn from float64 log-probabilities: <c>jax.random.categorical(key, logits)</c> (x64).
    /// </summary>
    /// <param name="logits">The log-probabilities (up to a constant); -infinity excludes a category, NaN is rejected.</param>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is empty, holds NaN or +infinity, or is all -infinity.</exception>
    public int Categorical(ReadOnlySpan<double> logits)
    {
        if (logits.IsEmpty)
        {
            throw new ArgumentException("There must be at least one category.", nameof(logits));
        }

        Span<int> one = stackalloc int[1];
        Categorical(logits, logits.Length, one);
        return one[0];
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.categorical(key, logits, axis=-1, shape=(draws, batch), replace)</c>
    /// for row-major float32 logits of shape (batch, categoryCount): element <c>d * batch + b</c> is draw d from row b;
    /// with replacement it is <c>argmax(gumbel(key, (draws, batch, categoryCount)) + logits, -1)</c>. With one row of logits this is
    /// <c>categorical(key, logits, shape=(n,))</c>.
    /// </summary>
    /// <param name="logits">Row-major logits, <c>batch * categoryCount</c> long.</param>
    /// <param name="categoryCount">The number of categories (the row length); positive.</param>
    /// <param name="destination">The output: <c>draws * batch</c> category indices.</param>
    /// <param name="replace">Whether a category may be drawn more than once per row. Without replacement JAX adds one
    /// Gumbel draw per logit (<c>gumbel(key, (batch, categoryCount))</c>) and element <c>d * batch + b</c> is the index of
    /// the (d+1)-th largest score of row b (<c>lax.top_k</c>, ties to the lower index).</param>
    /// <exception cref="ArgumentException">The lengths do not fit together, a logit is NaN or +infinity, a row's logits are
    /// all -infinity, with replacement <c>destination.Length * categoryCount</c> exceeds <see cref="int.MaxValue"/>, or
    /// without replacement a row has fewer categories that are not -infinity than draws per row.</exception>
    public void Categorical(ReadOnlySpan<float> logits, int categoryCount, Span<int> destination, bool replace = true)
    {
        int batch = CheckLogits(logits.Length, categoryCount, destination.Length, replace);
        int fewestIncluded = categoryCount;
        for (int row = 0; row < batch; row++)
        {
            int included = 0;
            foreach (float logit in logits.Slice(row * categoryCount, categoryCount))
            {
                CheckLogit(logit);
                included += float.IsNegativeInfinity(logit) ? 0 : 1;
            }

            fewestIncluded = Math.Min(fewestIncluded, included);
        }

        CheckIncluded(fewestIncluded, destination.Length / batch, replace);
        if (replace)
        {
            CategoricalSampling.Fill(this, logits, categoryCount, destination);
            return;
        }

        CategoricalSampling.FillWithoutReplacement(this, logits, categoryCount, destination);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.categorical(key, logits, axis=-1, shape=(draws, batch), replace)</c>
    /// for row-major float64 logits of shape (batch, categoryCount) (x64).
    /// </summary>
    /// <param name="logits">Row-major logits, <c>batch * categoryCount</c> long.</param>
    /// <param name="categoryCount">The number of categories (the row length); positive.</param>
    /// <param name="destination">The output: <c>draws * batch</c> category indices.</param>
    /// <param name="replace">Whether a category may be drawn more than once per row. Without replacement JAX adds one
    /// Gumbel draw per logit (<c>gumbel(key, (batch, categoryCount))</c>) and element <c>d * batch + b</c> is the index of
    /// the (d+1)-th largest score of row b (<c>lax.top_k</c>, ties to the lower index).</param>
    /// <exception cref="ArgumentException">The lengths do not fit together, a logit is NaN or +infinity, a row's logits are
    /// all -infinity, with replacement <c>destination.Length * categoryCount</c> exceeds <see cref="int.MaxValue"/>, or
    /// without replacement a row has fewer categories that are not -infinity than draws per row.</exception>
    public void Categorical(ReadOnlySpan<double> logits, int categoryCount, Span<int> destination, bool replace = true)
    {
        int batch = CheckLogits(logits.Length, categoryCount, destination.Length, replace);
        int fewestIncluded = categoryCount;
        for (int row = 0; row < batch; row++)
        {
            int included = 0;
            foreach (double logit in logits.Slice(row * categoryCount, categoryCount))
            {
                CheckLogit(logit);
                included += double.IsNegativeInfinity(logit) ? 0 : 1;
            }

            fewestIncluded = Math.Min(fewestIncluded, included);
        }

        CheckIncluded(fewestIncluded, destination.Length / batch, replace);
        if (replace)
        {
            CategoricalSampling.Fill(this, logits, categoryCount, destination);
            return;
        }

        CategoricalSampling.FillWithoutReplacement(this, logits, categoryCount, destination);
    }

    private static int CheckLogits(int logitCount, int categoryCount, int destinationLength, bool replace)
    {
        if (categoryCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(categoryCount), categoryCount, "There must be at least one category.");
        }

        int batch = CatalogueArgument.Rows(logitCount, categoryCount, "logits");
        if (batch == 0)
        {
            throw new ArgumentException("There must be at least one row of logits.", "logits");
        }

        CatalogueArgument.Rows(destinationLength, batch, "destination");
        if (replace && (long)destinationLength * categoryCount > int.MaxValue)
        {
            // One Gumbel draw per (draw, category): JAX's array gumbel(key, (draws, batch, k)) has more elements than
            // the original mode's uint32 counters (and any .NET array) can index.
            throw new ArgumentException(
                $"destination.Length * categoryCount ({(long)destinationLength * categoryCount}) must not exceed int.MaxValue.", "destination");
        }

        return batch;
    }

    // A row whose logits are all -infinity has no category to draw (JAX returns 0); without replacement every draw
    // must find a category that is not excluded (JAX returns excluded ones once they run out).
    private static void CheckIncluded(int fewestIncluded, int drawsPerRow, bool replace)
    {
        if (fewestIncluded == 0 && drawsPerRow > 0)
        {
            throw new ArgumentException("Every row of logits needs at least one logit that is not -infinity.", "logits");
        }

        if (!replace && drawsPerRow > fewestIncluded)
        {
            throw new ArgumentException(
                "Without replacement, a row cannot give more draws than it has categories whose logit is not -infinity.", "destination");
        }
    }

    private static void CheckLogit(double logit)
    {
        if (double.IsNaN(logit) || double.IsPositiveInfinity(logit))
        {
            throw new ArgumentException("Logits must not be NaN or +infinity.", "logits");
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/>, row-major with rows of <c>mean.Length</c>, with
    /// <c>jax.random.multivariate_normal(key, mean, covariance, (rows,), float32, method='cholesky')</c>:
    /// <c>mean + L @ z</c> with <c>z = normal(key, (rows, n))</c> and L the lower Cholesky factor.
    /// </summary>
    /// <param name="mean">The mean vector (n entries).</param>
    /// <param name="covariance">The covariance, row-major n x n, symmetric positive definite.</param>
    /// <param name="destination">The output, <c>rows * n</c> long; row r holds draw r.</param>
    /// <exception cref="ArgumentException">The lengths do not fit together, the mean or the covariance holds NaN or an
    /// infinity, or the covariance is not symmetric (within a relative 1e-6 in float32, 1e-12 in float64; JAX would
    /// silently use <c>(C + C^T) / 2</c>) or not positive definite.</exception>
    public void MultivariateNormal(ReadOnlySpan<float> mean, ReadOnlySpan<float> covariance, Span<float> destination)
    {
        CheckMultivariate(mean.Length, covariance.Length, destination.Length);
        MultivariateNormalSampling.Validate(mean, covariance);
        MultivariateNormalSampling.Fill(this, mean, covariance, destination);
    }

    /// <summary>
    /// Fills <paramref name="destination"/>, row-major with rows of <c>mean.Length</c>, with
    /// <c>jax.random.multivariate_normal(key, mean, covariance, (rows,), float64, method='cholesky')</c> (x64).
    /// </summary>
    /// <param name="mean">The mean vector (n entries).</param>
    /// <param name="covariance">The covariance, row-major n x n, symmetric positive definite.</param>
    /// <param name="destination">The output, <c>rows * n</c> long; row r holds draw r.</param>
    /// <exception cref="ArgumentException">The lengths do not fit together, the mean or the covariance holds NaN or an
    /// infinity, or the covariance is not symmetric (within a relative 1e-6 in float32, 1e-12 in float64; JAX would
    /// silently use <c>(C + C^T) / 2</c>) or not positive definite.</exception>
    public void MultivariateNormal(ReadOnlySpan<double> mean, ReadOnlySpan<double> covariance, Span<double> destination)
    {
        CheckMultivariate(mean.Length, covariance.Length, destination.Length);
        MultivariateNormalSampling.Validate(mean, covariance);
        MultivariateNormalSampling.Fill(this, mean, covariance, destination);
    }

    private static void CheckMultivariate(int n, int covarianceLength, int destinationLength)
    {
        if (n == 0)
        {
            throw new ArgumentException("The mean must have at least one entry.", "mean");
        }

        if (covarianceLength != n * n)
        {
            throw new ArgumentException($"The covariance must be {n} x {n} (row-major, {n * n} entries).", "covariance");
        }

        CatalogueArgument.Rows(destinationLength, n, "destination");
    }
}
