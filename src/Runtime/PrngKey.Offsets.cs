using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace RandomPurity;

public readonly partial struct PrngKey
{
    // ---- Counter offsets: element i of the result is JAX's element startIndex + i (partitionable keys) ------------

    /// <summary>
    /// Fills <paramref name="destination"/> with elements <c>[startIndex, startIndex + n)</c> of
    /// <c>jax.random.bits(key, (N,), uint32)</c> for any N beyond them: in the partitionable mode element i depends on i
    /// alone, so a long stream can be produced in pieces, out of order or on several threads.
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element <paramref name="startIndex"/> + i.</param>
    /// <param name="startIndex">The flat index of the first element (not negative).</param>
    /// <exception cref="NotSupportedException">The key is a <see cref="PrngImpl.Threefry2x32Legacy"/> key, whose
    /// values depend on the total size of the request.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startIndex"/> is negative.</exception>
    public void Bits(Span<uint> destination, long startIndex)
    {
        CheckOffset(startIndex);
        CounterStream.Words32(this, startIndex + destination.Length, startIndex, destination);
    }

    /// <summary>Elements <c>[startIndex, startIndex + n)</c> of <c>jax.random.bits(key, (N,), uint64)</c> (x64; partitionable keys).</summary>
    /// <param name="destination">The output; element i is JAX's element <paramref name="startIndex"/> + i.</param>
    /// <param name="startIndex">The flat index of the first element (not negative).</param>
    /// <exception cref="NotSupportedException">The key is a legacy-mode key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startIndex"/> is negative.</exception>
    public void Bits(Span<ulong> destination, long startIndex)
    {
        CheckOffset(startIndex);
        CounterStream.Words64(this, startIndex + destination.Length, startIndex, destination);
    }

    /// <summary>
    /// Elements <c>[startIndex, startIndex + n)</c> of <c>jax.random.uniform(key, (N,), float32, minValue, maxValue)</c>
    /// (partitionable keys). The bounds are required here so that the overload never competes with
    /// <see cref="Uniform(Span{float}, float, float)"/>.
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element <paramref name="startIndex"/> + i.</param>
    /// <param name="startIndex">The flat index of the first element (not negative).</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="NotSupportedException">The key is a legacy-mode key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startIndex"/> is negative, a bound is not finite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public void Uniform(Span<float> destination, long startIndex, float minValue, float maxValue)
    {
        Argument.ThrowIfNotBounds(minValue, maxValue);
        CheckOffset(startIndex);
        UniformChunk(startIndex + destination.Length, startIndex, destination, minValue, maxValue);
    }

    /// <summary>Elements <c>[startIndex, startIndex + n)</c> of <c>jax.random.uniform(key, (N,), float64, minValue, maxValue)</c> (x64; partitionable keys).</summary>
    /// <param name="destination">The output; element i is JAX's element <paramref name="startIndex"/> + i.</param>
    /// <param name="startIndex">The flat index of the first element (not negative).</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="NotSupportedException">The key is a legacy-mode key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startIndex"/> is negative, a bound is not finite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public void Uniform(Span<double> destination, long startIndex, double minValue, double maxValue)
    {
        Argument.ThrowIfNotBounds(minValue, maxValue);
        CheckOffset(startIndex);
        UniformChunk(startIndex + destination.Length, startIndex, destination, minValue, maxValue);
    }

    /// <summary>Elements <c>[startIndex, startIndex + n)</c> of <c>jax.random.normal(key, (N,), float32)</c> (partitionable keys).</summary>
    /// <param name="destination">The output; element i is JAX's element <paramref name="startIndex"/> + i.</param>
    /// <param name="startIndex">The flat index of the first element (not negative).</param>
    /// <exception cref="NotSupportedException">The key is a legacy-mode key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startIndex"/> is negative.</exception>
    public void Normal(Span<float> destination, long startIndex)
    {
        CheckOffset(startIndex);
        NormalChunk(startIndex + destination.Length, startIndex, destination);
    }

    /// <summary>Elements <c>[startIndex, startIndex + n)</c> of <c>jax.random.normal(key, (N,), float64)</c> (x64; partitionable keys).</summary>
    /// <param name="destination">The output; element i is JAX's element <paramref name="startIndex"/> + i.</param>
    /// <param name="startIndex">The flat index of the first element (not negative).</param>
    /// <exception cref="NotSupportedException">The key is a legacy-mode key.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startIndex"/> is negative.</exception>
    public void Normal(Span<double> destination, long startIndex)
    {
        CheckOffset(startIndex);
        NormalChunk(startIndex + destination.Length, startIndex, destination);
    }

    // ---- Parallel fills: the same values as the single-threaded members, computed on several cores -----------------

    /// <summary>
    /// <see cref="Bits(Span{uint})"/> computed in pieces on the thread pool: the same values, for large spans (below
    /// about 64K elements it runs on the calling thread). Both modes; original-mode keys hash each block once per piece
    /// that needs one of its two outputs, so they gain less.
    /// </summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void ParallelBits(Span<uint> destination)
    {
        PrngKey key = this;
        long total = destination.Length;
        ParallelFill.Run(destination, (start, chunk) => CounterStream.Words32(key, total, start, chunk));
    }

    /// <summary><see cref="Uniform(Span{float}, float, float)"/> on several cores: the same values.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public void ParallelUniform(Span<float> destination, float minValue = 0f, float maxValue = 1f)
    {
        Argument.ThrowIfNotBounds(minValue, maxValue);
        PrngKey key = this;
        long total = destination.Length;
        ParallelFill.Run(destination, (start, chunk) => key.UniformChunk(total, start, chunk, minValue, maxValue));
    }

    /// <summary><see cref="Uniform(Span{double}, double, double)"/> on several cores: the same values.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    /// <param name="minValue">The inclusive lower bound (finite).</param>
    /// <param name="maxValue">The upper bound (finite), exclusive up to rounding.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, or <paramref name="maxValue"/> is less than <paramref name="minValue"/>.</exception>
    public void ParallelUniform(Span<double> destination, double minValue = 0d, double maxValue = 1d)
    {
        Argument.ThrowIfNotBounds(minValue, maxValue);
        PrngKey key = this;
        long total = destination.Length;
        ParallelFill.Run(destination, (start, chunk) => key.UniformChunk(total, start, chunk, minValue, maxValue));
    }

    /// <summary><see cref="Normal(Span{float})"/> on several cores: the same values.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void ParallelNormal(Span<float> destination)
    {
        PrngKey key = this;
        long total = destination.Length;
        ParallelFill.Run(destination, (start, chunk) => key.NormalChunk(total, start, chunk));
    }

    /// <summary><see cref="Normal(Span{double})"/> on several cores: the same values.</summary>
    /// <param name="destination">The output; element i is JAX's element i.</param>
    public void ParallelNormal(Span<double> destination)
    {
        PrngKey key = this;
        long total = destination.Length;
        ParallelFill.Run(destination, (start, chunk) => key.NormalChunk(total, start, chunk));
    }

    private void CheckOffset(long startIndex)
    {
        if (startIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startIndex), startIndex, "The start index must not be negative.");
        }

        if (_impl == PrngImpl.Threefry2x32Legacy)
        {
            throw new NotSupportedException(
                "Counter offsets need a partitionable key (PrngImpl.Threefry2x32): with PrngImpl.Threefry2x32Legacy every " +
                "value depends on the total size of the request, so request the whole array at once.");
        }
    }

    // Partitionable fills go through L1-sized pieces (16 KiB: 4096 floats, 2048 doubles), so the transform reads the bits
    // the kernel just wrote from the cache; original-mode values depend on the whole request, which is hashed at once (a
    // piece would hash blocks twice).
    private const int TransformChunk = 4096;

    // One chunked loop for the four plain bulk members; the transform is a struct, so each instantiation is compiled
    // with its transform inlined (the TensorPrimitives operator pattern).
    private void UniformChunk(long total, long start, Span<float> destination, float minValue, float maxValue) =>
        FillChunked(total, start, destination, new UniformSingleTransform(minValue, maxValue));

    private void UniformChunk(long total, long start, Span<double> destination, double minValue, double maxValue)
    {
        // Partitionable keys at a vector width: the transform in the kernel's store, one pass over the memory.
        double range = maxValue - minValue;
        if (_impl == PrngImpl.Threefry2x32Legacy || double.IsInfinity(range)
            || !CounterStream.TryPartitionableUniform(_word0, _word1, (ulong)start, destination, minValue, range))
        {
            FillChunked(total, start, destination, new UniformDoubleTransform(minValue, maxValue));
        }
    }

    private void NormalChunk(long total, long start, Span<float> destination) =>
        FillChunked(total, start, destination, default(NormalSingleTransform));

    private void NormalChunk(long total, long start, Span<double> destination) =>
        FillChunked(total, start, destination, default(NormalDoubleTransform));

    /// <summary>
    /// Elements <c>[start, start + n)</c> of a request of <paramref name="total"/>: the bits of each piece (32-bit words for
    /// 4-byte elements, 64-bit for 8-byte ones) written into the piece, then transformed in place.
    /// </summary>
    [MethodImpl(HotLoop.Options)]
    private void FillChunked<T, TTransform>(long total, long start, Span<T> destination, TTransform transform)
        where T : unmanaged
        where TTransform : struct, IBitsTransform<T>
    {
        int step = _impl == PrngImpl.Threefry2x32Legacy ? Math.Max(destination.Length, 1) : TransformChunk * sizeof(uint) / Unsafe.SizeOf<T>();
        for (int offset = 0; offset < destination.Length; offset += step)
        {
            Span<T> chunk = destination.Slice(offset, Math.Min(step, destination.Length - offset));
            if (Unsafe.SizeOf<T>() == sizeof(uint))
            {
                CounterStream.Words32(this, total, start + offset, MemoryMarshal.Cast<T, uint>(chunk));
            }
            else
            {
                CounterStream.Words64(this, total, start + offset, MemoryMarshal.Cast<T, ulong>(chunk));
            }

            transform.Apply(chunk);
        }
    }

    /// <summary>An in-place transform from raw bits (the element's width) to values.</summary>
    private interface IBitsTransform<T>
    {
        void Apply(Span<T> values);
    }

    private readonly struct UniformSingleTransform : IBitsTransform<float>
    {
        private readonly float _minValue, _maxValue;

        internal UniformSingleTransform(float minValue, float maxValue) => (_minValue, _maxValue) = (minValue, maxValue);

        public void Apply(Span<float> values) => UniformSampling.FromBits(values, _minValue, _maxValue);
    }

    private readonly struct UniformDoubleTransform : IBitsTransform<double>
    {
        private readonly double _minValue, _maxValue;

        internal UniformDoubleTransform(double minValue, double maxValue) => (_minValue, _maxValue) = (minValue, maxValue);

        public void Apply(Span<double> values) => UniformSampling.FromBits(values, _minValue, _maxValue);
    }

    private readonly struct NormalSingleTransform : IBitsTransform<float>
    {
        public void Apply(Span<float> values) => NormalSampling.FromBits(values);
    }

    private readonly struct NormalDoubleTransform : IBitsTransform<double>
    {
        public void Apply(Span<double> values) => NormalSampling.FromBits(values);
    }
}

/// <summary>Splits a span into pieces of <see cref="ChunkLength"/> elements and fills them on the thread pool.</summary>
internal static class ParallelFill
{
    /// <summary>Elements per piece: 128 KiB of floats, a few tens of microseconds of work, well above the pool's overhead.</summary>
    internal const int ChunkLength = 32 * 1024;

    internal delegate void FillChunk<T>(long start, Span<T> chunk);

    internal static unsafe void Run<T>(Span<T> destination, FillChunk<T> fill)
        where T : unmanaged
    {
        int n = destination.Length;
        if (n < 2 * ChunkLength || Environment.ProcessorCount == 1)
        {
            fill(0, destination);
            return;
        }

        fixed (T* pointer = destination)
        {
            IntPtr address = (IntPtr)pointer;
            int chunks = (n + ChunkLength - 1) / ChunkLength;
            Parallel.For(0, chunks, c =>
            {
                int start = c * ChunkLength;
                int length = Math.Min(ChunkLength, n - start);
                fill(start, new Span<T>((T*)address + start, length));
            });
        }
    }
}
