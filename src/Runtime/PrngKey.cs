// TEMPORARY API SKELETON: signatures from shared/spec/runtime-api.md so that every part of the solution can
// compile against the contract while the implementation lands. Every body below is replaced by the runtime issue.
using System;

namespace RandomPurity;

#pragma warning disable CS1591, RS0016, RS0017
public readonly struct PrngKey : IEquatable<PrngKey>
{
    private readonly uint _word0;
    private readonly uint _word1;
    private readonly PrngImpl _impl;

    private PrngKey(uint word0, uint word1, PrngImpl impl) { _word0 = word0; _word1 = word1; _impl = impl; }

    public static PrngKey Create(int seed, PrngImpl impl = PrngImpl.Threefry2x32) => new PrngKey(0, unchecked((uint)seed), impl);
    public static PrngKey Create(long seed, PrngImpl impl = PrngImpl.Threefry2x32) => new PrngKey(unchecked((uint)((ulong)seed >> 32)), unchecked((uint)seed), impl);
    public static PrngKey FromWords(uint word0, uint word1, PrngImpl impl = PrngImpl.Threefry2x32) => new PrngKey(word0, word1, impl);
    public static PrngKey FromEntropy(PrngImpl impl = PrngImpl.Threefry2x32) => throw new NotImplementedException();
    public uint Word0 => _word0;
    public uint Word1 => _word1;
    public PrngImpl Impl => _impl;
    public static bool operator ==(PrngKey left, PrngKey right) => left.Equals(right);
    public static bool operator !=(PrngKey left, PrngKey right) => !left.Equals(right);
    public bool Equals(PrngKey other) => _word0 == other._word0 && _word1 == other._word1 && _impl == other._impl;
    public override bool Equals(object? obj) => obj is PrngKey other && Equals(other);
    public override int GetHashCode() => unchecked((int)(_word0 * 31 + _word1) ^ (int)_impl);
    public PrngKey Clone() => this;

    public (PrngKey First, PrngKey Second) Split() => throw new NotImplementedException();
    public PrngKey[] Split(int count) => throw new NotImplementedException();
    public void Split(Span<PrngKey> destination) => throw new NotImplementedException();
    public PrngKey FoldIn(uint data) => throw new NotImplementedException();
    public PrngKey FoldIn(int data) => throw new NotImplementedException();

    public uint Bits32() => throw new NotImplementedException();
    public ulong Bits64() => throw new NotImplementedException();
    public float UniformSingle(float minValue = 0f, float maxValue = 1f) => throw new NotImplementedException();
    public double Uniform(double minValue = 0d, double maxValue = 1d) => throw new NotImplementedException();
    public float NormalSingle() => throw new NotImplementedException();
    public double Normal() => throw new NotImplementedException();
    public int Int32(int minValue, int maxValue) => throw new NotImplementedException();
    public long Int64(long minValue, long maxValue) => throw new NotImplementedException();
    public bool Bernoulli(double p = 0.5) => throw new NotImplementedException();
    public bool Bernoulli(float p) => throw new NotImplementedException();

    public void Bits(Span<byte> destination) => throw new NotImplementedException();
    public void Bits(Span<ushort> destination) => throw new NotImplementedException();
    public void Bits(Span<uint> destination) => throw new NotImplementedException();
    public void Bits(Span<ulong> destination) => throw new NotImplementedException();
    public void Uniform(Span<float> destination, float minValue = 0f, float maxValue = 1f) => throw new NotImplementedException();
    public void Uniform(Span<double> destination, double minValue = 0d, double maxValue = 1d) => throw new NotImplementedException();
    public void Normal(Span<float> destination) => throw new NotImplementedException();
    public void Normal(Span<double> destination) => throw new NotImplementedException();
    public void Integers(Span<int> destination, int minValue, int maxValue) => throw new NotImplementedException();
    public void Integers(Span<long> destination, long minValue, long maxValue) => throw new NotImplementedException();
    public void Bernoulli(Span<bool> destination, double p) => throw new NotImplementedException();
    public void Bernoulli(Span<bool> destination, float p) => throw new NotImplementedException();
    public int[] Permutation(int n) => throw new NotImplementedException();
    public void Shuffle<T>(Span<T> items) => throw new NotImplementedException();
    public void Choice<T>(ReadOnlySpan<T> items, Span<T> destination, bool replace = true) => throw new NotImplementedException();

    public Random AsRandom() => throw new NotImplementedException();
    public override string ToString() => throw new NotImplementedException();
    public static PrngKey Parse(string text) => throw new NotImplementedException();
    public static bool TryParse(string? text, out PrngKey key) => throw new NotImplementedException();
}

public sealed class StatefulPrng
{
    public StatefulPrng(PrngKey baseKey) => throw new NotImplementedException();
    public PrngKey NextKey() => throw new NotImplementedException();
}
#pragma warning restore CS1591, RS0016, RS0017
