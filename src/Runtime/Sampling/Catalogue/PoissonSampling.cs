using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.poisson</c> with <c>method='exact'</c> (section 9.10 of jax-prng.md), lam in float32. For lam &lt; 10,
/// Knuth's product of uniforms; otherwise Hörmann's transformed rejection. Both loops run over the whole array: each
/// iteration splits the loop key and draws a full-shape uniform, and elements that are done keep their value.
/// </summary>
internal static class PoissonSampling
{
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
        float[] logProduct = new float[n];
        float[] uniforms = new float[n];
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

    private static bool Any(float[] logProduct, float threshold)
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

        int n = destination.Length;
        float[] kOut = new float[n];
        bool[] accepted = new bool[n];
        float[] us = new float[n];
        float[] vs = new float[n];
        for (int i = 0; i < n; i++)
        {
            kOut[i] = -1f;
        }

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
                float k = (float)Math.Floor((((2f * a) / uShifted) + b) * u + lam + 0.43f);
                float s = Transcendentals.Log(v * invAlpha / ((a / (uShifted * uShifted)) + b));
                float t = -lam + (k * logLam) - LogGammaFunction.LogGamma(k + 1f);
                bool accept1 = uShifted >= 0.07f && v <= vr;
                bool reject = k < 0f || (uShifted < 0.013f && v > uShifted);
                bool accept2 = s <= t;
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
            destination[i] = kOut[i] >= 2147483648f ? int.MaxValue : (int)kOut[i];
        }
    }
}
