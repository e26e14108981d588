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

    /// <summary>Scratch of up to this many elements lives on the stack, so scalar draws (n = 1) allocate nothing.</summary>
    internal const int StackLimit = 64;

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
        Span<PrngKey> keys = destination.Length <= StackLimit ? stackalloc PrngKey[destination.Length] : new PrngKey[destination.Length];
        key.Split(keys);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = OneSingle(keys[i], alpha[i % alpha.Length], logSpace);
        }
    }

    internal static void Fill(PrngKey key, Span<double> destination, ReadOnlySpan<double> alpha, bool logSpace)
    {
        Span<PrngKey> keys = destination.Length <= StackLimit ? stackalloc PrngKey[destination.Length] : new PrngKey[destination.Length];
        key.Split(keys);
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
        Span<float> logB = destination.Length <= StackLimit ? stackalloc float[destination.Length] : new float[destination.Length];
        Fill(keyB, logB, stackalloc float[] { b }, logSpace: true);
        for (int i = 0; i < destination.Length; i++)
        {
            float la = destination[i], lb = logB[i];
            float max = Math.Max(la, lb);
            if (float.IsNegativeInfinity(max))
            {
                // Both log-gammas overflowed to -infinity (a subnormal or tiny shape: log(U) / a is beyond the range),
                // where JAX's ratio is NaN. The larger of the two is the one whose log(-log U) - log(shape) is smaller.
                double scoreA = TinyShapeScore(ElementKey(keyA, destination.Length, i), a, single: true);
                double scoreB = TinyShapeScore(ElementKey(keyB, destination.Length, i), b, single: true);
                destination[i] = scoreA < scoreB ? 1 : 0;
                continue;
            }

            float ea = Transcendentals.Exp(la - max);
            float eb = Transcendentals.Exp(lb - max);
            destination[i] = ea / (ea + eb);
        }
    }

    internal static void Beta(PrngKey key, Span<double> destination, double a, double b)
    {
        var (keyA, keyB) = key.Split();
        Fill(keyA, destination, stackalloc double[] { a }, logSpace: true);
        Span<double> logB = destination.Length <= StackLimit ? stackalloc double[destination.Length] : new double[destination.Length];
        Fill(keyB, logB, stackalloc double[] { b }, logSpace: true);
        for (int i = 0; i < destination.Length; i++)
        {
            double la = destination[i], lb = logB[i];
            double max = Math.Max(la, lb);
            if (double.IsNegativeInfinity(max))
            {
                // Both log-gammas overflowed to -infinity (a subnormal or tiny shape: log(U) / a is beyond the range),
                // where JAX's ratio is NaN. The larger of the two is the one whose log(-log U) - log(shape) is smaller.
                double scoreA = TinyShapeScore(ElementKey(keyA, destination.Length, i), a, single: false);
                double scoreB = TinyShapeScore(ElementKey(keyB, destination.Length, i), b, single: false);
                destination[i] = scoreA < scoreB ? 1 : 0;
                continue;
            }

            double ea = Transcendentals.Exp(la - max);
            double eb = Transcendentals.Exp(lb - max);
            destination[i] = ea / (ea + eb);
        }
    }

    /// <summary><c>dirichlet(key, alpha, (rows,))</c> = <c>softmax(loggamma(key, alpha, (rows, k)), -1)</c>.</summary>
    internal static void Dirichlet(PrngKey key, Span<float> destination, ReadOnlySpan<float> alpha)
    {
        int k = alpha.Length;
        if (k == 0)
        {
            return; // rows of length 0 (the destination is empty: the caller checked)
        }

        Fill(key, destination, alpha, logSpace: true);
        for (int row = 0; row + k <= destination.Length; row += k)
        {
            Span<float> r = destination.Slice(row, k);
            float max = float.NegativeInfinity;
            foreach (float x in r)
            {
                max = Math.Max(max, x);
            }

            if (float.IsNegativeInfinity(max))
            {
                OneHotForTinyShapes(key, destination.Length, row, r, alpha, single: true);
                continue;
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
        int k = alpha.Length;
        if (k == 0)
        {
            return; // rows of length 0 (the destination is empty: the caller checked)
        }

        Fill(key, destination, alpha, logSpace: true);
        for (int row = 0; row + k <= destination.Length; row += k)
        {
            Span<double> r = destination.Slice(row, k);
            double max = double.NegativeInfinity;
            foreach (double x in r)
            {
                max = Math.Max(max, x);
            }

            if (double.IsNegativeInfinity(max))
            {
                OneHotForTinyShapes(key, destination.Length, row, r, alpha, single: false);
                continue;
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

    /// <summary>
    /// Element i's key of <c>split(key, n)</c> without the array: <c>fold_in(key, i)</c> when partitionable, words
    /// 2i and 2i + 1 of <c>bits(key, (2n,))</c> in the original mode.
    /// </summary>
    internal static PrngKey ElementKey(PrngKey key, int n, int i)
    {
        if (key.Impl != PrngImpl.Threefry2x32Legacy)
        {
            return key.FoldIn((uint)i);
        }

        Span<uint> words = stackalloc uint[2];
        CounterStream.Words32(key, 2L * n, 2L * i, words);
        return PrngKey.FromWords(words[0], words[1], key.Impl);
    }

    /// <summary>
    /// For a log-gamma draw that overflowed to -infinity: log(-log U) - log(shape), where <c>log(U) / shape</c> is the
    /// term that overflowed (U the boost uniform of the element key's subkey). A larger score is a more negative draw.
    /// </summary>
    private static double TinyShapeScore(PrngKey elementKey, double alpha, bool single)
    {
        PrngKey subkey = elementKey.Split().Second;
        double logU = single
            ? Transcendentals.Log1p(-CatalogueDraws.UnitSingle(subkey))
            : Transcendentals.Log1p(-CatalogueDraws.UnitDouble(subkey));
        return Transcendentals.Log(-logU) - Transcendentals.Log(alpha);
    }

    /// <summary>A Dirichlet row whose log-gammas all overflowed (tiny shapes): all mass on the least negative one.</summary>
    private static void OneHotForTinyShapes<T>(PrngKey key, int n, int row, Span<T> r, ReadOnlySpan<T> alpha, bool single)
        where T : struct
    {
        int best = 0;
        double bestScore = double.PositiveInfinity;
        for (int j = 0; j < r.Length; j++)
        {
            double shape = typeof(T) == typeof(float) ? (float)(object)alpha[j] : (double)(object)alpha[j];
            double score = TinyShapeScore(ElementKey(key, n, row + j), shape, single);
            if (score < bestScore)
            {
                best = j;
                bestScore = score;
            }
        }

        for (int j = 0; j < r.Length; j++)
        {
            r[j] = (T)(object)(typeof(T) == typeof(float) ? (object)(j == best ? 1f : 0f) : (j == best ? 1d : 0d));
        }
    }

    /// <summary><c>t(key, df, (n,))</c>: <c>kn, kg = split(key)</c>; <c>normal(kn) * sqrt((df / 2) / gamma(kg, df / 2))</c>.</summary>
    internal static void StudentT(PrngKey key, Span<float> destination, float df)
    {
        var (normalKey, gammaKey) = key.Split();
        float halfDf = df / 2f;
        Span<float> gammas = destination.Length <= StackLimit ? stackalloc float[destination.Length] : new float[destination.Length];
        Fill(gammaKey, gammas, stackalloc float[] { halfDf }, logSpace: false);
        Span<uint> bits = CatalogueDraws.Words(normalKey, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            float n = NormalSampling.FromBits(bits[i]);
            destination[i] = n * (float)Math.Sqrt(StudentTRatio(halfDf, gammas[i]));
        }
    }

    internal static void StudentT(PrngKey key, Span<double> destination, double df)
    {
        var (normalKey, gammaKey) = key.Split();
        double halfDf = df / 2d;
        Span<double> gammas = destination.Length <= StackLimit ? stackalloc double[destination.Length] : new double[destination.Length];
        Fill(gammaKey, gammas, stackalloc double[] { halfDf }, logSpace: false);
        Span<ulong> bits = CatalogueDraws.Words(normalKey, destination);
        for (int i = 0; i < destination.Length; i++)
        {
            double n = NormalSampling.FromBits(bits[i]);
            destination[i] = n * Math.Sqrt(StudentTRatio(halfDf, gammas[i]));
        }
    }

    // A subnormal df makes df / 2 and its gamma draw 0 (JAX: 0 / 0 = NaN). The ratio's true value is astronomically
    // large there (|t| grows like exp(1 / df)), so it is +infinity and the draw +-infinity with the normal's sign.
    private static float StudentTRatio(float halfDf, float gamma) => gamma == 0f ? float.PositiveInfinity : halfDf / gamma;

    private static double StudentTRatio(double halfDf, double gamma) => gamma == 0d ? double.PositiveInfinity : halfDf / gamma;
}
