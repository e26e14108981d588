using System;

namespace RandomPurity;

// jax.random.gamma and the samplers JAX builds on it. Each element of a shape (n,) draw uses its own key,
// split(key, n)[i], and a rejection loop, so these cost more per element than the transforms.
public readonly partial struct PrngKey
{
    /// <summary>
    /// A Gamma(a, 1) draw in float32: <c>jax.random.gamma(key, a, (), float32)</c> (Marsaglia-Tsang on
    /// <c>split(key, 1)[0]</c>; shapes below 1 are boosted). Within 2e-6 relative of JAX.
    /// </summary>
    /// <param name="a">The shape; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is not positive and finite.</exception>
    public float GammaSingle(float a)
    {
        Span<float> one = stackalloc float[1];
        Gamma(one, a);
        return one[0];
    }

    /// <summary>A Gamma(a, 1) draw in float64: <c>jax.random.gamma(key, a, (), float64)</c> with <c>jax_enable_x64</c>.</summary>
    /// <param name="a">The shape; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is not positive and finite.</exception>
    public double Gamma(double a)
    {
        Span<double> one = stackalloc double[1];
        Gamma(one, a);
        return one[0];
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.gamma(key, a, (n,), float32)</c>: element i is
    /// Marsaglia-Tsang on <c>split(key, n)[i]</c>. Within 2e-6 relative of JAX (a rejection decision can in principle
    /// flip on an ulp-level difference; none does in JAX's test values).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="a">The shape; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is not positive and finite.</exception>
    public void Gamma(Span<float> destination, float a)
    {
        CatalogueArgument.ThrowIfNotPositive(a, nameof(a));
        GammaSampling.Fill(this, destination, stackalloc float[] { a }, logSpace: false);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.gamma(key, a, (n,), float64)</c> (x64).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="a">The shape; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is not positive and finite.</exception>
    public void Gamma(Span<double> destination, double a)
    {
        CatalogueArgument.ThrowIfNotPositive(a, nameof(a));
        GammaSampling.Fill(this, destination, stackalloc double[] { a }, logSpace: false);
    }

    /// <summary>
    /// The log of a Gamma(a, 1) draw, in float32: <c>jax.random.loggamma(key, a, (), float32)</c>, accurate for small
    /// shapes where the draw itself underflows. <paramref name="a"/> = 0 is accepted because JAX defines it (its NaN
    /// corner-case test pins <c>loggamma(key, 0.0)</c>).
    /// </summary>
    /// <param name="a">The shape; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is negative, NaN or infinite.</exception>
    public float LogGammaSingle(float a)
    {
        Span<float> one = stackalloc float[1];
        LogGamma(one, a);
        return one[0];
    }

    /// <summary>The log of a Gamma(a, 1) draw in float64: <c>jax.random.loggamma(key, a, (), float64)</c> with <c>jax_enable_x64</c>.</summary>
    /// <param name="a">The shape; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is negative, NaN or infinite.</exception>
    public double LogGamma(double a)
    {
        Span<double> one = stackalloc double[1];
        LogGamma(one, a);
        return one[0];
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.loggamma(key, a, (n,), float32)</c> (key i = <c>split(key, n)[i]</c>).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="a">The shape; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is negative, NaN or infinite.</exception>
    public void LogGamma(Span<float> destination, float a)
    {
        CatalogueArgument.ThrowIfNegative(a, nameof(a));
        GammaSampling.Fill(this, destination, stackalloc float[] { a }, logSpace: true);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.loggamma(key, a, (n,), float64)</c> (x64).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="a">The shape; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is negative, NaN or infinite.</exception>
    public void LogGamma(Span<double> destination, double a)
    {
        CatalogueArgument.ThrowIfNegative(a, nameof(a));
        GammaSampling.Fill(this, destination, stackalloc double[] { a }, logSpace: true);
    }

    /// <summary>
    /// A Beta(a, b) draw in float32: <c>jax.random.beta(key, a, b, (), float32)</c>. JAX splits the key
    /// (<c>ka, kb = split(key)</c>), draws <c>loggamma(ka, a)</c> and <c>loggamma(kb, b)</c> and returns their normalised ratio.
    /// </summary>
    /// <param name="a">The first shape; positive and finite.</param>
    /// <param name="b">The second shape; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> or <paramref name="b"/> is not positive and finite.</exception>
    public float BetaSingle(float a, float b)
    {
        Span<float> one = stackalloc float[1];
        Beta(one, a, b);
        return one[0];
    }

    /// <summary>A Beta(a, b) draw in float64: <c>jax.random.beta(key, a, b, (), float64)</c> with <c>jax_enable_x64</c>.</summary>
    /// <param name="a">The first shape; positive and finite.</param>
    /// <param name="b">The second shape; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> or <paramref name="b"/> is not positive and finite.</exception>
    public double Beta(double a, double b)
    {
        Span<double> one = stackalloc double[1];
        Beta(one, a, b);
        return one[0];
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.beta(key, a, b, (n,), float32)</c>.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="a">The first shape; positive and finite.</param>
    /// <param name="b">The second shape; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> or <paramref name="b"/> is not positive and finite.</exception>
    public void Beta(Span<float> destination, float a, float b)
    {
        CatalogueArgument.ThrowIfNotPositive(a, nameof(a));
        CatalogueArgument.ThrowIfNotPositive(b, nameof(b));
        GammaSampling.Beta(this, destination, a, b);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.beta(key, a, b, (n,), float64)</c> (x64).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="a">The first shape; positive and finite.</param>
    /// <param name="b">The second shape; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> or <paramref name="b"/> is not positive and finite.</exception>
    public void Beta(Span<double> destination, double a, double b)
    {
        CatalogueArgument.ThrowIfNotPositive(a, nameof(a));
        CatalogueArgument.ThrowIfNotPositive(b, nameof(b));
        GammaSampling.Beta(this, destination, a, b);
    }

    /// <summary>
    /// Fills <paramref name="destination"/>, row-major with rows of <c>alpha.Length</c>, with
    /// <c>jax.random.dirichlet(key, alpha, (rows,), float32)</c> = <c>softmax(loggamma(key, alpha, (rows, k)), -1)</c>.
    /// </summary>
    /// <param name="alpha">The concentrations (k of them); each positive and finite.</param>
    /// <param name="destination">The output, <c>rows * alpha.Length</c> long; row r holds draw r.</param>
    /// <exception cref="ArgumentOutOfRangeException">A concentration is not positive and finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/>'s length is not a multiple of <c>alpha.Length</c>.</exception>
    public void Dirichlet(ReadOnlySpan<float> alpha, Span<float> destination)
    {
        CatalogueArgument.ThrowIfNotPositive(alpha, nameof(alpha));
        CatalogueArgument.Rows(destination.Length, alpha.Length, nameof(destination));
        GammaSampling.Dirichlet(this, destination, alpha);
    }

    /// <summary>
    /// Fills <paramref name="destination"/>, row-major with rows of <c>alpha.Length</c>, with
    /// <c>jax.random.dirichlet(key, alpha, (rows,), float64)</c> (x64).
    /// </summary>
    /// <param name="alpha">The concentrations (k of them); each positive and finite.</param>
    /// <param name="destination">The output, <c>rows * alpha.Length</c> long; row r holds draw r.</param>
    /// <exception cref="ArgumentOutOfRangeException">A concentration is not positive and finite.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/>'s length is not a multiple of <c>alpha.Length</c>.</exception>
    public void Dirichlet(ReadOnlySpan<double> alpha, Span<double> destination)
    {
        CatalogueArgument.ThrowIfNotPositive(alpha, nameof(alpha));
        CatalogueArgument.Rows(destination.Length, alpha.Length, nameof(destination));
        GammaSampling.Dirichlet(this, destination, alpha);
    }

    /// <summary>A chi-square draw in float32: <c>jax.random.chisquare(key, df, (), float32)</c> = <c>2 * exp(loggamma(key, df / 2))</c>.</summary>
    /// <param name="df">The degrees of freedom; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="df"/> is not positive and finite.</exception>
    public float ChiSquareSingle(float df)
    {
        Span<float> one = stackalloc float[1];
        ChiSquare(one, df);
        return one[0];
    }

    /// <summary>A chi-square draw in float64: <c>jax.random.chisquare(key, df, (), float64)</c> with <c>jax_enable_x64</c>.</summary>
    /// <param name="df">The degrees of freedom; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="df"/> is not positive and finite.</exception>
    public double ChiSquare(double df)
    {
        Span<double> one = stackalloc double[1];
        ChiSquare(one, df);
        return one[0];
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.chisquare(key, df, (n,), float32)</c>.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="df">The degrees of freedom; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="df"/> is not positive and finite.</exception>
    public void ChiSquare(Span<float> destination, float df)
    {
        CatalogueArgument.ThrowIfNotPositive(df, nameof(df));
        GammaSampling.Fill(this, destination, stackalloc float[] { df / 2f }, logSpace: true);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Transcendentals.Exp(destination[i]) * 2f;
        }
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.chisquare(key, df, (n,), float64)</c> (x64).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="df">The degrees of freedom; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="df"/> is not positive and finite.</exception>
    public void ChiSquare(Span<double> destination, double df)
    {
        CatalogueArgument.ThrowIfNotPositive(df, nameof(df));
        GammaSampling.Fill(this, destination, stackalloc double[] { df / 2d }, logSpace: true);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Transcendentals.Exp(destination[i]) * 2d;
        }
    }

    /// <summary>
    /// A Student's t draw in float32: <c>jax.random.t(key, df, (), float32)</c>. JAX splits the key
    /// (<c>kn, kg = split(key)</c>) and returns <c>normal(kn) * sqrt((df / 2) / gamma(kg, df / 2))</c>.
    /// </summary>
    /// <param name="df">The degrees of freedom; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="df"/> is not positive and finite.</exception>
    public float StudentTSingle(float df)
    {
        Span<float> one = stackalloc float[1];
        StudentT(one, df);
        return one[0];
    }

    /// <summary>A Student's t draw in float64: <c>jax.random.t(key, df, (), float64)</c> with <c>jax_enable_x64</c>.</summary>
    /// <param name="df">The degrees of freedom; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="df"/> is not positive and finite.</exception>
    public double StudentT(double df)
    {
        Span<double> one = stackalloc double[1];
        StudentT(one, df);
        return one[0];
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.t(key, df, (n,), float32)</c>.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="df">The degrees of freedom; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="df"/> is not positive and finite.</exception>
    public void StudentT(Span<float> destination, float df)
    {
        CatalogueArgument.ThrowIfNotPositive(df, nameof(df));
        GammaSampling.StudentT(this, destination, df);
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.t(key, df, (n,), float64)</c> (x64).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="df">The degrees of freedom; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="df"/> is not positive and finite.</exception>
    public void StudentT(Span<double> destination, double df)
    {
        CatalogueArgument.ThrowIfNotPositive(df, nameof(df));
        GammaSampling.StudentT(this, destination, df);
    }
}
