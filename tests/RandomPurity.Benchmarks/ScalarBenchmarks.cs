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
    public void NextSingleLoop()
    {
        float[] values = _values;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _random.NextSingle();
        }
    }

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
