using System;
using System.Linq;
using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// The composite samplers against JAX's definitions written with public primitives of the same key: where JAX splits
/// the key (beta, t, double_sided_maxwell), the split is reproduced here, so a wrong split or a wrong stream length
/// fails. Both modes.
/// </summary>
public sealed class CompositionTests
{
    public static TheoryData<PrngImpl> Modes => new() { PrngImpl.Threefry2x32, PrngImpl.Threefry2x32Legacy };

    [Theory]
    [MemberData(nameof(Modes))]
    public void WeightedChoiceWithReplacementSearchesTheCumulativeSum(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(77, impl);
        float[] weights = { 0.5f, 0f, 1.25f, 3f, 0.25f };
        int[] items = Enumerable.Range(0, weights.Length).ToArray();
        var actual = new int[257];
        key.Choice<int>(items, weights, actual);

        var u = new float[actual.Length];
        key.Uniform(u);
        var cumulative = new float[weights.Length];
        float running = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            running += weights[i];
            cumulative[i] = running;
        }

        for (int i = 0; i < actual.Length; i++)
        {
            float r = cumulative[^1] * (1f - u[i]);
            Assert.Equal(Array.FindIndex(cumulative, c => c >= r), actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void WeightedChoiceWithoutReplacementTakesTheTopGumbelScores(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(78, impl);
        double[] weights = { 0.5, 1, 1.25, 3, 0.25, 2, 0.75 };
        int[] items = Enumerable.Range(0, weights.Length).ToArray();
        var actual = new int[4];
        key.Choice<int>(items, weights, actual, replace: false);

        var gumbel = new double[weights.Length];
        key.Gumbel(gumbel);
        int[] expected = items.OrderByDescending(i => gumbel[i] + Math.Log(weights[i])).ThenBy(i => i).Take(4).ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void CategoricalIsTheArgmaxOfGumbelNoisePlusLogits(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(79, impl);
        float[] logits = { 0.1f, -0.5f, 1.2f, 0f, 2f, -1f, 0.3f, 0.3f };   // two rows of four categories
        var actual = new int[6];                                           // three draws per row
        key.Categorical(logits, 4, actual);

        var noise = new float[6 * 4];
        key.Gumbel(noise);
        for (int i = 0; i < actual.Length; i++)
        {
            int row = i % 2;
            int best = 0;
            for (int j = 1; j < 4; j++)
            {
                if (noise[(i * 4) + j] + logits[(row * 4) + j] > noise[(i * 4) + best] + logits[(row * 4) + best])
                {
                    best = j;
                }
            }

            Assert.Equal(best, actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void CategoricalWithoutReplacementRanksOneGumbelScorePerLogit(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(87, impl);
        double[] logits = { 0.1, -0.5, 1.2, 0, 2, -1, 0.3, 0.3 };   // two rows of four categories
        var actual = new int[6];                                     // three distinct draws per row, laid out (3, 2)
        key.Categorical(logits, 4, actual, replace: false);

        var noise = new double[8];
        key.Gumbel(noise);
        for (int row = 0; row < 2; row++)
        {
            int[] ranked = Enumerable.Range(0, 4).OrderByDescending(j => logits[(row * 4) + j] + noise[(row * 4) + j]).ThenBy(j => j).ToArray();
            for (int d = 0; d < 3; d++)
            {
                Assert.Equal(ranked[d], actual[(d * 2) + row]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void MultivariateNormalWithIdentityCovarianceIsMeanPlusNormals(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(80, impl);
        var actual = new float[9];
        key.MultivariateNormal(new[] { 1f, 2f, 3f }, new float[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, actual);
        var z = new float[9];
        key.Normal(z);
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal((i % 3) + 1 + z[i], actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void BetaIsTheRatioOfLogGammaDrawsOfTheSplitKeys(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(81, impl);
        var actual = new float[7];
        key.Beta(actual, 0.8f, 2.5f);
        var (keyA, keyB) = key.Split();
        var la = new float[7];
        var lb = new float[7];
        keyA.LogGamma(la, 0.8f);
        keyB.LogGamma(lb, 2.5f);
        for (int i = 0; i < 7; i++)
        {
            double m = Math.Max(la[i], lb[i]);
            double expected = Math.Exp(la[i] - m) / (Math.Exp(la[i] - m) + Math.Exp(lb[i] - m));
            Assert.Equal(expected, actual[i], 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void DirichletIsTheSoftmaxOfLogGammaDraws(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(82, impl);
        var actual = new double[12];
        key.Dirichlet(new[] { 0.7, 0.7, 0.7 }, actual);
        var logs = new double[12];
        key.LogGamma(logs, 0.7);
        for (int row = 0; row < 4; row++)
        {
            double max = logs.Skip(3 * row).Take(3).Max();
            double sum = logs.Skip(3 * row).Take(3).Sum(x => Math.Exp(x - max));
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(Math.Exp(logs[(3 * row) + j] - max) / sum, actual[(3 * row) + j], 1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void ChiSquareIsTwiceTheExpOfLogGammaOfHalfTheDegrees(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(83, impl);
        var actual = new float[5];
        key.ChiSquare(actual, 3f);
        var logs = new float[5];
        key.LogGamma(logs, 1.5f);
        for (int i = 0; i < 5; i++)
        {
            double expected = 2 * Math.Exp(logs[i]);
            Assert.True(Math.Abs(actual[i] - expected) <= 2e-6 * Math.Max(1, expected));
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void StudentTIsANormalOverTheRootOfAGammaFromTheSplitKeys(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(84, impl);
        var actual = new double[5];
        key.StudentT(actual, 5);
        var (normalKey, gammaKey) = key.Split();
        var z = new double[5];
        var g = new double[5];
        normalKey.Normal(z);
        gammaKey.Gamma(g, 2.5);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(z[i] * Math.Sqrt(2.5 / g[i]), actual[i], 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void DoubleSidedMaxwellSignsAMaxwellDrawWithTheSplitKeys(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(85, impl);
        var actual = new float[5];
        key.DoubleSidedMaxwell(actual, 1f, 2f);
        var (maxwellKey, signKey) = key.Split();
        var m = new float[5];
        var sign = new int[5];
        maxwellKey.Maxwell(m);
        signKey.Rademacher(sign);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal((sign[i] * m[i] * 2f) + 1f, actual[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void RademacherIsTwiceABernoulliMinusOne(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(86, impl);
        var actual = new int[33];
        var coin = new bool[33];
        key.Rademacher(actual);
        key.Bernoulli(coin, 0.5f);
        Assert.Equal(coin.Select(c => c ? 1 : -1).ToArray(), actual);
    }
}
