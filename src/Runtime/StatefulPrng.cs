using System;

namespace RandomPurity;

/// <summary>
/// A base key and a counter: <c>jax.experimental.random.stateful_rng</c>. <see cref="NextKey"/> returns
/// <c>baseKey.FoldIn(counter++)</c>, and every sampler draws from a fresh <see cref="NextKey"/>. Explicitly stateful
/// and not thread-safe: the migration target for objects that held a <see cref="Random"/> field.
/// </summary>
public sealed class StatefulPrng
{
    private readonly PrngKey _baseKey;
    private uint _counter;

    /// <summary>A generator whose draw number i uses <c>baseKey.FoldIn(i)</c>.</summary>
    /// <param name="baseKey">The base key (consumed: derive it for this generator only).</param>
    public StatefulPrng(PrngKey baseKey) => _baseKey = baseKey;

    /// <summary>The next key, <c>baseKey.FoldIn(counter)</c>, then the counter advances (wrapping after 2^32 keys, like JAX's uint32 data).</summary>
    public PrngKey NextKey() => _baseKey.FoldIn(_counter++);

    /// <summary><see cref="PrngKey.Bits32()"/> on <see cref="NextKey"/>.</summary>
    public uint Bits32() => NextKey().Bits32();

    /// <summary><see cref="PrngKey.Bits64()"/> on <see cref="NextKey"/>.</summary>
    public ulong Bits64() => NextKey().Bits64();

    /// <summary><see cref="PrngKey.UniformSingle(float, float)"/> on <see cref="NextKey"/>.</summary>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    public float UniformSingle(float minValue = 0f, float maxValue = 1f) => NextKey().UniformSingle(minValue, maxValue);

    /// <summary><see cref="PrngKey.Uniform(double, double)"/> on <see cref="NextKey"/>.</summary>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    public double Uniform(double minValue = 0d, double maxValue = 1d) => NextKey().Uniform(minValue, maxValue);

    /// <summary><see cref="PrngKey.NormalSingle()"/> on <see cref="NextKey"/>.</summary>
    public float NormalSingle() => NextKey().NormalSingle();

    /// <summary><see cref="PrngKey.Normal()"/> on <see cref="NextKey"/>.</summary>
    public double Normal() => NextKey().Normal();

    /// <summary><see cref="PrngKey.Int32"/> on <see cref="NextKey"/>.</summary>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound.</param>
    public int Int32(int minValue, int maxValue) => NextKey().Int32(minValue, maxValue);

    /// <summary><see cref="PrngKey.UnbiasedInt32"/> on <see cref="NextKey"/>.</summary>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound.</param>
    public int UnbiasedInt32(int minValue, int maxValue) => NextKey().UnbiasedInt32(minValue, maxValue);

    /// <summary><see cref="PrngKey.UnbiasedInt64"/> on <see cref="NextKey"/>.</summary>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound.</param>
    public long UnbiasedInt64(long minValue, long maxValue) => NextKey().UnbiasedInt64(minValue, maxValue);

    /// <summary><see cref="PrngKey.Int64"/> on <see cref="NextKey"/>.</summary>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound.</param>
    public long Int64(long minValue, long maxValue) => NextKey().Int64(minValue, maxValue);

    /// <summary><see cref="PrngKey.Bernoulli(double)"/> on <see cref="NextKey"/>.</summary>
    /// <param name="p">The probability of <c>true</c>, in [0, 1].</param>
    public bool Bernoulli(double p = 0.5) => NextKey().Bernoulli(p);

    /// <summary><see cref="PrngKey.Bernoulli(float)"/> on <see cref="NextKey"/>.</summary>
    /// <param name="p">The probability of <c>true</c>, in [0, 1].</param>
    public bool Bernoulli(float p) => NextKey().Bernoulli(p);

    /// <summary><see cref="PrngKey.Bits(Span{byte})"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    public void Bits(Span<byte> destination) => NextKey().Bits(destination);

    /// <summary><see cref="PrngKey.Bits(Span{ushort})"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    public void Bits(Span<ushort> destination) => NextKey().Bits(destination);

    /// <summary><see cref="PrngKey.Bits(Span{uint})"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    public void Bits(Span<uint> destination) => NextKey().Bits(destination);

    /// <summary><see cref="PrngKey.Bits(Span{ulong})"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    public void Bits(Span<ulong> destination) => NextKey().Bits(destination);

    /// <summary><see cref="PrngKey.Uniform(Span{float}, float, float)"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    public void Uniform(Span<float> destination, float minValue = 0f, float maxValue = 1f) => NextKey().Uniform(destination, minValue, maxValue);

    /// <summary><see cref="PrngKey.Uniform(Span{double}, double, double)"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    public void Uniform(Span<double> destination, double minValue = 0d, double maxValue = 1d) => NextKey().Uniform(destination, minValue, maxValue);

    /// <summary><see cref="PrngKey.Normal(Span{float})"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    public void Normal(Span<float> destination) => NextKey().Normal(destination);

    /// <summary><see cref="PrngKey.Normal(Span{double})"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    public void Normal(Span<double> destination) => NextKey().Normal(destination);

    /// <summary><see cref="PrngKey.Integers(Span{int}, int, int)"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound.</param>
    public void Integers(Span<int> destination, int minValue, int maxValue) => NextKey().Integers(destination, minValue, maxValue);

    /// <summary><see cref="PrngKey.Integers(Span{long}, long, long)"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    /// <param name="minValue">The inclusive lower bound.</param>
    /// <param name="maxValue">The exclusive upper bound.</param>
    public void Integers(Span<long> destination, long minValue, long maxValue) => NextKey().Integers(destination, minValue, maxValue);

    /// <summary><see cref="PrngKey.Bernoulli(Span{bool}, double)"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    /// <param name="p">The probability of <c>true</c>, in [0, 1].</param>
    public void Bernoulli(Span<bool> destination, double p) => NextKey().Bernoulli(destination, p);

    /// <summary><see cref="PrngKey.Bernoulli(Span{bool}, float)"/> on <see cref="NextKey"/>.</summary>
    /// <param name="destination">The output.</param>
    /// <param name="p">The probability of <c>true</c>, in [0, 1].</param>
    public void Bernoulli(Span<bool> destination, float p) => NextKey().Bernoulli(destination, p);

    /// <summary><see cref="PrngKey.Permutation"/> on <see cref="NextKey"/>.</summary>
    /// <param name="n">How many items.</param>
    public int[] Permutation(int n) => NextKey().Permutation(n);

    /// <summary><see cref="PrngKey.Shuffle{T}"/> on <see cref="NextKey"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items to shuffle in place.</param>
    public void Shuffle<T>(Span<T> items) => NextKey().Shuffle(items);

    /// <summary><see cref="PrngKey.Choice{T}(ReadOnlySpan{T}, Span{T}, bool)"/> on <see cref="NextKey"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population.</param>
    /// <param name="destination">The output; its length is the number of draws.</param>
    /// <param name="replace">Whether an item may be drawn more than once.</param>
    public void Choice<T>(ReadOnlySpan<T> items, Span<T> destination, bool replace = true) => NextKey().Choice(items, destination, replace);

    /// <summary><see cref="PrngKey.Choice{T}(ReadOnlySpan{T}, int, bool)"/> on <see cref="NextKey"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population.</param>
    /// <param name="count">The number of draws.</param>
    /// <param name="replace">Whether an item may be drawn more than once.</param>
    /// <returns>A new array of <paramref name="count"/> items.</returns>
    public T[] Choice<T>(ReadOnlySpan<T> items, int count, bool replace = true) => NextKey().Choice(items, count, replace);
}
