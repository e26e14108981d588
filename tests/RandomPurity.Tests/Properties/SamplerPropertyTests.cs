using System;
using System.Linq;
using CsCheck;
using Xunit;

namespace RandomPurity.Tests.Properties;

/// <summary>
/// Properties of the samplers over generated keys and arguments (CsCheck; a failing case shrinks and prints its
/// seed). Ranges are respected for every key, including the extreme arguments users pass.
/// </summary>
public sealed class SamplerPropertyTests
{
    private static readonly Gen<PrngKey> Keys = Gen.Select(Gen.UInt, Gen.UInt, Gen.Bool)
        .Select((w0, w1, legacy) => PrngKey.FromWords(w0, w1, legacy ? PrngImpl.Threefry2x32Legacy : PrngImpl.Threefry2x32));

    [Fact]
    public void Int32_is_within_its_bounds() =>
        Gen.Select(Keys, Gen.Int, Gen.Int).Sample((key, a, b) =>
        {
            var (min, max) = a <= b ? (a, b) : (b, a);
            int value = key.Int32(min, max);
            return min == max ? value == min : value >= min && value < max;
        });

    [Fact]
    public void Int64_is_within_its_bounds() =>
        Gen.Select(Keys, Gen.Long, Gen.Long).Sample((key, a, b) =>
        {
            var (min, max) = a <= b ? (a, b) : (b, a);
            long value = key.Int64(min, max);
            return min == max ? value == min : value >= min && value < max;
        });

    [Fact]
    public void Integers_in_bulk_are_within_their_bounds_for_the_full_int_range() =>
        Gen.Select(Keys, Gen.Int[0, 200]).Sample((key, length) =>
        {
            var values = new int[length];
            key.Integers(values, int.MinValue, int.MaxValue);
            return values.All(v => v < int.MaxValue);
        });

    [Fact]
    public void UniformSingle_is_within_min_and_max() =>
        Gen.Select(Keys, Gen.Float[-1e30f, 1e30f], Gen.Float[-1e30f, 1e30f]).Sample((key, a, b) =>
        {
            var (min, max) = a <= b ? (a, b) : (b, a);
            float value = key.UniformSingle(min, max);
            return value >= min && value <= max; // JAX may round up to max for ranges other than [0, 1)
        });

    [Fact]
    public void Uniform_is_within_min_and_max() =>
        Gen.Select(Keys, Gen.Double[-1e300, 1e300], Gen.Double[-1e300, 1e300]).Sample((key, a, b) =>
        {
            var (min, max) = a <= b ? (a, b) : (b, a);
            double value = key.Uniform(min, max);
            return value >= min && value <= max;
        });

    [Fact]
    public void Default_uniforms_are_in_the_half_open_unit_interval() =>
        Keys.Sample(key =>
        {
            var floats = new float[33];
            var doubles = new double[33];
            key.Clone().Uniform(floats);
            key.Uniform(doubles);
            return floats.All(f => f >= 0f && f < 1f) && doubles.All(d => d >= 0d && d < 1d);
        });

    [Fact]
    public void Normals_are_finite() =>
        Keys.Sample(key =>
        {
            var floats = new float[65];
            var doubles = new double[65];
            key.Clone().Normal(floats);
            key.Normal(doubles);
            return floats.All(float.IsFinite) && doubles.All(double.IsFinite);
        });

    [Fact]
    public void Permutations_are_permutations() =>
        Gen.Select(Keys, Gen.Int[0, 3000]).Sample((key, n) =>
        {
            var p = key.Permutation(n);
            var seen = new bool[n];
            foreach (var v in p)
            {
                if (v < 0 || v >= n || seen[v])
                {
                    return false;
                }

                seen[v] = true;
            }

            return p.Length == n;
        });

    [Fact]
    public void Choice_without_replacement_draws_distinct_items() =>
        Gen.Select(Keys, Gen.Int[1, 500]).Sample((key, n) =>
        {
            var items = Enumerable.Range(0, n).ToArray();
            var picked = new int[n / 2 + 1];
            key.Choice<int>(items, picked, replace: false);
            return picked.Distinct().Count() == picked.Length && picked.All(v => v >= 0 && v < n);
        });

    [Theory]
    [InlineData(-double.MaxValue, double.MaxValue)]
    [InlineData(double.MinValue, 0d)]
    [InlineData(0d, double.MaxValue)]
    public void Uniform_over_extreme_ranges_never_leaves_the_range(double min, double max)
    {
        var values = new double[4096];
        PrngKey.Create(7).Uniform(values, min, max);
        Assert.All(values, v => Assert.True(v >= min && v <= max, $"{v} outside [{min}, {max}]"));
    }

    [Fact]
    public void Scalar_uniforms_over_the_widest_ranges_stay_finite_and_equal_the_bulk_element()
    {
        var key = PrngKey.Create(7);
        var one = new double[1];
        key.Clone().Uniform(one, -double.MaxValue, double.MaxValue);
        double scalar = key.Clone().Uniform(-double.MaxValue, double.MaxValue);
        Assert.True(double.IsFinite(scalar));
        Assert.Equal(one[0], scalar);
        float single = key.UniformSingle(-float.MaxValue, float.MaxValue);
        Assert.True(float.IsFinite(single));
    }

    [Fact]
    public void Int32_over_the_full_range_covers_both_signs()
    {
        var values = new int[4096];
        PrngKey.Create(9).Integers(values, int.MinValue, int.MaxValue);
        Assert.Contains(values, v => v < 0);
        Assert.Contains(values, v => v > 0);
        Assert.DoesNotContain(int.MaxValue, values);
    }
}
