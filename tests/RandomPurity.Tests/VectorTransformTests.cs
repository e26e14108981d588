#if !RUNTIME_NETSTANDARD
using System;
using System.Numerics;
using Xunit;

namespace RandomPurity.Tests;

/// <summary>The vector log1p behind the vector normal transform gives the scalar bits, special cases included.</summary>
public class VectorTransformTests
{
    [Fact]
    public void VectorLog1pGivesTheScalarBits()
    {
        var inputs = new System.Collections.Generic.List<double>
        {
            -1, -2, -1e300, -0.0, 0, double.Epsilon, -double.Epsilon, 1e-300, -0.5, -0.9999999999999999, 0.3, 1, 2,
            1e10, 1e308, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        };
        PrngKey key = PrngKey.Create(3);
        var unit = new double[4000];
        key.Uniform(unit, -1d, 3d);
        inputs.AddRange(unit);
        var small = new double[1000];
        key.FoldIn(1).Uniform(small, -1e-8, 1e-8);
        inputs.AddRange(small);

        int lanes = Vector<double>.Count;
        while (inputs.Count % lanes != 0)
        {
            inputs.Add(0.25);
        }

        double[] x = inputs.ToArray();
        for (int i = 0; i < x.Length; i += lanes)
        {
            Vector<double> result = VectorTransforms.Log1p(new Vector<double>(x, i));
            for (int j = 0; j < lanes; j++)
            {
                Assert.Equal(
                    BitConverter.DoubleToInt64Bits(Transcendentals.Log1p(x[i + j])),
                    BitConverter.DoubleToInt64Bits(result[j]));
            }
        }
    }
}
#endif
