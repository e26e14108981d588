using System;
using Xunit;

namespace RandomPurity.Tests.Catalogue;

/// <summary>Parameters JAX would turn into NaN or garbage throw, naming the parameter (runtime-api.md's deliberate differences).</summary>
public sealed class ValidationTests
{
    private static readonly PrngKey Key = PrngKey.Create(1);

    private static void OutOfRange(string paramName, Action action) =>
        Assert.Equal(paramName, Assert.Throws<ArgumentOutOfRangeException>(action).ParamName);

    private static void Invalid(string paramName, Action action) =>
        Assert.Equal(paramName, Assert.ThrowsAny<ArgumentException>(action).ParamName);

    [Fact]
    public void NegativeOrNonFiniteScalesThrow()
    {
        OutOfRange("scale", () => Key.WeibullSingle(-1f, 1f));
        OutOfRange("scale", () => Key.Weibull(double.NaN, 1));
        OutOfRange("scale", () => Key.RayleighSingle(-0.5f));
        OutOfRange("scale", () => Key.Rayleigh(new double[2], double.PositiveInfinity));
        OutOfRange("sigma", () => Key.LogNormalSingle(-1f));
        OutOfRange("scale", () => Key.DoubleSidedMaxwell(0, -2));
        OutOfRange("loc", () => Key.DoubleSidedMaxwellSingle(float.NaN, 1f));
    }

    [Fact]
    public void NonPositiveShapesThrow()
    {
        OutOfRange("b", () => Key.ParetoSingle(0f));
        OutOfRange("concentration", () => Key.Weibull(1, 0));
        OutOfRange("a", () => Key.GammaSingle(0f));
        OutOfRange("a", () => Key.Gamma(new float[3], -1f));
        OutOfRange("a", () => Key.Gamma(double.NaN));
        OutOfRange("a", () => Key.LogGammaSingle(-0.1f));
        OutOfRange("a", () => Key.BetaSingle(0f, 1f));
        OutOfRange("b", () => Key.Beta(1, -1));
        OutOfRange("df", () => Key.ChiSquareSingle(0f));
        OutOfRange("df", () => Key.StudentT(-3));
        OutOfRange("alpha", () => Key.Dirichlet(new[] { 1f, 0f }, new float[2]));
        OutOfRange("lam", () => Key.Poisson(-1f));
        OutOfRange("lam", () => Key.Poisson(float.NaN));
        OutOfRange("lam", () => Key.Poisson(new int[2], float.PositiveInfinity));
    }

    [Fact]
    public void LogGammaAcceptsZeroShapeAsJaxDoes()
    {
        Assert.False(float.IsNaN(Key.LogGammaSingle(0f)));
    }

    [Fact]
    public void BadBoundsThrow()
    {
        OutOfRange("p", () => Key.Geometric(0f));
        OutOfRange("p", () => Key.Geometric(1.5));
        OutOfRange("p", () => Key.Geometric(new int[1], float.NaN));
        OutOfRange("upper", () => Key.TruncatedNormalSingle(1f, 1f));
        OutOfRange("lower", () => Key.TruncatedNormal(double.NegativeInfinity, 1));
        OutOfRange("right", () => Key.TriangularSingle(1f, 1f, 1f));
        OutOfRange("mode", () => Key.Triangular(0, 3, 2));
    }

    [Fact]
    public void BadWeightsThrow()
    {
        int[] items = { 1, 2, 3 };
        Invalid("weights", () => Key.Choice<int>(items, new[] { 1f, -1f, 1f }, new int[2]));
        Invalid("weights", () => Key.Choice<int>(items, new[] { 1f, float.NaN, 1f }, new int[2]));
        Invalid("weights", () => Key.Choice<int>(items, new[] { 0d, 0d, 0d }, new int[2]));
        Invalid("weights", () => Key.Choice<int>(items, new[] { 1f, float.PositiveInfinity, 1f }, new int[1]));
        Invalid("weights", () => Key.Choice<int>(items, new[] { 1f, 1f }, new int[1]));
        Invalid("weights", () => Key.Choice<int>(items, new[] { 1d, 0d, 0d }, new int[2], replace: false));
    }

    [Fact]
    public void ChoiceWithoutReplacementCannotDrawMoreThanTheItems()
    {
        int[] items = { 1, 2, 3 };
        Invalid("destination", () => Key.Choice<int>(items, new[] { 1f, 1f, 1f }, new int[4], replace: false));
        var all = new int[3];
        Key.Choice<int>(items, new[] { 1f, 1f, 1f }, all, replace: false);
        Array.Sort(all, (x, y) => x.CompareTo(y));
        Assert.Equal(items, all);
    }

    [Fact]
    public void ShapeMismatchesThrow()
    {
        Invalid("destination", () => Key.Dirichlet(new[] { 1f, 1f, 1f }, new float[4]));
        Invalid("covariance", () => Key.MultivariateNormal(new[] { 0f, 0f }, new[] { 1f, 0f, 0f }, new float[2]));
        Invalid("destination", () => Key.MultivariateNormal(new[] { 0d, 0d }, new[] { 1d, 0d, 0d, 1d }, new double[3]));
        Invalid("covariance", () => Key.MultivariateNormal(new[] { 0d, 0d }, new[] { 1d, 2d, 2d, 1d }, new double[2]));
        Invalid("logits", () => Key.Categorical(new[] { 0f, 1f, 2f }, 2, new int[1]));
        Invalid("destination", () => Key.Categorical(new[] { 0f, 1f, 2f, 3f }, 2, new int[3]));
        Invalid("logits", () => Key.Categorical(new[] { 0f, float.NaN }));
        Invalid("logits", () => Key.Categorical(ReadOnlySpan<double>.Empty));
        OutOfRange("categoryCount", () => Key.Categorical(new[] { 0f }, 0, new int[1]));
        Invalid("destination", () => Key.Categorical(new[] { 0f, 1f }, 2, new int[3], replace: false));
    }
}
