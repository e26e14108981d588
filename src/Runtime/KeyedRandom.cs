using System;

namespace RandomPurity;

/// <summary>
/// The <see cref="Random"/> that <see cref="PrngKey.AsRandom"/> returns: draw i comes from <c>key.FoldIn(i)</c> (a
/// <see cref="StatefulPrng"/>, so the count wraps after 2^32 draws and draw 2^32 repeats draw 0). <see cref="Random"/>
/// has no JAX counterpart, so the integer members are unbiased (<see cref="PrngKey.UnbiasedInt32"/>,
/// <see cref="PrngKey.UnbiasedInt64"/>), not JAX's <c>randint</c> (<see cref="PrngKey.Int32"/> is biased for ranges above 2^16).
/// </summary>
/// <remarks>
/// Both builds give the same values for every member. The netstandard2.0 build cannot override the members .NET added
/// later (<c>NextSingle</c>, <c>NextInt64</c>, <c>NextBytes(Span)</c>); running on .NET 6+, the base class implements them
/// for a derived type through the overridable ones: <c>NextSingle</c> is <c>(float)Sample()</c>, <c>NextInt64</c>
/// composes <c>Next(2^22)</c>, <c>Next(2^22)</c>, <c>Next(2^20)</c> into 64 bits and rejects, <c>NextBytes(Span)</c> is
/// <c>(byte)Next()</c> per byte; <c>Shuffle</c> and <c>GetItems</c> call <c>Next(i, n)</c> and <c>Next(n)</c>. The net8.0
/// build overrides those members with the same procedures, so that a program gets the same values whichever build
/// NuGet picks. (docs/migration.md: bulk bytes are cheaper from <see cref="PrngKey.Bits(Span{byte})"/>.)
/// </remarks>
internal sealed class KeyedRandom : Random
{
    private readonly StatefulPrng _stream;

    // Seeded base constructor: never consulted, but avoids the unseeded constructor's entropy read.
    internal KeyedRandom(StatefulPrng stream)
        : base(0) => _stream = stream;

    public override int Next() => _stream.UnbiasedInt32(0, int.MaxValue);

    public override int Next(int maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "maxValue must not be negative.");
        }

        return _stream.UnbiasedInt32(0, maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue), minValue, "minValue must not be greater than maxValue.");
        }

        return _stream.UnbiasedInt32(minValue, maxValue);
    }

    public override double NextDouble() => _stream.Uniform();

    public override void NextBytes(byte[] buffer)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        _stream.Bits(buffer.AsSpan());
    }

    /// <summary>A float32 uniform widened, so that <c>(float)Sample()</c> (the base <c>NextSingle</c> of the
    /// netstandard2.0 build) is exactly <see cref="StatefulPrng.UniformSingle"/> and never rounds up to 1.</summary>
    protected override double Sample() => _stream.UniformSingle();

#if NET8_0_OR_GREATER
    public override float NextSingle() => (float)Sample();

    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)Next();
        }
    }

    public override long NextInt64()
    {
        while (true)
        {
            ulong result = NextUInt64() >> 1;
            if (result != long.MaxValue)
            {
                return (long)result;
            }
        }
    }

    public override long NextInt64(long maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "maxValue must not be negative.");
        }

        return NextInt64(0, maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue), minValue, "minValue must not be greater than maxValue.");
        }

        // Mask-and-reject on the top bits of NextUInt64: unbiased, and the base class's procedure for derived types.
        ulong exclusiveRange = (ulong)(maxValue - minValue);
        if (exclusiveRange <= 1)
        {
            return minValue;
        }

        int bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(exclusiveRange - 1);
        while (true)
        {
            ulong result = NextUInt64() >> (64 - bits);
            if (result < exclusiveRange)
            {
                return (long)result + minValue;
            }
        }
    }

    private ulong NextUInt64() =>
        (uint)Next(1 << 22) | ((ulong)(uint)Next(1 << 22) << 22) | ((ulong)(uint)Next(1 << 20) << 44);
#endif
}
