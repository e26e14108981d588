using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace RandomPurity;

/// <summary>
/// An immutable, explicit PRNG key: JAX's default <c>threefry2x32</c> key (<c>jax.random.key</c>). A key is a value:
/// drawing from it never changes it, so derive fresh keys with <see cref="Split()"/> or <see cref="FoldIn(uint)"/>
/// before each draw. Every member is thread-safe and reproduces <c>jax.random</c> bit for bit (transcendental
/// samplers to within an ulp-level tolerance), in the mode given by <see cref="Impl"/>.
/// </summary>
public readonly partial struct PrngKey : IEquatable<PrngKey>
{
    private readonly uint _word0;
    private readonly uint _word1;
    private readonly PrngImpl _impl;

    private PrngKey(uint word0, uint word1, PrngImpl impl)
    {
        _word0 = word0;
        _word1 = word1;
        _impl = impl;
    }

    /// <summary>
    /// The key <c>jax.random.key(np.int32(seed))</c>, <c>[0, (uint)seed]</c>; also what JAX's default x32 mode makes
    /// of any integer seed (it keeps the low 32 bits).
    /// </summary>
    /// <param name="seed">The seed; negative values are taken in two's complement.</param>
    /// <param name="impl">The algorithm family (partitionable by default, like JAX &gt;= 0.5.0).</param>
    public static PrngKey Create(int seed, PrngImpl impl = PrngImpl.Threefry2x32) => new(0, unchecked((uint)seed), CheckImpl(impl));

    /// <summary>
    /// The key <c>jax.random.key(seed)</c> with <c>jax_enable_x64</c>: <c>[(uint)(seed &gt;&gt; 32), (uint)seed]</c>
    /// (logical shift of the two's complement bits).
    /// </summary>
    /// <param name="seed">The 64-bit seed.</param>
    /// <param name="impl">The algorithm family.</param>
    public static PrngKey Create(long seed, PrngImpl impl = PrngImpl.Threefry2x32) =>
        new(unchecked((uint)((ulong)seed >> 32)), unchecked((uint)seed), CheckImpl(impl));

    /// <summary>The key with the given raw words: <c>jax.random.wrap_key_data</c>.</summary>
    /// <param name="word0">The first key word (<c>key_data(key)[0]</c>).</param>
    /// <param name="word1">The second key word (<c>key_data(key)[1]</c>).</param>
    /// <param name="impl">The algorithm family.</param>
    public static PrngKey FromWords(uint word0, uint word1, PrngImpl impl = PrngImpl.Threefry2x32) => new(word0, word1, CheckImpl(impl));

    /// <summary>
    /// A key from the operating system's cryptographic entropy: an explicit, visible, non-reproducible root
    /// (JAX has no counterpart; it is what code fixes put where a <see cref="Random"/> was created without a seed).
    /// </summary>
    /// <param name="impl">The algorithm family.</param>
    public static PrngKey FromEntropy(PrngImpl impl = PrngImpl.Threefry2x32)
    {
        CheckImpl(impl);
#if NET8_0_OR_GREATER
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
#else
        var bytes = new byte[8];
        using (var generator = RandomNumberGenerator.Create())
        {
            generator.GetBytes(bytes);
        }
#endif
        uint word0 = (uint)(bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24));
        uint word1 = (uint)(bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24));
        return new PrngKey(word0, word1, impl);
    }

    /// <summary>The first key word, <c>jax.random.key_data(key)[0]</c>.</summary>
    public uint Word0 => _word0;

    /// <summary>The second key word, <c>jax.random.key_data(key)[1]</c>.</summary>
    public uint Word1 => _word1;

    /// <summary>The algorithm family: partitionable (JAX &gt;= 0.5.0) or the original pairing (JAX &lt;= 0.4.38).</summary>
    public PrngImpl Impl => _impl;

    /// <summary>Whether two keys have the same words and the same <see cref="Impl"/> (JAX's key equality).</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    public static bool operator ==(PrngKey left, PrngKey right) => left.Equals(right);

    /// <summary>Whether two keys differ in a word or in <see cref="Impl"/>.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    public static bool operator !=(PrngKey left, PrngKey right) => !left.Equals(right);

    /// <summary>Whether <paramref name="other"/> has the same words and <see cref="Impl"/>.</summary>
    /// <param name="other">The key to compare with.</param>
    public bool Equals(PrngKey other) => _word0 == other._word0 && _word1 == other._word1 && _impl == other._impl;

    /// <summary>Whether <paramref name="obj"/> is a <see cref="PrngKey"/> equal to this one.</summary>
    /// <param name="obj">The object to compare with.</param>
    public override bool Equals(object? obj) => obj is PrngKey other && Equals(other);

    /// <summary>A hash of the words and the mode.</summary>
    public override int GetHashCode()
    {
        unchecked
        {
            uint h = (_word0 * 0x9E3779B1u) ^ _word1;
            h = (h ^ (h >> 15)) * 0x85EBCA77u;
            return (int)(h ^ (h >> 13) ^ ((uint)_impl << 31));
        }
    }

    /// <summary>
    /// The same key, marked as a deliberate second use: <c>jax.random.clone</c>. The analyzers treat the result as a
    /// fresh key; the value is identical.
    /// </summary>
    public PrngKey Clone() => this;

    // ---- Derivation ---------------------------------------------------------------------------------------------

    /// <summary>Two new keys: <c>jax.random.split(key)</c> (= <c>split(key, 2)</c>), elements [0] and [1].</summary>
    // Not inlined: its two inlined threefry blocks compile well on their own, while inlined into a caller's loop with
    // the draw's block they spilled (measured in BatchedSplitBenchmarks.SplitAndDrawLoop: 86 ns per step before, 31 ns
    // after; SplitThenUniformSingle 33.7 -> 30.7 ns).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public (PrngKey First, PrngKey Second) Split()
    {
        if (_impl == PrngImpl.Threefry2x32Legacy)
        {
            // threefry_2x32(key, iota(4)): blocks (0, 2) and (1, 3); key i takes words 2i and 2i+1 of Y0 ++ Y1.
            Threefry2x32.Hash(_word0, _word1, 0, 2, out uint a0, out uint b0);
            Threefry2x32.Hash(_word0, _word1, 1, 3, out uint a1, out uint b1);
            return (new PrngKey(a0, a1, _impl), new PrngKey(b0, b1, _impl));
        }

        Threefry2x32.Hash(_word0, _word1, 0, 0, out uint x0, out uint y0);
        Threefry2x32.Hash(_word0, _word1, 0, 1, out uint x1, out uint y1);
        return (new PrngKey(x0, y0, _impl), new PrngKey(x1, y1, _impl));
    }

    /// <summary><paramref name="count"/> new keys: <c>jax.random.split(key, count)</c>.</summary>
    /// <param name="count">How many keys, at most 2^30 - 29 (the original mode hashes 2 * count words into one array);
    /// 0 gives an empty array.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above 2^30 - 29.</exception>
    public PrngKey[] Split(int count)
    {
        Argument.ThrowIfNegative(count, nameof(count));
        if (count > MaxSplitCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"At most {MaxSplitCount} keys can be split off at once.");
        }

        var keys = new PrngKey[count];
        Split(keys.AsSpan());
        return keys;
    }

    /// <summary>The largest split count: 2 * count words must fit one .NET array (at most 0x7FFFFFC7 elements).</summary>
    private const int MaxSplitCount = 0x7FFFFFC7 / 2;

    /// <summary>Fills <paramref name="destination"/> with <c>jax.random.split(key, destination.Length)</c>.</summary>
    /// <param name="destination">Where the new keys go; its length is the split count (0 is fine).</param>
    public void Split(Span<PrngKey> destination)
    {
        const int Chunk = 128;
        int n = destination.Length;
        if (_impl == PrngImpl.Threefry2x32Legacy)
        {
            // threefry_2x32(key, iota(2n)) reshaped to (n, 2); every output word depends on n.
            Span<uint> words = n <= Chunk ? stackalloc uint[2 * n] : new uint[2 * (long)n];
            CounterStream.Words32(this, 2 * (long)n, 0, words);
            for (int i = 0; i < n; i++)
            {
                destination[i] = new PrngKey(words[2 * i], words[(2 * i) + 1], _impl);
            }

            return;
        }

        // Partitionable: key i is the block at counter i, so split(key, n)[i] == fold_in(key, i).
        Span<ulong> blocks = stackalloc ulong[Chunk];
        for (int start = 0; start < n; start += Chunk)
        {
            int length = Math.Min(Chunk, n - start);
            CounterStream.PartitionableConcat(_word0, _word1, (ulong)start, blocks.Slice(0, length));
            for (int i = 0; i < length; i++)
            {
                destination[start + i] = new PrngKey((uint)(blocks[i] >> 32), unchecked((uint)blocks[i]), _impl);
            }
        }
    }

    /// <summary>A key derived from this key and <paramref name="data"/>: <c>jax.random.fold_in(key, data)</c> (the same in both modes).</summary>
    /// <param name="data">The value to fold in, e.g. a step or an index.</param>
    public PrngKey FoldIn(uint data)
    {
        Threefry2x32.Hash(_word0, _word1, 0, data, out uint a, out uint b);
        return new PrngKey(a, b, _impl);
    }

    /// <summary><c>jax.random.fold_in(key, data)</c> for a signed index: <c>FoldIn(unchecked((uint)data))</c>.</summary>
    /// <param name="data">The value to fold in; negative values are taken in two's complement, as JAX's uint32 conversion does.</param>
    public PrngKey FoldIn(int data) => FoldIn(unchecked((uint)data));

    private static PrngImpl CheckImpl(PrngImpl impl)
    {
        if (impl != PrngImpl.Threefry2x32 && impl != PrngImpl.Threefry2x32Legacy)
        {
            throw new ArgumentOutOfRangeException(nameof(impl), impl, "Unknown PRNG implementation.");
        }

        return impl;
    }
}
