using System;

namespace RandomPurity;

// The elementwise samplers of the jax.random catalogue, all written to one pattern: each is a transform of one
// uniform or normal draw per element, so element i of the bulk form is JAX's element i of shape (n,), and the scalar
// form is JAX's shape () (= element 0 of a one-element bulk draw, in both modes).
public readonly partial struct PrngKey
{
    /// <summary>
    /// An exponential draw with rate 1 in float32: <c>jax.random.exponential(key, (), float32)</c>:
    /// <c>-log1p(-uniform(key))</c>. Within 2e-6 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    public float ExponentialSingle()
    {
        uint word = CounterStream.Scalar32(this);
        return ExponentialSampling.FromUnit(UniformSampling.UnitSingle(word));
    }

    /// <summary>
    /// An exponential draw with rate 1 in float64: <c>jax.random.exponential(key, (), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>-log1p(-uniform(key))</c>. Within 1e-12 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    public double Exponential()
    {
        ulong word = CounterStream.Scalar64(this);
        return ExponentialSampling.FromUnit(UniformSampling.UnitDouble(word));
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.exponential(key, (n,), float32)</c>:
    /// <c>-log1p(-uniform(key))</c>. Within 2e-6 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Exponential(Span<float> destination)
    {
        Span<uint> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            uint word = bits[i];
            destination[i] = ExponentialSampling.FromUnit(UniformSampling.UnitSingle(word));
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.exponential(key, (n,), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>-log1p(-uniform(key))</c>. Within 1e-12 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Exponential(Span<double> destination)
    {
        Span<ulong> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong word = bits[i];
            destination[i] = ExponentialSampling.FromUnit(UniformSampling.UnitDouble(word));
        }
    }

    /// <summary>
    /// A standard Gumbel draw in float32: <c>jax.random.gumbel(key, (), float32)</c>:
    /// <c>-log(-log(uniform(key, minval=tiny, maxval=1)))</c> (JAX's default <c>mode='low'</c>). Within 2e-6 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    public float GumbelSingle()
    {
        uint word = CounterStream.Scalar32(this);
        return GumbelSampling.FromBits(word);
    }

    /// <summary>
    /// A standard Gumbel draw in float64: <c>jax.random.gumbel(key, (), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>-log(-log(uniform(key, minval=tiny, maxval=1)))</c> (JAX's default <c>mode='low'</c>). Within 1e-12 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    public double Gumbel()
    {
        ulong word = CounterStream.Scalar64(this);
        return GumbelSampling.FromBits(word);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.gumbel(key, (n,), float32)</c>:
    /// <c>-log(-log(uniform(key, minval=tiny, maxval=1)))</c> (JAX's default <c>mode='low'</c>). Within 2e-6 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Gumbel(Span<float> destination)
    {
        Span<uint> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            uint word = bits[i];
            destination[i] = GumbelSampling.FromBits(word);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.gumbel(key, (n,), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>-log(-log(uniform(key, minval=tiny, maxval=1)))</c> (JAX's default <c>mode='low'</c>). Within 1e-12 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Gumbel(Span<double> destination)
    {
        Span<ulong> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong word = bits[i];
            destination[i] = GumbelSampling.FromBits(word);
        }
    }

    /// <summary>
    /// A standard Laplace draw in float32: <c>jax.random.laplace(key, (), float32)</c>:
    /// <c>sign(u) * log1p(-|u|)</c> with <c>u = uniform(key, minval=-1 + epsneg, maxval=1)</c>. Within 2e-6 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    public float LaplaceSingle()
    {
        uint word = CounterStream.Scalar32(this);
        return LaplaceSampling.FromBits(word);
    }

    /// <summary>
    /// A standard Laplace draw in float64: <c>jax.random.laplace(key, (), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>sign(u) * log1p(-|u|)</c> with <c>u = uniform(key, minval=-1 + epsneg, maxval=1)</c>. Within 1e-12 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    public double Laplace()
    {
        ulong word = CounterStream.Scalar64(this);
        return LaplaceSampling.FromBits(word);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.laplace(key, (n,), float32)</c>:
    /// <c>sign(u) * log1p(-|u|)</c> with <c>u = uniform(key, minval=-1 + epsneg, maxval=1)</c>. Within 2e-6 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Laplace(Span<float> destination)
    {
        Span<uint> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            uint word = bits[i];
            destination[i] = LaplaceSampling.FromBits(word);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.laplace(key, (n,), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>sign(u) * log1p(-|u|)</c> with <c>u = uniform(key, minval=-1 + epsneg, maxval=1)</c>. Within 1e-12 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Laplace(Span<double> destination)
    {
        Span<ulong> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong word = bits[i];
            destination[i] = LaplaceSampling.FromBits(word);
        }
    }

    /// <summary>
    /// A standard logistic draw in float32: <c>jax.random.logistic(key, (), float32)</c>:
    /// <c>log(x) - log1p(-x)</c> with <c>x = uniform(key, minval=tiny, maxval=1)</c>. Within 2e-6 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    public float LogisticSingle()
    {
        uint word = CounterStream.Scalar32(this);
        return LogisticSampling.FromBits(word);
    }

    /// <summary>
    /// A standard logistic draw in float64: <c>jax.random.logistic(key, (), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>log(x) - log1p(-x)</c> with <c>x = uniform(key, minval=tiny, maxval=1)</c>. Within 1e-12 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    public double Logistic()
    {
        ulong word = CounterStream.Scalar64(this);
        return LogisticSampling.FromBits(word);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.logistic(key, (n,), float32)</c>:
    /// <c>log(x) - log1p(-x)</c> with <c>x = uniform(key, minval=tiny, maxval=1)</c>. Within 2e-6 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Logistic(Span<float> destination)
    {
        Span<uint> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            uint word = bits[i];
            destination[i] = LogisticSampling.FromBits(word);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.logistic(key, (n,), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>log(x) - log1p(-x)</c> with <c>x = uniform(key, minval=tiny, maxval=1)</c>. Within 1e-12 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Logistic(Span<double> destination)
    {
        Span<ulong> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong word = bits[i];
            destination[i] = LogisticSampling.FromBits(word);
        }
    }

    /// <summary>
    /// A standard Cauchy draw in float32: <c>jax.random.cauchy(key, (), float32)</c>:
    /// <c>tan(pi * (u - 0.5))</c> with <c>u = uniform(key, minval=eps, maxval=1)</c>. Within 2e-6 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    public float CauchySingle()
    {
        uint word = CounterStream.Scalar32(this);
        return CauchySampling.FromBits(word);
    }

    /// <summary>
    /// A standard Cauchy draw in float64: <c>jax.random.cauchy(key, (), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>tan(pi * (u - 0.5))</c> with <c>u = uniform(key, minval=eps, maxval=1)</c>. Within 1e-12 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    public double Cauchy()
    {
        ulong word = CounterStream.Scalar64(this);
        return CauchySampling.FromBits(word);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.cauchy(key, (n,), float32)</c>:
    /// <c>tan(pi * (u - 0.5))</c> with <c>u = uniform(key, minval=eps, maxval=1)</c>. Within 2e-6 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Cauchy(Span<float> destination)
    {
        Span<uint> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            uint word = bits[i];
            destination[i] = CauchySampling.FromBits(word);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.cauchy(key, (n,), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>tan(pi * (u - 0.5))</c> with <c>u = uniform(key, minval=eps, maxval=1)</c>. Within 1e-12 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Cauchy(Span<double> destination)
    {
        Span<ulong> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong word = bits[i];
            destination[i] = CauchySampling.FromBits(word);
        }
    }

    /// <summary>
    /// A Pareto draw with scale 1 in float32: <c>jax.random.pareto(key, b, (), float32)</c>:
    /// <c>exp(exponential(key) / b)</c>. Within 2e-6 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    /// <param name="b">The shape (tail index); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="b"/> is out of range (see the parameter docs) or NaN.</exception>
    public float ParetoSingle(float b)
    {
        CatalogueArgument.ThrowIfNotPositive(b, nameof(b));
        uint word = CounterStream.Scalar32(this);
        return ExponentialSampling.Pareto(ExponentialSampling.FromUnit(UniformSampling.UnitSingle(word)), b);
    }

    /// <summary>
    /// A Pareto draw with scale 1 in float64: <c>jax.random.pareto(key, b, (), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>exp(exponential(key) / b)</c>. Within 1e-12 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    /// <param name="b">The shape (tail index); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="b"/> is out of range (see the parameter docs) or NaN.</exception>
    public double Pareto(double b)
    {
        CatalogueArgument.ThrowIfNotPositive(b, nameof(b));
        ulong word = CounterStream.Scalar64(this);
        return ExponentialSampling.Pareto(ExponentialSampling.FromUnit(UniformSampling.UnitDouble(word)), b);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.pareto(key, b, (n,), float32)</c>:
    /// <c>exp(exponential(key) / b)</c>. Within 2e-6 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="b">The shape (tail index); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="b"/> is out of range (see the parameter docs) or NaN.</exception>
    public void Pareto(Span<float> destination, float b)
    {
        CatalogueArgument.ThrowIfNotPositive(b, nameof(b));
        Span<uint> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            uint word = bits[i];
            destination[i] = ExponentialSampling.Pareto(ExponentialSampling.FromUnit(UniformSampling.UnitSingle(word)), b);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.pareto(key, b, (n,), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>exp(exponential(key) / b)</c>. Within 1e-12 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="b">The shape (tail index); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="b"/> is out of range (see the parameter docs) or NaN.</exception>
    public void Pareto(Span<double> destination, double b)
    {
        CatalogueArgument.ThrowIfNotPositive(b, nameof(b));
        Span<ulong> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong word = bits[i];
            destination[i] = ExponentialSampling.Pareto(ExponentialSampling.FromUnit(UniformSampling.UnitDouble(word)), b);
        }
    }

    /// <summary>
    /// A Weibull draw in float32: <c>jax.random.weibull_min(key, scale, concentration, (), float32)</c>:
    /// <c>(-log1p(-uniform(key))) ** (1 / concentration) * scale</c>. Within 2e-6 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <param name="concentration">The shape (concentration); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> or <paramref name="concentration"/> is out of range (see the parameter docs) or NaN.</exception>
    public float WeibullSingle(float scale, float concentration)
    {
        CatalogueArgument.ThrowIfNegative(scale, nameof(scale));
        CatalogueArgument.ThrowIfNotPositive(concentration, nameof(concentration));
        float inverse = 1f / concentration;
        uint word = CounterStream.Scalar32(this);
        return WeibullSampling.Weibull(UniformSampling.UnitSingle(word), scale, inverse);
    }

    /// <summary>
    /// A Weibull draw in float64: <c>jax.random.weibull_min(key, scale, concentration, (), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>(-log1p(-uniform(key))) ** (1 / concentration) * scale</c>. Within 1e-12 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <param name="concentration">The shape (concentration); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> or <paramref name="concentration"/> is out of range (see the parameter docs) or NaN.</exception>
    public double Weibull(double scale, double concentration)
    {
        CatalogueArgument.ThrowIfNegative(scale, nameof(scale));
        CatalogueArgument.ThrowIfNotPositive(concentration, nameof(concentration));
        double inverse = 1d / concentration;
        ulong word = CounterStream.Scalar64(this);
        return WeibullSampling.Weibull(UniformSampling.UnitDouble(word), scale, inverse);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.weibull_min(key, scale, concentration, (n,), float32)</c>:
    /// <c>(-log1p(-uniform(key))) ** (1 / concentration) * scale</c>. Within 2e-6 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <param name="concentration">The shape (concentration); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> or <paramref name="concentration"/> is out of range (see the parameter docs) or NaN.</exception>
    public void Weibull(Span<float> destination, float scale, float concentration)
    {
        CatalogueArgument.ThrowIfNegative(scale, nameof(scale));
        CatalogueArgument.ThrowIfNotPositive(concentration, nameof(concentration));
        float inverse = 1f / concentration;
        Span<uint> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            uint word = bits[i];
            destination[i] = WeibullSampling.Weibull(UniformSampling.UnitSingle(word), scale, inverse);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.weibull_min(key, scale, concentration, (n,), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>(-log1p(-uniform(key))) ** (1 / concentration) * scale</c>. Within 1e-12 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <param name="concentration">The shape (concentration); positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> or <paramref name="concentration"/> is out of range (see the parameter docs) or NaN.</exception>
    public void Weibull(Span<double> destination, double scale, double concentration)
    {
        CatalogueArgument.ThrowIfNegative(scale, nameof(scale));
        CatalogueArgument.ThrowIfNotPositive(concentration, nameof(concentration));
        double inverse = 1d / concentration;
        Span<ulong> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong word = bits[i];
            destination[i] = WeibullSampling.Weibull(UniformSampling.UnitDouble(word), scale, inverse);
        }
    }

    /// <summary>
    /// A Rayleigh draw in float32: <c>jax.random.rayleigh(key, scale, (), float32)</c>:
    /// <c>scale * sqrt(-2 * log(uniform(key)))</c> (a zero uniform, +infinity in JAX, is refined from the unused low bits: finite always). Within 2e-6 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is out of range (see the parameter docs) or NaN.</exception>
    public float RayleighSingle(float scale)
    {
        CatalogueArgument.ThrowIfNegative(scale, nameof(scale));
        uint word = CounterStream.Scalar32(this);
        return WeibullSampling.Rayleigh(word, scale);
    }

    /// <summary>
    /// A Rayleigh draw in float64: <c>jax.random.rayleigh(key, scale, (), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>scale * sqrt(-2 * log(uniform(key)))</c> (a zero uniform, +infinity in JAX, is refined from the unused low bits: finite always). Within 1e-12 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is out of range (see the parameter docs) or NaN.</exception>
    public double Rayleigh(double scale)
    {
        CatalogueArgument.ThrowIfNegative(scale, nameof(scale));
        ulong word = CounterStream.Scalar64(this);
        return WeibullSampling.Rayleigh(word, scale);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.rayleigh(key, scale, (n,), float32)</c>:
    /// <c>scale * sqrt(-2 * log(uniform(key)))</c> (a zero uniform, +infinity in JAX, is refined from the unused low bits: finite always). Within 2e-6 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is out of range (see the parameter docs) or NaN.</exception>
    public void Rayleigh(Span<float> destination, float scale)
    {
        CatalogueArgument.ThrowIfNegative(scale, nameof(scale));
        Span<uint> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            uint word = bits[i];
            destination[i] = WeibullSampling.Rayleigh(word, scale);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.rayleigh(key, scale, (n,), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>scale * sqrt(-2 * log(uniform(key)))</c> (a zero uniform, +infinity in JAX, is refined from the unused low bits: finite always). Within 1e-12 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="scale">The scale; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is out of range (see the parameter docs) or NaN.</exception>
    public void Rayleigh(Span<double> destination, double scale)
    {
        CatalogueArgument.ThrowIfNegative(scale, nameof(scale));
        Span<ulong> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong word = bits[i];
            destination[i] = WeibullSampling.Rayleigh(word, scale);
        }
    }

    /// <summary>
    /// A log-normal draw in float32: <c>jax.random.lognormal(key, sigma, (), float32)</c>:
    /// <c>exp(normal(key) * sigma)</c>. Within 2e-6 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    /// <param name="sigma">The standard deviation of the underlying normal; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is out of range (see the parameter docs) or NaN.</exception>
    public float LogNormalSingle(float sigma = 1f)
    {
        CatalogueArgument.ThrowIfNegative(sigma, nameof(sigma));
        uint word = CounterStream.Scalar32(this);
        return Transcendentals.Exp(NormalSampling.FromBits(word) * sigma);
    }

    /// <summary>
    /// A log-normal draw in float64: <c>jax.random.lognormal(key, sigma, (), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>exp(normal(key) * sigma)</c>. Within 1e-12 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    /// <param name="sigma">The standard deviation of the underlying normal; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is out of range (see the parameter docs) or NaN.</exception>
    public double LogNormal(double sigma = 1d)
    {
        CatalogueArgument.ThrowIfNegative(sigma, nameof(sigma));
        ulong word = CounterStream.Scalar64(this);
        return Transcendentals.Exp(NormalSampling.FromBits(word) * sigma);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.lognormal(key, sigma, (n,), float32)</c>:
    /// <c>exp(normal(key) * sigma)</c>. Within 2e-6 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="sigma">The standard deviation of the underlying normal; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is out of range (see the parameter docs) or NaN.</exception>
    public void LogNormal(Span<float> destination, float sigma = 1f)
    {
        CatalogueArgument.ThrowIfNegative(sigma, nameof(sigma));
        Span<uint> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            uint word = bits[i];
            destination[i] = Transcendentals.Exp(NormalSampling.FromBits(word) * sigma);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.lognormal(key, sigma, (n,), float64)</c> with <c>jax_enable_x64</c>:
    /// <c>exp(normal(key) * sigma)</c>. Within 1e-12 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="sigma">The standard deviation of the underlying normal; non-negative and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is out of range (see the parameter docs) or NaN.</exception>
    public void LogNormal(Span<double> destination, double sigma = 1d)
    {
        CatalogueArgument.ThrowIfNegative(sigma, nameof(sigma));
        Span<ulong> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong word = bits[i];
            destination[i] = Transcendentals.Exp(NormalSampling.FromBits(word) * sigma);
        }
    }

    /// <summary>
    /// A triangular draw in float32: <c>jax.random.triangular(key, left, mode, right, (), float32)</c>:
    /// the inverse CDF of <c>uniform(key)</c>: <c>u &lt; fc ? left + sqrt(u (right - left) (mode - left)) : right - sqrt((1 - u) (right - left) (right - mode))</c>. Within 2e-6 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    /// <param name="left">The lower limit; finite.</param>
    /// <param name="mode">The peak; in [left, right].</param>
    /// <param name="right">The upper limit; finite and greater than <paramref name="left"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="left"/> or <paramref name="mode"/> or <paramref name="right"/> is out of range (see the parameter docs) or NaN.</exception>
    public float TriangularSingle(float left, float mode, float right)
    {
        CatalogueArgument.ThrowIfNotFinite(left, nameof(left));
        CatalogueArgument.ThrowIfNotFinite(mode, nameof(mode));
        CatalogueArgument.ThrowIfNotFinite(right, nameof(right));
        CheckTriangular(left, mode, right);
        uint word = CounterStream.Scalar32(this);
        return TriangularSampling.FromUnit(UniformSampling.UnitSingle(word), left, mode, right);
    }

    /// <summary>
    /// A triangular draw in float64: <c>jax.random.triangular(key, left, mode, right, (), float64)</c> with <c>jax_enable_x64</c>:
    /// the inverse CDF of <c>uniform(key)</c>: <c>u &lt; fc ? left + sqrt(u (right - left) (mode - left)) : right - sqrt((1 - u) (right - left) (right - mode))</c>. Within 1e-12 relative of JAX; equal to element 0 of the one-element bulk form.
    /// </summary>
    /// <param name="left">The lower limit; finite.</param>
    /// <param name="mode">The peak; in [left, right].</param>
    /// <param name="right">The upper limit; finite and greater than <paramref name="left"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="left"/> or <paramref name="mode"/> or <paramref name="right"/> is out of range (see the parameter docs) or NaN.</exception>
    public double Triangular(double left, double mode, double right)
    {
        CatalogueArgument.ThrowIfNotFinite(left, nameof(left));
        CatalogueArgument.ThrowIfNotFinite(mode, nameof(mode));
        CatalogueArgument.ThrowIfNotFinite(right, nameof(right));
        CheckTriangular(left, mode, right);
        ulong word = CounterStream.Scalar64(this);
        return TriangularSampling.FromUnit(UniformSampling.UnitDouble(word), left, mode, right);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.triangular(key, left, mode, right, (n,), float32)</c>:
    /// the inverse CDF of <c>uniform(key)</c>: <c>u &lt; fc ? left + sqrt(u (right - left) (mode - left)) : right - sqrt((1 - u) (right - left) (right - mode))</c>. Within 2e-6 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="left">The lower limit; finite.</param>
    /// <param name="mode">The peak; in [left, right].</param>
    /// <param name="right">The upper limit; finite and greater than <paramref name="left"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="left"/> or <paramref name="mode"/> or <paramref name="right"/> is out of range (see the parameter docs) or NaN.</exception>
    public void Triangular(Span<float> destination, float left, float mode, float right)
    {
        CatalogueArgument.ThrowIfNotFinite(left, nameof(left));
        CatalogueArgument.ThrowIfNotFinite(mode, nameof(mode));
        CatalogueArgument.ThrowIfNotFinite(right, nameof(right));
        CheckTriangular(left, mode, right);
        Span<uint> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            uint word = bits[i];
            destination[i] = TriangularSampling.FromUnit(UniformSampling.UnitSingle(word), left, mode, right);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.triangular(key, left, mode, right, (n,), float64)</c> with <c>jax_enable_x64</c>:
    /// the inverse CDF of <c>uniform(key)</c>: <c>u &lt; fc ? left + sqrt(u (right - left) (mode - left)) : right - sqrt((1 - u) (right - left) (right - mode))</c>. Within 1e-12 relative of JAX (its transcendental functions differ by an ulp between backends).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="left">The lower limit; finite.</param>
    /// <param name="mode">The peak; in [left, right].</param>
    /// <param name="right">The upper limit; finite and greater than <paramref name="left"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="left"/> or <paramref name="mode"/> or <paramref name="right"/> is out of range (see the parameter docs) or NaN.</exception>
    public void Triangular(Span<double> destination, double left, double mode, double right)
    {
        CatalogueArgument.ThrowIfNotFinite(left, nameof(left));
        CatalogueArgument.ThrowIfNotFinite(mode, nameof(mode));
        CatalogueArgument.ThrowIfNotFinite(right, nameof(right));
        CheckTriangular(left, mode, right);
        Span<ulong> bits = CatalogueDraws.Words(this, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            ulong word = bits[i];
            destination[i] = TriangularSampling.FromUnit(UniformSampling.UnitDouble(word), left, mode, right);
        }
    }

    private static void CheckTriangular(double left, double mode, double right)
    {
        if (!(left < right))
        {
            throw new ArgumentOutOfRangeException(nameof(right), right, "right must be greater than left.");
        }

        if (!(mode >= left && mode <= right))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be in [left, right].");
        }
    }
}
