using System;

namespace RandomPurity;

/// <summary>
/// <c>jax.random.multivariate_normal</c> with <c>method='cholesky'</c>: <c>mean + L @ z</c> per row, with
/// <c>z = normal(key, (rows, n))</c> and L the lower Cholesky factor of the symmetrised covariance.
/// </summary>
internal static class MultivariateNormalSampling
{
    /// <summary>A finite mean; a finite covariance, symmetric to within a relative 1e-6 (float32).</summary>
    internal static void Validate(ReadOnlySpan<float> mean, ReadOnlySpan<float> covariance)
    {
        foreach (float m in mean)
        {
            ThrowIfNotFinite(m, nameof(mean));
        }

        int n = mean.Length;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                CheckPair(covariance[(i * n) + j], covariance[(j * n) + i], 1e-6);
            }
        }
    }

    /// <summary>A finite mean; a finite covariance, symmetric to within a relative 1e-12 (float64).</summary>
    internal static void Validate(ReadOnlySpan<double> mean, ReadOnlySpan<double> covariance)
    {
        foreach (double m in mean)
        {
            ThrowIfNotFinite(m, nameof(mean));
        }

        int n = mean.Length;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                CheckPair(covariance[(i * n) + j], covariance[(j * n) + i], 1e-12);
            }
        }
    }

    private static void ThrowIfNotFinite(double value, string paramName)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentException("Every entry must be a finite number.", paramName);
        }
    }

    private static void CheckPair(double upper, double lower, double tolerance)
    {
        ThrowIfNotFinite(upper, "covariance");
        ThrowIfNotFinite(lower, "covariance");
        if (Math.Abs(upper - lower) > tolerance * Math.Max(Math.Abs(upper), Math.Abs(lower)))
        {
            throw new ArgumentException("The covariance must be symmetric.", "covariance");
        }
    }

    /// <summary>The lower Cholesky factor (row-major n x n), computed in double; throws when not positive definite.</summary>
    internal static double[] Cholesky(ReadOnlySpan<double> covariance, int n)
    {
        var factor = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                // jnp.linalg.cholesky symmetrises its input: (a + a^T) / 2.
                double sum = (covariance[(i * n) + j] + covariance[(j * n) + i]) * 0.5;
                for (int k = 0; k < j; k++)
                {
                    sum -= factor[(i * n) + k] * factor[(j * n) + k];
                }

                if (i == j)
                {
                    if (!(sum > 0) || double.IsInfinity(sum))
                    {
                        throw new ArgumentException("The covariance must be a finite, symmetric, positive definite matrix.", nameof(covariance));
                    }

                    factor[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    factor[(i * n) + j] = sum / factor[(j * n) + j];
                }
            }
        }

        return factor;
    }

    internal static void Fill(PrngKey key, ReadOnlySpan<float> mean, ReadOnlySpan<float> covariance, Span<float> destination)
    {
        int n = mean.Length;
        var wide = new double[covariance.Length];
        for (int i = 0; i < wide.Length; i++)
        {
            wide[i] = covariance[i];
        }

        double[] factorWide = Cholesky(wide, n);
        var factor = new float[factorWide.Length];
        for (int i = 0; i < factor.Length; i++)
        {
            factor[i] = (float)factorWide[i];
        }

        var z = new float[destination.Length];
        CatalogueDraws.Normals(key, z);
        for (int row = 0; row < destination.Length; row += n)
        {
            for (int i = 0; i < n; i++)
            {
                float dot = 0f;
                for (int j = 0; j <= i; j++)
                {
                    dot += factor[(i * n) + j] * z[row + j];
                }

                destination[row + i] = mean[i] + dot;
            }
        }
    }

    internal static void Fill(PrngKey key, ReadOnlySpan<double> mean, ReadOnlySpan<double> covariance, Span<double> destination)
    {
        int n = mean.Length;
        double[] factor = Cholesky(covariance, n);
        var z = new double[destination.Length];
        CatalogueDraws.Normals(key, z);
        for (int row = 0; row < destination.Length; row += n)
        {
            for (int i = 0; i < n; i++)
            {
                double dot = 0d;
                for (int j = 0; j <= i; j++)
                {
                    dot += factor[(i * n) + j] * z[row + j];
                }

                destination[row + i] = mean[i] + dot;
            }
        }
    }
}
