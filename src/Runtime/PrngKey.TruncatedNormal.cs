using System;

namespace RandomPurity;

// jax.random.truncated_normal, and where RandomPurity leaves JAX's float arithmetic (docs/algorithms.md).
public readonly partial struct PrngKey
{
    /// <summary>
    /// A standard normal truncated to (lower, upper) in float32: <c>jax.random.truncated_normal(key, lower, upper, (), float32)</c>:
    /// <c>sqrt2 * erf_inv(uniform(key, minval=erf(lower / sqrt2), maxval=erf(upper / sqrt2)))</c>, clipped to the open
    /// interval. Within 2e-6 relative of JAX where float32 resolves erf(upper / sqrt2) - erf(lower / sqrt2) into at
    /// least 2^14 steps; beyond that (far tails such as (4, 5) or (6, 7), where JAX returns a few values or one) a
    /// float64 rejection sampler gives the correct distribution (docs/algorithms.md).
    /// </summary>
    /// <param name="lower">The lower bound; finite.</param>
    /// <param name="upper">The upper bound; finite and greater than <paramref name="lower"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or no value of the type lies strictly between <paramref name="lower"/> and <paramref name="upper"/>.</exception>
    public float TruncatedNormalSingle(float lower, float upper)
    {
        Span<float> one = stackalloc float[1];
        TruncatedNormal(one, lower, upper);
        return one[0];
    }

    /// <summary>
    /// A standard normal truncated to (lower, upper) in float64: <c>jax.random.truncated_normal(key, lower, upper, (), float64)</c>
    /// with <c>jax_enable_x64</c>. Within 1e-12 relative of JAX where float64 resolves the erf range into at least 2^14
    /// steps; beyond that (e.g. (8, 9), (-40, -39)) a float64 rejection sampler (docs/algorithms.md).
    /// </summary>
    /// <param name="lower">The lower bound; finite.</param>
    /// <param name="upper">The upper bound; finite and greater than <paramref name="lower"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or no value of the type lies strictly between <paramref name="lower"/> and <paramref name="upper"/>.</exception>
    public double TruncatedNormal(double lower, double upper)
    {
        Span<double> one = stackalloc double[1];
        TruncatedNormal(one, lower, upper);
        return one[0];
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.truncated_normal(key, lower, upper, (n,), float32)</c>.
    /// Within 2e-6 relative of JAX; JAX's float32 erf (the Eigen rational approximation) is reproduced operation by operation.
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="lower">The lower bound; finite.</param>
    /// <param name="upper">The upper bound; finite and greater than <paramref name="lower"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or no value of the type lies strictly between <paramref name="lower"/> and <paramref name="upper"/>.</exception>
    public void TruncatedNormal(Span<float> destination, float lower, float upper)
    {
        CheckTruncation(lower, upper);
        TruncatedNormalSampling.ThrowIfEmpty(lower, upper);
        TruncatedNormalSampling.Fill(this, destination, lower, upper);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.truncated_normal(key, lower, upper, (n,), float64)</c> (x64).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="lower">The lower bound; finite.</param>
    /// <param name="upper">The upper bound; finite and greater than <paramref name="lower"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or no value of the type lies strictly between <paramref name="lower"/> and <paramref name="upper"/>.</exception>
    public void TruncatedNormal(Span<double> destination, double lower, double upper)
    {
        CheckTruncation(lower, upper);
        TruncatedNormalSampling.ThrowIfEmpty(lower, upper);
        TruncatedNormalSampling.Fill(this, destination, lower, upper);
    }

    private static void CheckTruncation(double lower, double upper)
    {
        CatalogueArgument.ThrowIfNotFinite(lower, nameof(lower));
        CatalogueArgument.ThrowIfNotFinite(upper, nameof(upper));
        if (!(upper > lower))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, "upper must be greater than lower.");
        }
    }
}
