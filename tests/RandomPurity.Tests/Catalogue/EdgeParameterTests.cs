using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests.Catalogue;

/// <summary>
/// Parameters where JAX's algorithm breaks down (issue 20, "Wrong or hanging results"): each gives a correct value or an
/// argument error naming the parameter, never a hang, NaN, an infinity that is not the true value, or an internal exception.
/// </summary>
public sealed class EdgeParameterTests
{
    private static void Invalid(string paramName, Action action) =>
        Assert.Equal(paramName, Assert.ThrowsAny<ArgumentException>(action).ParamName);

    private static void OutOfRange(string paramName, Action action) =>
        Assert.Equal(paramName, Assert.Throws<ArgumentOutOfRangeException>(action).ParamName);

    // Item 1.
    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public async Task DirichletWithNoCategoriesReturns(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(1, impl);
        Task run = Task.Run(() =>
        {
            key.Dirichlet(ReadOnlySpan<float>.Empty, Span<float>.Empty);
            key.Dirichlet(ReadOnlySpan<double>.Empty, Span<double>.Empty);
        });
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))));
        Invalid("destination", () => key.Dirichlet(ReadOnlySpan<double>.Empty, new double[2]));
    }

    // Item 5.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ChoiceIntoItsOwnItemsThrows(bool replace)
    {
        PrngKey key = PrngKey.Create(2);
        int[] items = Enumerable.Range(0, 10).ToArray();
        Invalid("destination", () => key.Choice<int>(items, items.AsSpan(), replace));
        Invalid("destination", () => key.Choice<int>(items.AsSpan(0, 6), items.AsSpan(4, 5), replace));
        float[] weights = Enumerable.Repeat(1f, 10).ToArray();
        Invalid("destination", () => key.Choice<int>(items, weights, items.AsSpan(0, 5), replace));
        Invalid("destination", () => key.Choice<int>(items, weights.Select(w => (double)w).ToArray(), items.AsSpan(2, 5), replace));

        // Adjacent, not overlapping: fine, and no duplicates without replacement.
        int[] buffer = new int[15];
        Enumerable.Range(0, 10).ToArray().CopyTo(buffer, 0);
        key.Choice<int>(buffer.AsSpan(0, 10), buffer.AsSpan(10, 5), replace: false);
        Assert.Equal(5, buffer.Skip(10).Distinct().Count());
    }

    // Item 6.
    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void WeightedChoiceWhoseSumOverflowsDrawsEveryItem(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(3, impl);
        int[] items = { 0, 1, 2 };
        var single = new int[4000];
        key.Choice<int>(items.AsSpan(0, 2), new[] { 3e38f, 3e38f }, single);
        Assert.InRange(single.Count(x => x == 0), 1800, 2200);
        var wide = new int[4000];
        key.Choice<int>(items, new[] { 1e308, 1e308, 0 }, wide);
        Assert.InRange(wide.Count(x => x == 0), 1800, 2200);
        Assert.DoesNotContain(2, wide);
        var skewed = new int[4000];
        key.Choice<int>(items, new[] { 1e308, 1.5e308, 1e308 }, skewed);
        Assert.InRange(skewed.Count(x => x == 1), 1550, 1880); // 3/7 of 4,000 = 1,714, sd 31
    }

    // Item 7: a zero uniform (2^-23 of float32 draws) is refined from the word's unused bits.
    [Fact]
    public void RayleighIsFiniteWhenTheUniformIsZero()
    {
        for (uint low = 0; low < 512; low += 73)
        {
            float x = WeibullSampling.Rayleigh(low, 1f);
            Assert.True(x > 5.6f && x < 7f, $"{x}");
            Assert.Equal(0f, WeibullSampling.Rayleigh(low, 0f));
        }

        double y = WeibullSampling.Rayleigh(0x0FFFul, 1d);
        Assert.True(y > 8.4904 && y < 9.5, $"{y}"); // beyond sqrt(-2 ln 2^-52) = 8.49041
        Assert.Equal(0d, WeibullSampling.Rayleigh(0ul, 0d));

        // Any other word is JAX's value.
        Assert.Equal((float)Math.Sqrt(-2 * Math.Log(0.5)), WeibullSampling.Rayleigh(0x80000000u, 1f), 6);
        var scaleZero = new float[20000];
        PrngKey.Create(4).Rayleigh(scaleZero, 0f);
        Assert.All(scaleZero, x => Assert.Equal(0f, x));
    }

    // Item 8.
    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void SubnormalShapesGiveNumbers(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(5, impl);
        var betas = new float[2000];
        key.Beta(betas, float.Epsilon, float.Epsilon);
        Assert.All(betas, x => Assert.True(x == 0f || x == 1f, $"{x}"));
        Assert.InRange(betas.Count(x => x == 1f), 850, 1150); // Beta(e, e) -> Bernoulli(1/2)
        var wide = new double[2000];
        key.Beta(wide, 1e-310, 3e-310);
        Assert.All(wide, x => Assert.True(x == 0d || x == 1d, $"{x}"));
        Assert.InRange(wide.Count(x => x == 1d), 350, 650); // P(1) = a / (a + b) = 1/4
        Assert.False(double.IsNaN(key.Beta(double.Epsilon, double.Epsilon)));
        Assert.False(float.IsNaN(key.BetaSingle(float.Epsilon, 1f)));

        var rows = new float[3 * 500];
        key.Dirichlet(new[] { float.Epsilon, float.Epsilon, float.Epsilon }, rows);
        for (int r = 0; r < 500; r++)
        {
            Assert.Equal(1f, rows[3 * r] + rows[(3 * r) + 1] + rows[(3 * r) + 2]);
        }

        var rowsWide = new double[2 * 100];
        key.Dirichlet(new[] { double.Epsilon, 1e-310 }, rowsWide);
        Assert.All(rowsWide, x => Assert.True(x == 0d || x == 1d));

        var t = new float[1000];
        key.StudentT(t, float.Epsilon);
        Assert.All(t, x => Assert.False(float.IsNaN(x)));
        Assert.False(double.IsNaN(key.StudentT(double.Epsilon)));
        Assert.False(double.IsNaN(key.StudentT(1e-310)));
    }

    // Item 9.
    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void TriangularOverTheWholeRangeIsFinite(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(6, impl);
        var wide = new double[4000];
        key.Triangular(wide, -double.MaxValue, 0, double.MaxValue);
        Assert.All(wide, x => Assert.False(double.IsInfinity(x) || double.IsNaN(x)));
        Assert.InRange(wide.Count(x => x < 0), 1800, 2200);
        Assert.InRange(wide.Count(x => Math.Abs(x) < double.MaxValue * (1 - Math.Sqrt(0.5))), 1800, 2200); // P(|x| < (1 - 1/sqrt2) max) = 1/2
        var single = new float[4000];
        key.Triangular(single, -float.MaxValue, 0f, float.MaxValue);
        Assert.All(single, x => Assert.False(float.IsInfinity(x) || float.IsNaN(x)));
        Assert.InRange(single.Count(x => x < 0), 1800, 2200);
        Assert.False(double.IsInfinity(key.Triangular(-double.MaxValue, double.MaxValue, double.MaxValue)));
        Assert.False(float.IsInfinity(key.TriangularSingle(0f, 0f, float.MaxValue)));

        // Unchanged where JAX's products are finite.
        Assert.Equal(TriangularSampling.FromUnit(0.3, -1, 0.5, 2), -1 + Math.Sqrt(0.3 * 3 * 1.5));
    }

    // Item 10.
    [Fact]
    public void ReversedUniformBoundsThrow()
    {
        PrngKey key = PrngKey.Create(7);
        OutOfRange("maxValue", () => key.Uniform(5, 3));
        OutOfRange("maxValue", () => key.UniformSingle(5f, 3f));
        OutOfRange("maxValue", () => key.Uniform(new double[3], 5, 3));
        OutOfRange("maxValue", () => key.Uniform(new float[3], 5f, 3f));
        OutOfRange("maxValue", () => new StatefulPrng(key).Uniform(1, 0));
        OutOfRange("maxValue", () => PrngKey.Uniform(new[] { key }, new double[1], 2, 1));
        Assert.Equal(3, key.Uniform(3, 3));
    }

    // Item 11.
    [Fact]
    public void CategoricalWithoutAnIncludedCategoryThrows()
    {
        PrngKey key = PrngKey.Create(8);
        float ninf = float.NegativeInfinity;
        Invalid("logits", () => key.Categorical(new[] { ninf, ninf }));
        Invalid("logits", () => key.Categorical(new[] { double.NegativeInfinity }));
        Invalid("logits", () => key.Categorical(new[] { 0f, 1f, ninf, ninf }, 2, new int[4]));
        Invalid("destination", () => key.Categorical(new[] { 0f, ninf, 1f, ninf }, 4, new int[3], replace: false));

        // Without replacement, excluded categories are never drawn while included ones remain.
        var two = new int[2];
        for (int i = 0; i < 200; i++)
        {
            key.FoldIn(i).Categorical(new[] { 0d, double.NegativeInfinity, 1d, double.NegativeInfinity }, 4, two, replace: false);
            Assert.Equal(new[] { 0, 2 }, two.OrderBy(x => x).ToArray());
        }
    }

    [Fact]
    public void HugeRequestsThrowArgumentErrors()
    {
        PrngKey key = PrngKey.Create(9);
        Invalid("destination", () => key.Categorical(new float[50000], 50000, new int[50000]));
        Invalid("destination", () => key.Categorical(new double[50000], 50000, new int[50000]));
        OutOfRange("count", () => key.Split(int.MaxValue));
        OutOfRange("count", () => key.Split((1 << 30) - 28));
    }

    [Fact]
    public void CategoricalScalarMatchesBulkAcrossChunks()
    {
        // 600 categories: the Gumbel words come in chunks of 256; the scalar draw is element 0 of the bulk one.
        var logits = Enumerable.Range(0, 600).Select(i => (float)Math.Sin(i)).ToArray();
        foreach (PrngImpl impl in BothModes)
        {
            PrngKey key = PrngKey.Create(10, impl);
            var one = new int[1];
            key.Categorical(logits, 600, one);
            Assert.Equal(one[0], key.Categorical(logits));
            var three = new int[3];
            key.Categorical(logits.Concat(logits).ToArray(), 600, three.AsSpan(0, 2));
            var noise = new float[1200];
            key.Gumbel(noise);
            for (int d = 0; d < 2; d++)
            {
                int best = 0;
                for (int j = 1; j < 600; j++)
                {
                    if (noise[(d * 600) + j] + logits[j] > noise[(d * 600) + best] + logits[best])
                    {
                        best = j;
                    }
                }

                Assert.Equal(best, three[d]);
            }
        }
    }

    // Item 12.
    [Fact]
    public void MultivariateNormalRejectsNonFiniteMeanAndAsymmetricCovariance()
    {
        PrngKey key = PrngKey.Create(11);
        float[] cov = { 1f, 0.5f, 0.5f, 2f };
        Invalid("mean", () => key.MultivariateNormal(new[] { float.NaN, 0f }, cov, new float[2]));
        Invalid("mean", () => key.MultivariateNormal(new[] { 0d, double.PositiveInfinity }, new[] { 1d, 0, 0, 1 }, new double[2]));
        Invalid("covariance", () => key.MultivariateNormal(new[] { 0f, 0f }, new[] { 1f, 0.5f, -0.5f, 2f }, new float[2]));
        Invalid("covariance", () => key.MultivariateNormal(new[] { 0d, 0d }, new[] { 1d, 0.3, 0.3 + 1e-9, 1 }, new double[2]));
        Invalid("covariance", () => key.MultivariateNormal(new[] { 0d, 0d }, new[] { 1d, double.NaN, double.NaN, 1 }, new double[2]));
        key.MultivariateNormal(new[] { 0f, 0f }, new[] { 1f, 0.3f, 0.3f * (1 + 1e-7f), 1f }, new float[2]); // rounding-level asymmetry
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void WeibullWithScaleZeroIsZero(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(12, impl);
        var x = new double[1000];
        key.Weibull(x, 0, 1e-30);
        Assert.All(x, v => Assert.Equal(0d, v));
        var y = new float[1000];
        key.Weibull(y, 0f, 1e-30f);
        Assert.All(y, v => Assert.Equal(0f, v));
        Assert.Equal(0d, key.Weibull(0, 1e-300));
    }
}
