using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.poisson</c> with <c>method='exact'</c> (docs/algorithms.md), lam in float32. For lam &lt; 10,
/// Knuth's product of uniforms; otherwise Hörmann's transformed rejection. Both loops run over the whole array: each
/// iteration splits the loop key and draws a full-shape uniform, and elements that are done keep their value.
/// From lam = 1000 the rejection's arithmetic is float64 (same draws, same steps): in float32, JAX's
/// <c>k * log(lam) - lgamma(k + 1)</c> loses the digits the test needs and <c>floor(... + lam)</c> rounds to a multiple
/// of 2, 4, 8 above 2^24 (JAX fails a chi-square test at lam = 1e5 and never returns an odd k at 3e7).
/// </summary>
internal static class PoissonSampling
{
    /// <summary>From this rate on the transformed rejection computes in float64.</summary>
    internal const float DoublePrecisionRate = 1000f;

    /// <summary>The largest rate: P(k &gt; int.MaxValue) is then below 1e-300 (int.MaxValue is 3,300 sd above 2e9).</summary>
    internal const float MaxRate = 2e9f;

    /// <summary>Scratch of up to this many elements lives on the stack (scalar draws allocate nothing).</summary>
    private const int StackLimit = 64;

    internal static void Fill(PrngKey key, Span<int> destination, float lam)
    {
        if (lam == 0f)
        {
            destination.Clear();
            return;
        }

        if (lam < 10f)
        {
            Knuth(key, destination, lam);
        }
        else
        {
            Rejection(key, destination, lam);
        }
    }

    private static void Knuth(PrngKey key, Span<int> destination, float lam)
    {
        int n = destination.Length;
        Span<float> logProduct = n <= StackLimit ? stackalloc float[n] : new float[n];
        Span<float> uniforms = n <= StackLimit ? stackalloc float[n] : new float[n];
        logProduct.Clear();
        Span<int> k = destination;
        k.Clear();
        float threshold = -lam;
        PrngKey loopKey = key;
        while (Any(logProduct, threshold))
        {
            PrngKey subkey;
            (loopKey, subkey) = loopKey.Split();
            Span<uint> bits = CatalogueDraws.Words(subkey, uniforms);
            for (int i = 0; i < n; i++)
            {
                // Once an element's log-product is at or below -lam it only decreases: skip its log.
                if (logProduct[i] > threshold)
                {
                    k[i]++;
                    logProduct[i] += Transcendentals.Log(UniformSampling.UnitSingle(bits[i]));
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            k[i]--;
        }
    }

    private static bool Any(Span<float> logProduct, float threshold)
    {
        foreach (float value in logProduct)
        {
            if (value > threshold)
            {
                return true;
            }
        }

        return false;
    }

    private static void Rejection(PrngKey key, Span<int> destination, float lam)
    {
        // Constants of _poisson_rejection, each rounded to float32 as JAX's weakly typed Python floats are.
        float logLam = Transcendentals.Log(lam);
        float b = 0.931f + (2.53f * (float)Math.Sqrt(lam));
        float a = -0.059f + (0.02483f * b);
        float invAlpha = 1.1239f + (1.1328f / (b - 3.4f));
        float vr = 0.9277f - (3.6224f / (b - 2f));
        bool wide = lam >= DoublePrecisionRate;
        double logLamWide = Transcendentals.Log((double)lam);

        int n = destination.Length;
        Span<double> kOut = n <= StackLimit ? stackalloc double[n] : new double[n];
        Span<bool> accepted = n <= StackLimit ? stackalloc bool[n] : new bool[n];
        Span<float> us = n <= StackLimit ? stackalloc float[n] : new float[n];
        Span<float> vs = n <= StackLimit ? stackalloc float[n] : new float[n];
        accepted.Clear();
        kOut.Fill(-1d);

        int remaining = n;
        Span<PrngKey> keys = stackalloc PrngKey[3];
        PrngKey loopKey = key;
        while (remaining > 0)
        {
            loopKey.Split(keys);
            loopKey = keys[0];
            Span<uint> uBits = CatalogueDraws.Words(keys[1], us);
            Span<uint> vBits = CatalogueDraws.Words(keys[2], vs);
            for (int i = 0; i < n; i++)
            {
                if (accepted[i])
                {
                    continue;
                }

                float u = UniformSampling.UnitSingle(uBits[i]) - 0.5f;
                float v = UniformSampling.UnitSingle(vBits[i]);
                float uShifted = 0.5f - Math.Abs(u);
                bool accept1 = uShifted >= 0.07f && v <= vr;
                double k;
                bool reject, accept2;
                if (wide)
                {
                    k = Math.Floor(((((2d * a) / uShifted) + b) * u) + lam + 0.43);
                    double s = Transcendentals.Log(v * (double)invAlpha / ((a / ((double)uShifted * uShifted)) + b));
                    double t = -lam + (k * logLamWide) - LogGammaFunction.LogGamma(k + 1d);
                    reject = k < 0d || (uShifted < 0.013f && v > uShifted);
                    accept2 = s <= t;
                }
                else
                {
                    float kSingle = (float)Math.Floor((((2f * a) / uShifted) + b) * u + lam + 0.43f);
                    float s = Transcendentals.Log(v * invAlpha / ((a / (uShifted * uShifted)) + b));
                    float t = -lam + (kSingle * logLam) - LogGammaFunction.LogGamma(kSingle + 1f);
                    reject = kSingle < 0f || (uShifted < 0.013f && v > uShifted);
                    accept2 = s <= t;
                    k = kSingle;
                }

                if (accept1 || (!reject && accept2))
                {
                    kOut[i] = k;
                    accepted[i] = true;
                    remaining--;
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            destination[i] = (int)kOut[i]; // lam <= MaxRate: k < int.MaxValue
        }
    }
}
