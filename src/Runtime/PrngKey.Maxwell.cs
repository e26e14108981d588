using System;

namespace RandomPurity;

public readonly partial struct PrngKey
{
    /// <summary>
    /// A Maxwell (chi with 3 degrees of freedom) draw in float32: <c>jax.random.maxwell(key, (), float32)</c>, the norm
    /// of <c>normal(key, (3,))</c>. Within 2e-6 relative of JAX.
    /// </summary>
    public float MaxwellSingle()
    {
        Span<float> one = stackalloc float[1];
        MaxwellSampling.Fill(this, one);
        return one[0];
    }

    /// <summary>
    /// A Maxwell draw in float64: <c>jax.random.maxwell(key, (), float64)</c> with <c>jax_enable_x64</c>, the norm of
    /// <c>normal(key, (3,))</c>. Within 1e-12 relative of JAX.
    /// </summary>
    public double Maxwell()
    {
        Span<double> one = stackalloc double[1];
        MaxwellSampling.Fill(this, one);
        return one[0];
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.maxwell(key, (n,), float32)</c>: element i is the norm of
    /// row i of <c>normal(key, (n, 3))</c>. Within 2e-6 relative of JAX.
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Maxwell(Span<float> destination) => MaxwellSampling.Fill(this, destination);

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.maxwell(key, (n,), float64)</c> (x64): element i is the
    /// norm of row i of <c>normal(key, (n, 3))</c>. Within 1e-12 relative of JAX.
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Maxwell(Span<double> destination) => MaxwellSampling.Fill(this, destination);

    /// <summary>
    /// A double-sided Maxwell draw in float32: <c>jax.random.double_sided_maxwell(key, loc, scale, (), float32)</c>. JAX
    /// splits the key (<c>km, kr = split(key)</c>) and returns <c>rademacher(kr) * maxwell(km) * scale + loc</c>.
    /// </summary>
    /// <param name="loc">The location; finite.</param>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="loc"/> is not finite or <paramref name="scale"/> is negative or not finite.</exception>
    public float DoubleSidedMaxwellSingle(float loc, float scale)
    {
        Span<float> one = stackalloc float[1];
        DoubleSidedMaxwell(one, loc, scale);
        return one[0];
    }

    /// <summary>
    /// A double-sided Maxwell draw in float64: <c>jax.random.double_sided_maxwell(key, loc, scale, (), float64)</c> with
    /// <c>jax_enable_x64</c> (<c>km, kr = split(key)</c>; <c>rademacher(kr) * maxwell(km) * scale + loc</c>).
    /// </summary>
    /// <param name="loc">The location; finite.</param>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="loc"/> is not finite or <paramref name="scale"/> is negative or not finite.</exception>
    public double DoubleSidedMaxwell(double loc, double scale)
    {
        Span<double> one = stackalloc double[1];
        DoubleSidedMaxwell(one, loc, scale);
        return one[0];
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.double_sided_maxwell(key, loc, scale, (n,), float32)</c>:
    /// <c>km, kr = split(key)</c>, then <c>rademacher(kr, (n,)) * maxwell(km, (n,)) * scale + loc</c>.
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="loc">The location; finite.</param>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="loc"/> is not finite or <paramref name="scale"/> is negative or not finite.</exception>
    public void DoubleSidedMaxwell(Span<float> destination, float loc, float scale)
    {
        CatalogueArgument.ThrowIfNotFinite(loc, nameof(loc));
        CatalogueArgument.ThrowIfNegative(scale, nameof(scale));
        MaxwellSampling.FillDoubleSided(this, destination, loc, scale);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.double_sided_maxwell(key, loc, scale, (n,), float64)</c>
    /// (x64; the signs come from float64 uniforms, as bernoulli's p = 0.5 is float64 there).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="loc">The location; finite.</param>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="loc"/> is not finite or <paramref name="scale"/> is negative or not finite.</exception>
    public void DoubleSidedMaxwell(Span<double> destination, double loc, double scale)
    {
        CatalogueArgument.ThrowIfNotFinite(loc, nameof(loc));
        CatalogueArgument.ThrowIfNegative(scale, nameof(scale));
        MaxwellSampling.FillDoubleSided(this, destination, loc, scale);
    }
}
