using System;

namespace RandomPurity;

/// <summary>
/// tan in double precision from IEEE add, multiply and divide only (no libm, no FMA), so every CPU gives the same
/// bits. Cauchy needs it on (-pi/2, pi/2); it is accurate to a few ulp for |x| up to about 1e5.
/// </summary>
internal static class Tangent
{
    // pi/2 in three parts (fdlibm k_rem_pio2: pio2_1, pio2_2, pio2_3); the first has 33 significant bits, so
    // k * Pio2Part1 is exact for the small k met here.
    private const double Pio2Part1 = 1.57079632673412561417e+00;
    private const double Pio2Part2 = 6.07710050630396597660e-11;
    private const double Pio2Part3 = 2.02226624871116645580e-21;
    private const double TwoOverPi = 6.36619772367581382433e-01;

    internal static double Tan(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return double.NaN;
        }

        double k = Math.Round(x * TwoOverPi, MidpointRounding.ToEven);
        double r = x - k * Pio2Part1;
        r -= k * Pio2Part2;
        r -= k * Pio2Part3;

        // |r| <= pi/4: Taylor series of sin and cos; 1/(2n+1)! after n = 11 is far below double rounding.
        double z = r * r;
        double sin = r * (1.0 + z * (-1.0 / 6 + z * (1.0 / 120 + z * (-1.0 / 5040 + z * (1.0 / 362880 + z * (-1.0 / 39916800
            + z * (1.0 / 6227020800 + z * (-1.0 / 1307674368000 + z * (1.0 / 355687428096000 + z * (-1.0 / 121645100408832000
            + z * (1.0 / 51090942171709440000.0 + z * (-1.0 / 25852016738884976640000.0))))))))))));
        double cos = 1.0 + z * (-1.0 / 2 + z * (1.0 / 24 + z * (-1.0 / 720 + z * (1.0 / 40320 + z * (-1.0 / 3628800
            + z * (1.0 / 479001600 + z * (-1.0 / 87178291200 + z * (1.0 / 20922789888000 + z * (-1.0 / 6402373705728000
            + z * (1.0 / 2432902008176640000 + z * (-1.0 / 1124000727777607680000.0)))))))))));

        // tan(r + k pi/2) is tan(r) for even k and -cot(r) for odd k.
        return Math.Abs(k % 2) == 1 ? -cos / sin : sin / cos;
    }
}
