namespace RandomPurity;

/// <summary><c>jax.random.cauchy</c>: <c>u = uniform(key, minval=eps, maxval=1)</c>, then <c>tan(pi * (u - 0.5))</c>.</summary>
internal static class CauchySampling
{
    /// <summary>finfo(float32).eps = 2^-23.</summary>
    private const float EpsSingle = 1.1920929e-07f;

    /// <summary>finfo(float64).eps = 2^-52.</summary>
    private const double EpsDouble = 2.220446049250313e-16;

    /// <summary>(float32)pi.</summary>
    private const float PiSingle = 3.14159274f;

    private const double PiDouble = 3.141592653589793;

    internal static float FromBits(uint bits)
    {
        float u = UniformSampling.Scale(UniformSampling.UnitSingle(bits), EpsSingle, 1f - EpsSingle);
        float angle = PiSingle * (u - 0.5f);
        return (float)Tangent.Tan(angle);
    }

    internal static double FromBits(ulong bits)
    {
        double u = UniformSampling.Scale(UniformSampling.UnitDouble(bits), EpsDouble, 1d - EpsDouble);
        return Tangent.Tan(PiDouble * (u - 0.5));
    }
}
