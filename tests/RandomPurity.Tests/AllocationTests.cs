using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>
/// Scalar members never allocate (README: "scalar draws allocate nothing"). Every public instance member of
/// <see cref="PrngKey"/> that returns one value (a number, a bool, a key or a pair of keys) has an entry in
/// <see cref="Calls"/>, found by reflection: a new scalar member without an entry fails <see cref="EveryScalarMemberHasAnEntry"/>.
/// </summary>
public class AllocationTests
{
    private static readonly float[] LogitsSingle = { 0.5f, -1f, 2f, float.NegativeInfinity, 0f };
    private static readonly double[] LogitsDouble = { 0.5, -1, 2, double.NegativeInfinity, 0 };

    /// <summary>One call per member with valid arguments, keyed by the member's signature; each folds its result into a double.</summary>
    private static readonly Dictionary<string, Func<PrngKey, double>> Calls = new()
    {
        ["Bits32()"] = k => k.Bits32(),
        ["Bits64()"] = k => k.Bits64() & 0xFFFF,
        ["UniformSingle(Single,Single)"] = k => k.UniformSingle(-2f, 3f),
        ["Uniform(Double,Double)"] = k => k.Uniform(-2, 3),
        ["NormalSingle()"] = k => k.NormalSingle(),
        ["Normal()"] = k => k.Normal(),
        ["Int32(Int32,Int32)"] = k => k.Int32(-3, 1000000),
        ["Int64(Int64,Int64)"] = k => k.Int64(0, 1L << 40),
        ["UnbiasedInt32(Int32,Int32)"] = k => k.UnbiasedInt32(-3, 1000000000),
        ["UnbiasedInt64(Int64,Int64)"] = k => k.UnbiasedInt64(0, 3L << 61),
        ["Bernoulli(Double)"] = k => k.Bernoulli(0.3) ? 1 : 0,
        ["Bernoulli(Single)"] = k => k.Bernoulli(0.3f) ? 1 : 0,
        ["Rademacher()"] = k => k.Rademacher(),
        ["Geometric(Single)"] = k => k.Geometric(0.2f),
        ["Geometric(Double)"] = k => k.Geometric(0.2),
        ["Poisson(Single)"] = k => k.Poisson(3.5f) + k.FoldIn(1).Poisson(250f),
        ["ExponentialSingle()"] = k => k.ExponentialSingle(),
        ["Exponential()"] = k => k.Exponential(),
        ["GumbelSingle()"] = k => k.GumbelSingle(),
        ["Gumbel()"] = k => k.Gumbel(),
        ["LaplaceSingle()"] = k => k.LaplaceSingle(),
        ["Laplace()"] = k => k.Laplace(),
        ["LogisticSingle()"] = k => k.LogisticSingle(),
        ["Logistic()"] = k => k.Logistic(),
        ["CauchySingle()"] = k => k.CauchySingle(),
        ["Cauchy()"] = k => k.Cauchy(),
        ["ParetoSingle(Single)"] = k => k.ParetoSingle(2f),
        ["Pareto(Double)"] = k => k.Pareto(2),
        ["WeibullSingle(Single,Single)"] = k => k.WeibullSingle(1.5f, 2f),
        ["Weibull(Double,Double)"] = k => k.Weibull(1.5, 2),
        ["RayleighSingle(Single)"] = k => k.RayleighSingle(2f),
        ["Rayleigh(Double)"] = k => k.Rayleigh(2),
        ["LogNormalSingle(Single)"] = k => k.LogNormalSingle(0.5f),
        ["LogNormal(Double)"] = k => k.LogNormal(0.5),
        ["TriangularSingle(Single,Single,Single)"] = k => k.TriangularSingle(-1f, 0.5f, 2f),
        ["Triangular(Double,Double,Double)"] = k => k.Triangular(-1, 0.5, 2),
        ["MaxwellSingle()"] = k => k.MaxwellSingle(),
        ["Maxwell()"] = k => k.Maxwell(),
        ["DoubleSidedMaxwellSingle(Single,Single)"] = k => k.DoubleSidedMaxwellSingle(1f, 2f),
        ["DoubleSidedMaxwell(Double,Double)"] = k => k.DoubleSidedMaxwell(1, 2),
        ["TruncatedNormalSingle(Single,Single)"] = k => k.TruncatedNormalSingle(-1f, 2f),
        ["TruncatedNormal(Double,Double)"] = k => k.TruncatedNormal(-1, 2),
        ["GammaSingle(Single)"] = k => k.GammaSingle(0.5f) + k.FoldIn(1).GammaSingle(3f),
        ["Gamma(Double)"] = k => k.Gamma(0.5) + k.FoldIn(1).Gamma(3),
        ["LogGammaSingle(Single)"] = k => k.LogGammaSingle(0.5f),
        ["LogGamma(Double)"] = k => k.LogGamma(0.5),
        ["BetaSingle(Single,Single)"] = k => k.BetaSingle(0.5f, 2f),
        ["Beta(Double,Double)"] = k => k.Beta(0.5, 2),
        ["ChiSquareSingle(Single)"] = k => k.ChiSquareSingle(3f),
        ["ChiSquare(Double)"] = k => k.ChiSquare(3),
        ["StudentTSingle(Single)"] = k => k.StudentTSingle(3f),
        ["StudentT(Double)"] = k => k.StudentT(3),
        ["Categorical(ReadOnlySpan<Single>)"] = k => k.Categorical(LogitsSingle),
        ["Categorical(ReadOnlySpan<Double>)"] = k => k.Categorical(LogitsDouble),
        ["FoldIn(Int32)"] = k => k.FoldIn(-5).Word0,
        ["FoldIn(UInt32)"] = k => k.FoldIn(5u).Word1,
        ["Split()"] = k => k.Split().Second.Word0,
        ["Clone()"] = k => k.Clone().Word0,
        ["Equals(PrngKey)"] = k => k.Equals(k.FoldIn(1)) ? 1 : 0,
        ["GetHashCode()"] = k => k.GetHashCode() & 0xFF,
    };

    private static readonly Type[] ScalarTypes =
    {
        typeof(bool), typeof(int), typeof(long), typeof(uint), typeof(ulong), typeof(float), typeof(double),
        typeof(PrngKey), typeof(ValueTuple<PrngKey, PrngKey>),
    };

    /// <summary>The signatures of PrngKey's public instance methods that return one value.</summary>
    private static IEnumerable<string> ScalarMembers() =>
        typeof(PrngKey).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => !m.IsSpecialName && !m.IsGenericMethod && ScalarTypes.Contains(m.ReturnType))
            .Where(m => m.DeclaringType == typeof(PrngKey) && !m.GetParameters().Any(p => p.ParameterType == typeof(object)))
            .Select(Signature);

    private static string Signature(MethodInfo method) =>
        method.Name + "(" + string.Join(",", method.GetParameters().Select(p => TypeName(p.ParameterType))) + ")";

    private static string TypeName(Type type) =>
        type.IsGenericType
            ? type.Name.Substring(0, type.Name.IndexOf('`')) + "<" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + ">"
            : type.Name;

    public static TheoryData<string> Members()
    {
        var data = new TheoryData<string>();
        foreach (string name in Calls.Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void EveryScalarMemberHasAnEntry()
    {
        string[] members = ScalarMembers().OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Empty(members.Except(Calls.Keys));
        Assert.Empty(Calls.Keys.Except(members)); // a stale entry: the member was renamed or removed
        Assert.True(members.Length >= 60, $"only {members.Length} scalar members found");
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void ScalarMemberDoesNotAllocate(string member)
    {
        Func<PrngKey, double> call = Calls[member];
        foreach (PrngImpl impl in BothModes)
        {
            PrngKey key = PrngKey.Create(1, impl);
            double sink = Run(call, key, 200); // warm-up: JIT, static constructors, tiering

            // The runtime may allocate on this thread while it re-compiles the loop (tiering, on-stack replacement), so
            // the steady state is what counts: the least of three rounds. A member that allocates does so in every
            // round (at least 24 bytes per call, 2,000 calls).
            long least = long.MaxValue;
            for (int round = 0; round < 3; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                sink += Run(call, key, 2000);
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            Assert.True(least == 0, $"{member} ({impl}): {least / 2000.0} bytes per call");
            Assert.False(double.IsNaN(sink));
        }
    }

    private static double Run(Func<PrngKey, double> call, PrngKey key, int count)
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += call(key.FoldIn(i));
        }

        return sum;
    }
}
