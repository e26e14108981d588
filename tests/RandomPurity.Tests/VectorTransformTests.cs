#if !RUNTIME_NETSTANDARD
using System;
using System.Numerics;
using Xunit;

namespace RandomPurity.Tests;

/// <summary>
/// The vector log1p behind the vector normal transform gives the scalar bits, special cases included; the vector
/// randint combine gives the exact remainders.
/// </summary>
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

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(3u)]
    [InlineData(1000u)]
    [InlineData(65521u)] // the largest prime below 2^16: the largest multiplier
    [InlineData(65535u)]
    [InlineData(65536u)] // multiplier 0
    [InlineData(65537u)] // spans above 2^16: multiplier 0, only the second draw
    [InlineData(1000000007u)]
    [InlineData(2147483648u)]
    [InlineData(4294967295u)] // [int.MinValue, int.MaxValue)
    public void VectorIntegerCombineIsExact(uint span)
    {
        uint multiplier = IntegerSampling.Multiplier32(span);
        int lanes = Vector<uint>.Count;
        int n = 64 * lanes;
        var hi = new uint[n];
        var lo = new uint[n];
        PrngKey.Create(11).Bits(hi);
        PrngKey.Create(12).Bits(lo);

        // The extremes of both draws, and values next to multiples of the span (where a quotient estimate is off by one).
        uint[] edges = { 0, 1, span - 1, span, span + 1, uint.MaxValue, uint.MaxValue - 1, uint.MaxValue - (uint.MaxValue % span), (uint.MaxValue / span * span) - 1 };
        for (int i = 0; i < edges.Length; i++)
        {
            for (int j = 0; j < edges.Length; j++)
            {
                hi[(i * edges.Length) + j] = edges[i];
                lo[(i * edges.Length) + j] = edges[j];
            }
        }

        var destination = new uint[n];
        Assert.Equal(n, VectorTransforms.IntegerOffsets(hi, lo, destination, multiplier, span, -7));
        for (int i = 0; i < n; i++)
        {
            // randint's formula in exact arithmetic (no wrap: the multiplier is below span <= 2^16, or 0).
            ulong expected = ((((ulong)hi[i] % span) * multiplier) + (lo[i] % span)) % span;
            Assert.Equal(unchecked((uint)-7 + (uint)expected), destination[i]);
        }
    }
}
#endif
