using System;

namespace RandomPurity;

// Integer-valued samplers of the jax.random catalogue: exact (bit-for-bit JAX) wherever no transcendental function
// decides the result, and otherwise exact unless an ulp-level difference flips a comparison.
public readonly partial struct PrngKey
{
    /// <summary>
    /// -1 or +1 with equal probability: <c>jax.random.rademacher(key, (), int32)</c> =
    /// <c>2 * bernoulli(key, 0.5) - 1</c> (float32 p, JAX's default mode). Exact.
    /// </summary>
    public int Rademacher() => UniformSampling.UnitSingle(CounterStream.Scalar32(this)) < 0.5f ? 1 : -1;

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.rademacher(key, (n,), int32)</c>. Exact.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void Rademacher(Span<int> destination)
    {
        CounterStream.Words32(this, destination.Length, 0, System.Runtime.InteropServices.MemoryMarshal.Cast<int, uint>(destination));
        Span<uint> bits = System.Runtime.InteropServices.MemoryMarshal.Cast<int, uint>(destination);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = UniformSampling.UnitSingle(bits[i]) < 0.5f ? 1 : -1;
        }
    }

    /// <summary>
    /// The number of Bernoulli(p) trials up to and including the first success: <c>jax.random.geometric(key, p, (), int32)</c>
    /// with a float32 p: <c>floor(log(u) / log1p(-p)) + 1</c>, <c>u = uniform(key)</c> (0 mapped to 1). Exact unless an
    /// ulp-level difference of the logarithms crosses an integer; results beyond int.MaxValue saturate.
    /// </summary>
    /// <param name="p">The success probability, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside (0, 1].</exception>
    public int Geometric(float p)
    {
        CheckSuccessProbability(p);
        return GeometricSampling.FromUnit(UniformSampling.UnitSingle(CounterStream.Scalar32(this)), Transcendentals.Log1p(-p));
    }

    /// <summary>
    /// <c>jax.random.geometric(key, p, (), int64)</c> with a float64 p (x64 mode): <c>floor(log(u) / log1p(-p)) + 1</c>.
    /// </summary>
    /// <param name="p">The success probability, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside (0, 1].</exception>
    public long Geometric(double p)
    {
        CheckSuccessProbability(p);
        return GeometricSampling.FromUnit(UniformSampling.UnitDouble(CounterStream.Scalar64(this)), Transcendentals.Log1p(-p));
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.geometric(key, p, (n,), int32)</c> for a float32 p.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="p">The success probability, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside (0, 1].</exception>
    public void Geometric(Span<int> destination, float p)
    {
        CheckSuccessProbability(p);
        float logOneMinusP = Transcendentals.Log1p(-p);
        Span<uint> bits = System.Runtime.InteropServices.MemoryMarshal.Cast<int, uint>(destination);
        CounterStream.Words32(this, destination.Length, 0, bits);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = GeometricSampling.FromUnit(UniformSampling.UnitSingle(bits[i]), logOneMinusP);
        }
    }

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.geometric(key, p, (n,), int64)</c> for a float64 p (x64).</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="p">The success probability, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside (0, 1].</exception>
    public void Geometric(Span<long> destination, double p)
    {
        CheckSuccessProbability(p);
        double logOneMinusP = Transcendentals.Log1p(-p);
        Span<ulong> bits = System.Runtime.InteropServices.MemoryMarshal.Cast<long, ulong>(destination);
        CounterStream.Words64(this, destination.Length, 0, bits);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = GeometricSampling.FromUnit(UniformSampling.UnitDouble(bits[i]), logOneMinusP);
        }
    }

    /// <summary>
    /// A Poisson(lam) draw: <c>jax.random.poisson(key, lam, (), int32)</c> (method 'exact'; lam in float32 as JAX converts
    /// it): Knuth's product of uniforms for lam &lt; 10, Hörmann's transformed rejection otherwise. Exact unless an
    /// ulp-level difference of a logarithm flips a comparison. From lam = 1000 the rejection step computes in float64
    /// where JAX uses float32, whose rounding there skews the distribution (JAX fails a chi-square test at 1e5 and
    /// returns only multiples of 8 at 1e8); the draws and steps are JAX's.
    /// </summary>
    /// <param name="lam">The rate; non-negative, at most 2e9 (so that the count fits an int). 0 gives 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lam"/> is negative, NaN, or above 2e9.</exception>
    public int Poisson(float lam)
    {
        Span<int> one = stackalloc int[1];
        Poisson(one, lam);
        return one[0];
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with <c>jax.random.poisson(key, lam, (n,), int32)</c>. As in JAX the loops
    /// run over the whole array, each iteration splitting the key and drawing n uniforms. From lam = 1000 the
    /// rejection step computes in float64 (see <see cref="Poisson(float)"/>).
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="lam">The rate; non-negative, at most 2e9 (so that the count fits an int). 0 gives 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lam"/> is negative, NaN, or above 2e9.</exception>
    public void Poisson(Span<int> destination, float lam)
    {
        CatalogueArgument.ThrowIfNegative(lam, nameof(lam));
        if (lam > PoissonSampling.MaxRate)
        {
            throw new ArgumentOutOfRangeException(nameof(lam), lam, "lam must be at most 2e9: larger rates give counts beyond int.MaxValue.");
        }

        PoissonSampling.Fill(this, destination, lam);
    }

    private static void CheckSuccessProbability(double p)
    {
        if (!(p > 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The success probability must be in (0, 1].");
        }
    }
}
