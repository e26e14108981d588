using System;
using BenchmarkDotNet.Attributes;

namespace RandomPurity.Benchmarks;

// Each class pairs RandomPurity with the System.Random call a user would otherwise write (unseeded new Random(), i.e.
// xoshiro256**), producing the same amount of output; the Ratio column is time(RandomPurity) / time(System.Random).

/// <summary>1 MiB of random bits: <see cref="PrngKey.Bits(Span{uint})"/> in both modes against <see cref="Random.NextBytes(byte[])"/>.</summary>
[MemoryDiagnoser]
public class BitsBenchmarks
{
    private const int Bytes = 1 << 20;
    private readonly Random _random = new();
    private readonly byte[] _bytes = new byte[Bytes];
    private readonly uint[] _words = new uint[Bytes / sizeof(uint)];
    private readonly PrngKey _partitionable = PrngKey.Create(1);
    private readonly PrngKey _legacy = PrngKey.Create(1, PrngImpl.Threefry2x32Legacy);

    [Benchmark(Baseline = true)]
    public void NextBytes() => _random.NextBytes(_bytes);

    [Benchmark]
    public void BitsPartitionable() => _partitionable.Bits(_words);

    [Benchmark]
    public void BitsLegacy() => _legacy.Bits(_words);

    [Benchmark]
    public void ParallelBitsPartitionable() => _partitionable.ParallelBits(_words);
}

/// <summary>64K float32 uniforms.</summary>
[MemoryDiagnoser]
public class UniformSingleBenchmarks
{
    private const int Count = 1 << 16;
    private readonly Random _random = new();
    private readonly float[] _values = new float[Count];
    private readonly PrngKey _key = PrngKey.Create(2);

    [Benchmark(Baseline = true)]
    public void NextSingleLoop() => Baselines.FillNextSingle(_random, _values);

    [Benchmark]
    public void Uniform() => _key.Uniform(_values.AsSpan());
}

/// <summary>64K float64 uniforms.</summary>
[MemoryDiagnoser]
public class UniformDoubleBenchmarks
{
    private const int Count = 1 << 16;
    private readonly Random _random = new();
    private readonly double[] _values = new double[Count];
    private readonly PrngKey _key = PrngKey.Create(3);

    [Benchmark(Baseline = true)]
    public void NextDoubleLoop()
    {
        double[] values = _values;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _random.NextDouble();
        }
    }

    [Benchmark]
    public void Uniform() => _key.Uniform(_values.AsSpan());
}

/// <summary>64K float32 standard normals: JAX's erf_inv transform against a Box-Muller loop over NextDouble.</summary>
[MemoryDiagnoser]
public class NormalSingleBenchmarks
{
    private const int Count = 1 << 16;
    private readonly Random _random = new();
    private readonly float[] _values = new float[Count];
    private readonly PrngKey _key = PrngKey.Create(4);

    [Benchmark(Baseline = true)]
    public void BoxMullerLoop()
    {
        float[] values = _values;
        for (int i = 0; i < values.Length; i += 2)
        {
            double u1 = 1.0 - _random.NextDouble(); // (0, 1]: log is finite
            double u2 = _random.NextDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            double theta = 2.0 * Math.PI * u2;
            values[i] = (float)(r * Math.Cos(theta));
            values[i + 1] = (float)(r * Math.Sin(theta));
        }
    }

    [Benchmark]
    public void Normal() => _key.Normal(_values.AsSpan());
}

/// <summary>64K int32 in [0, 1000).</summary>
[MemoryDiagnoser]
public class IntegersBenchmarks
{
    private const int Count = 1 << 16;
    private readonly Random _random = new();
    private readonly int[] _values = new int[Count];
    private readonly PrngKey _key = PrngKey.Create(5);

    [Benchmark(Baseline = true)]
    public void NextLoop()
    {
        int[] values = _values;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _random.Next(0, 1000);
        }
    }

    [Benchmark]
    public void Integers() => _key.Integers(_values.AsSpan(), 0, 1000);
}
