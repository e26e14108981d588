using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.gamma</c> and <c>loggamma</c> (section 9.9 of jax-prng.md): Marsaglia-Tsang as JAX implements it,
/// element i of shape (n,) drawn with <c>split(key, n)[i]</c>; shape &lt; 1 is boosted to shape + 1 and corrected by
/// <c>U^(1/a)</c> (in log space: <c>log1p(-U) / a</c>). Also <c>beta</c>, <c>dirichlet</c>, <c>chisquare</c> and <c>t</c>,
/// which JAX builds on it.
/// </summary>
internal static class GammaSampling
{
    /// <summary>(float32)(1/3), as <c>lax._const(alpha, 1/3)</c>.</summary>
    private const float OneThirdSingle = 1f / 3f;

    /// <summary>Marsaglia-Tsang's squeeze constant.</summary>
    private const float SqueezeSingle = 0.0331f;

    private const double OneThirdDouble = 1d / 3d;

    private const double SqueezeDouble = 0.0331;


    /// <summary><c>_gamma_one(key, alpha, log_space)</c> in float32.</summary>
    internal static float OneSingle(PrngKey key, float alpha, bool logSpace)
    {
        bool boost = alpha >= 1f;
        float alphaOrig = alpha;
        if (!boost)
        {
            alpha += 1f;
        }

        float d = alpha - OneThirdSingle;
        float c = OneThirdSingle / (float)Math.Sqrt(d);
        var (loopKey, subkey) = key.Split();
        float bigX = 0f, bigV = 1f, bigU = 2f;
        Span<PrngKey> keys = stackalloc PrngKey[3];
        while (bigU >= 1f - (SqueezeSingle * (bigX * bigX))
            && Transcendentals.Log(bigU) >= (bigX * 0.5f) + (d * ((1f - bigV) + Transcendentals.Log(bigV))))
        {
            loopKey.Split(keys);
            loopKey = keys[0];
            PrngKey xKey = keys[1];
            float x = 0f, v = -1f;
            while (v <= 0f)
            {
                PrngKey normalKey;
                (xKey, normalKey) = xKey.Split();
                x = CatalogueDraws.NormalSingle(normalKey);
                v = 1f + (x * c);
            }

            bigX = x * x;
            bigV = v * v * v;
            bigU = CatalogueDraws.UnitSingle(keys[2]);
        }

        float u = CatalogueDraws.UnitSingle(subkey);
        if (logSpace)
        {
            // -exponential(subkey) = log1p(-u); the select keeps 0 * inf (alpha = 0) from making a NaN (JAX #17922).
            float logSample = Transcendentals.Log1p(-u);
            float logBoost = boost || logSample == 0f ? 0f : logSample * (1f / alphaOrig);
            return Transcendentals.Log(d) + Transcendentals.Log(bigV) + logBoost;
        }

        float boostFactor = boost ? 1f : Power.Pow(1f - u, 1f / alphaOrig);
        return d * bigV * boostFactor;
    }

    /// <summary><c>_gamma_one(key, alpha, log_space)</c> in float64 (x64).</summary>
    internal static double OneDouble(PrngKey key, double alpha, bool logSpace)
    {
        bool boost = alpha >= 1d;
        double alphaOrig = alpha;
        if (!boost)
        {
            alpha += 1d;
        }

        double d = alpha - OneThirdDouble;
        double c = OneThirdDouble / Math.Sqrt(d);
        var (loopKey, subkey) = key.Split();
        double bigX = 0d, bigV = 1d, bigU = 2d;
        Span<PrngKey> keys = stackalloc PrngKey[3];
        while (bigU >= 1d - (SqueezeDouble * (bigX * bigX))
            && Transcendentals.Log(bigU) >= (bigX * 0.5d) + (d * ((1d - bigV) + Transcendentals.Log(bigV))))
        {
            loopKey.Split(keys);
            loopKey = keys[0];
            PrngKey xKey = keys[1];
            double x = 0d, v = -1d;
            while (v <= 0d)
            {
                PrngKey normalKey;
                (xKey, normalKey) = xKey.Split();
                x = CatalogueDraws.NormalDouble(normalKey);
                v = 1d + (x * c);
            }

            bigX = x * x;
            bigV = v * v * v;
            bigU = CatalogueDraws.UnitDouble(keys[2]);
        }

        double u = CatalogueDraws.UnitDouble(subkey);
        if (logSpace)
        {
            double logSample = Transcendentals.Log1p(-u);
            double logBoost = boost || logSample == 0d ? 0d : logSample * (1d / alphaOrig);
            return Transcendentals.Log(d) + Transcendentals.Log(bigV) + logBoost;
        }

        double boostFactor = boost ? 1d : Power.Pow(1d - u, 1d / alphaOrig);
        return d * bigV * boostFactor;
    }

    /// <summary>
    /// <c>gamma(key, alpha, (n,))</c> or <c>loggamma</c> with one shape per element (<paramref name="alpha"/> repeats
    /// with period <c>alpha.Length</c>, i.e. alpha broadcast over rows): element i uses <c>split(key, n)[i]</c>.
    /// </summary>
    internal static void Fill(PrngKey key, Span<float> destination, ReadOnlySpan<float> alpha, bool logSpace)
    {
        PrngKey[] keys = key.Split(destination.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = OneSingle(keys[i], alpha[i % alpha.Length], logSpace);
        }
    }

    internal static void Fill(PrngKey key, Span<double> destination, ReadOnlySpan<double> alpha, bool logSpace)
    {
        PrngKey[] keys = key.Split(destination.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = OneDouble(keys[i], alpha[i % alpha.Length], logSpace);
        }
    }

    /// <summary><c>beta(key, a, b, (n,))</c>: <c>ka, kb = split(key)</c>, two loggamma draws, a max-shifted ratio.</summary>
    internal static void Beta(PrngKey key, Span<float> destination, float a, float b)
    {
        var (keyA, keyB) = key.Split();
        Fill(keyA, destination, stackalloc float[] { a }, logSpace: true);
        float[] logB = new float[destination.Length];
        Fill(keyB, logB, stackalloc float[] { b }, logSpace: true);
        for (int i = 0; i < destination.Length; i++)
        {
            float la = destination[i], lb = logB[i];
            float max = Math.Max(la, lb);
            float ea = Transcendentals.Exp(la - max);
            float eb = Transcendentals.Exp(lb - max);
            destination[i] = ea / (ea + eb);
        }
    }

    internal static void Beta(PrngKey key, Span<double> destination, double a, double b)
    {
        var (keyA, keyB) = key.Split();
        Fill(keyA, destination, stackalloc double[] { a }, logSpace: true);
        double[] logB = new double[destination.Length];
        Fill(keyB, logB, stackalloc double[] { b }, logSpace: true);
        for (int i = 0; i < destination.Length; i++)
        {
            double la = destination[i], lb = logB[i];
            double max = Math.Max(la, lb);
            double ea = Transcendentals.Exp(la - max);
            double eb = Transcendentals.Exp(lb - max);
            destination[i] = ea / (ea + eb);
        }
    }

    /// <summary><c>dirichlet(key, alpha, (rows,))</c> = <c>softmax(loggamma(key, alpha, (rows, k)), -1)</c>.</summary>
    internal static void Dirichlet(PrngKey key, Span<float> destination, ReadOnlySpan<float> alpha)
    {
        Fill(key, destination, alpha, logSpace: true);
        int k = alpha.Length;
        for (int row = 0; row + k <= destination.Length; row += k)
        {
            Span<float> r = destination.Slice(row, k);
            float max = float.NegativeInfinity;
            foreach (float x in r)
            {
                max = Math.Max(max, x);
            }

            float sum = 0f;
            for (int j = 0; j < k; j++)
            {
                r[j] = Transcendentals.Exp(r[j] - max);
                sum += r[j];
            }

            for (int j = 0; j < k; j++)
            {
                r[j] /= sum;
            }
        }
    }

    internal static void Dirichlet(PrngKey key, Span<double> destination, ReadOnlySpan<double> alpha)
    {
        Fill(key, destination, alpha, logSpace: true);
        int k = alpha.Length;
        for (int row = 0; row + k <= destination.Length; row += k)
        {
            Span<double> r = destination.Slice(row, k);
            double max = double.NegativeInfinity;
            foreach (double x in r)
            {
                max = Math.Max(max, x);
            }

            double sum = 0d;
            for (int j = 0; j < k; j++)
            {
                r[j] = Transcendentals.Exp(r[j] - max);
                sum += r[j];
            }

            for (int j = 0; j < k; j++)
            {
                r[j] /= sum;
            }
        }
    }

    /// <summary><c>t(key, df, (n,))</c>: <c>kn, kg = split(key)</c>; <c>normal(kn) * sqrt((df / 2) / gamma(kg, df / 2))</c>.</summary>
    internal static void StudentT(PrngKey key, Span<float> destination, float df)
    {
        var (normalKey, gammaKey) = key.Split();
        float halfDf = df / 2f;
        float[] gammas = new float[destination.Length];
        Fill(gammaKey, gammas, stackalloc float[] { halfDf }, logSpace: false);
        Span<uint> bits = CatalogueDraws.Words(normalKey, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            float n = NormalSampling.FromBits(bits[i]);
            destination[i] = n * (float)Math.Sqrt(halfDf / gammas[i]);
        }
    }

    internal static void StudentT(PrngKey key, Span<double> destination, double df)
    {
        var (normalKey, gammaKey) = key.Split();
        double halfDf = df / 2d;
        double[] gammas = new double[destination.Length];
        Fill(gammaKey, gammas, stackalloc double[] { halfDf }, logSpace: false);
        Span<ulong> bits = CatalogueDraws.Words(normalKey, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            double n = NormalSampling.FromBits(bits[i]);
            destination[i] = n * Math.Sqrt(halfDf / gammas[i]);
        }
    }
}
