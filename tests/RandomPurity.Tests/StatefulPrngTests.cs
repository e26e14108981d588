using System;
using Xunit;
using static RandomPurity.Tests.TestKeys;

namespace RandomPurity.Tests;

/// <summary>jax.experimental.random.stateful_rng: NextKey() = baseKey.FoldIn(counter++).</summary>
public class StatefulPrngTests
{
    [Fact]
    public void StatefulRngDocstringSplitThenUniform()
    {
        // stateful_rng(123).split(3), then uniform() on each child generator.
        var rng = new StatefulPrng(PrngKey.Create(123));
        PrngKey[] children = rng.NextKey().Split(3);
        float[] draws = Array.ConvertAll(children, child => new StatefulPrng(child).UniformSingle());
        Assert.Equal(new[] { 0.35525954f, 0.21937883f, 0.5336956f }, draws);
    }

    [Fact]
    public void NextKeyFoldsInTheCounter()
    {
        PrngKey key = PrngKey.Create(5, O);
        var rng = new StatefulPrng(key);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(key.FoldIn(i), rng.NextKey());
        }
    }

    [Theory]
    [InlineData(P)]
    [InlineData(O)]
    public void EverySamplerDrawsFromTheNextKey(PrngImpl impl)
    {
        PrngKey key = PrngKey.Create(9, impl);
        var rng = new StatefulPrng(key);
        uint i = 0;
        Assert.Equal(key.FoldIn(i++).Bits32(), rng.Bits32());
        Assert.Equal(key.FoldIn(i++).Bits64(), rng.Bits64());
        Assert.Equal(key.FoldIn(i++).UniformSingle(2f, 3f), rng.UniformSingle(2f, 3f));
        Assert.Equal(key.FoldIn(i++).Uniform(), rng.Uniform());
        Assert.Equal(key.FoldIn(i++).NormalSingle(), rng.NormalSingle());
        Assert.Equal(key.FoldIn(i++).Normal(), rng.Normal());
        Assert.Equal(key.FoldIn(i++).Int32(-4, 9), rng.Int32(-4, 9));
        Assert.Equal(key.FoldIn(i++).Int64(-4, 9), rng.Int64(-4, 9));
        Assert.Equal(key.FoldIn(i++).Bernoulli(0.25), rng.Bernoulli(0.25));
        Assert.Equal(key.FoldIn(i++).Bernoulli(0.75f), rng.Bernoulli(0.75f));
        Assert.Equal(Fill<byte>(key.FoldIn(i++).Bits), Fill<byte>(rng.Bits));
        Assert.Equal(Fill<ushort>(key.FoldIn(i++).Bits), Fill<ushort>(rng.Bits));
        Assert.Equal(Fill<uint>(key.FoldIn(i++).Bits), Fill<uint>(rng.Bits));
        Assert.Equal(Fill<ulong>(key.FoldIn(i++).Bits), Fill<ulong>(rng.Bits));
        Assert.Equal(Fill<float>(d => key.FoldIn(i++).Uniform(d)), Fill<float>(d => rng.Uniform(d)));
        Assert.Equal(Fill<double>(d => key.FoldIn(i++).Uniform(d)), Fill<double>(d => rng.Uniform(d)));
        Assert.Equal(Fill<float>(key.FoldIn(i++).Normal), Fill<float>(rng.Normal));
        Assert.Equal(Fill<double>(key.FoldIn(i++).Normal), Fill<double>(rng.Normal));
        Assert.Equal(Fill<int>(d => key.FoldIn(i++).Integers(d, 0, 5)), Fill<int>(d => rng.Integers(d, 0, 5)));
        Assert.Equal(Fill<long>(d => key.FoldIn(i++).Integers(d, 0, 5)), Fill<long>(d => rng.Integers(d, 0, 5)));
        Assert.Equal(Fill<bool>(d => key.FoldIn(i++).Bernoulli(d, 0.5)), Fill<bool>(d => rng.Bernoulli(d, 0.5)));
        Assert.Equal(Fill<bool>(d => key.FoldIn(i++).Bernoulli(d, 0.5f)), Fill<bool>(d => rng.Bernoulli(d, 0.5f)));
        Assert.Equal(key.FoldIn(i++).Permutation(20), rng.Permutation(20));
        Assert.Equal(Fill<int>(d => { SeqInto(d); key.FoldIn(i++).Shuffle(d); }), Fill<int>(d => { SeqInto(d); rng.Shuffle(d); }));
        int[] items = { 10, 20, 30, 40 };
        Assert.Equal(Fill<int>(d => key.FoldIn(i++).Choice<int>(items, d)), Fill<int>(d => rng.Choice<int>(items, d)));
        Assert.Equal(key.FoldIn(i), rng.NextKey());
    }

    private delegate void Filler<T>(Span<T> destination);

    private static T[] Fill<T>(Filler<T> fill)
    {
        var values = new T[7];
        fill(values);
        return values;
    }

    private static void SeqInto(Span<int> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i;
        }
    }
}
