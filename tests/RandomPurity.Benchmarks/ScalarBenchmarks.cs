using System;
using BenchmarkDotNet.Attributes;

namespace RandomPurity.Benchmarks;

/// <summary>
/// One float per operation: the scalar key patterns (a fresh key per draw) against <see cref="Random.NextSingle"/>;
/// 1024 draws per invocation so that the loop, not the harness, is measured.
/// </summary>
[MemoryDiagnoser]
public class ScalarBenchmarks
{
    private const int Draws = 1024;
    private readonly Random _random = new();
    private readonly PrngKey _key = PrngKey.Create(6);

    [Benchmark(Baseline = true, OperationsPerInvoke = Draws)]
    public float NextSingle()
    {
        float sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += _random.NextSingle();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    public float SplitThenUniformSingle()
    {
        PrngKey key = _key;
        float sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            (PrngKey next, PrngKey sub) = key.Split();
            sum += sub.UniformSingle();
            key = next;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Draws)]
    public float FoldInThenUniformSingle()
    {
        PrngKey key = _key;
        float sum = 0;
        for (int i = 0; i < Draws; i++)
        {
            sum += key.FoldIn(i).UniformSingle();
        }

        return sum;
    }
}

/// <summary>
/// <c>key.FoldIn(i).UniformSingle()</c> for i &lt; 2^20, batched (the vmap of the lesson) against a NextSingle loop
/// filling the same buffer.
/// </summary>
[MemoryDiagnoser]
public class BatchedFoldInBenchmarks
{
    private const int Count = 1 << 20;
    private readonly Random _random = new();
    private readonly float[] _values = new float[Count];
    private readonly PrngKey[] _keys = new PrngKey[Count];
    private readonly PrngKey _key = PrngKey.Create(7);

    [GlobalSetup]
    public void Setup() => _key.Split(_keys);

    [Benchmark(Baseline = true)]
    public void NextSingleLoop() => Baselines.FillNextSingle(_random, _values);

    [Benchmark]
    public void FoldInUniformSingle() => _key.FoldInUniformSingle(0, _values);

    [Benchmark]
    public void UniformSingleOfKeys() => PrngKey.UniformSingle(_keys, _values);

    [Benchmark]
    public void FoldInLoop()
    {
        float[] values = _values;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _key.FoldIn(i).UniformSingle();
        }
    }
}

/// <summary>
/// One step of 2^16 key chains, <c>key, sub = split(key)</c> then a float from <c>sub</c> (a batch of simulations
/// advanced together): batched through the span overloads of <c>Split</c> and <c>UniformSingle</c>, against the same
/// step as a scalar loop and against a NextSingle loop filling the same buffer; in both modes.
/// </summary>
[MemoryDiagnoser]
public class BatchedSplitBenchmarks
{
    private const int Count = 1 << 16;
    private readonly Random _random = new();
    private readonly float[] _values = new float[Count];
    private readonly PrngKey[] _chains = new PrngKey[Count];
    private readonly PrngKey[] _subkeys = new PrngKey[Count];

    [Params(PrngImpl.Threefry2x32, PrngImpl.Threefry2x32Legacy)]
    public PrngImpl Impl { get; set; }

    [GlobalSetup]
    public void Setup() => PrngKey.Create(8, Impl).Split(_chains);

    [Benchmark(Baseline = true)]
    public void NextSingleLoop() => Baselines.FillNextSingle(_random, _values);

    [Benchmark]
    public void SplitAndDrawBatched()
    {
        PrngKey.Split(_chains, _chains, _subkeys);
        PrngKey.UniformSingle(_subkeys, _values);
    }

    [Benchmark]
    public void SplitAndDrawLoop()
    {
        PrngKey[] chains = _chains;
        float[] values = _values;
        for (int i = 0; i < chains.Length; i++)
        {
            (chains[i], PrngKey sub) = chains[i].Split();
            values[i] = sub.UniformSingle();
        }
    }
}
