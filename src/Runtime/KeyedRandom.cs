using System;

namespace RandomPurity;

/// <summary>
/// The <see cref="Random"/> that <see cref="PrngKey.AsRandom"/> returns. Every virtual member is overridden so that
/// no draw touches <see cref="Random"/>'s own generator: draw i comes from <c>key.FoldIn(i)</c>, mapped as the code
/// fixes map <see cref="Random"/> calls (runtime-api.md).
/// </summary>
internal sealed class KeyedRandom : Random
{
    private readonly StatefulPrng _stream;

    // Seeded base constructor: never consulted, but avoids the unseeded constructor's entropy read.
    internal KeyedRandom(StatefulPrng stream)
        : base(0) => _stream = stream;

    public override int Next() => _stream.Int32(0, int.MaxValue);

    public override int Next(int maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "maxValue must not be negative.");
        }

        return _stream.Int32(0, maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue), minValue, "minValue must not be greater than maxValue.");
        }

        return _stream.Int32(minValue, maxValue);
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

    protected override double Sample() => _stream.Uniform();

#if NET8_0_OR_GREATER
    public override void NextBytes(Span<byte> buffer) => _stream.Bits(buffer);

    public override long NextInt64() => _stream.Int64(0, long.MaxValue);

    public override long NextInt64(long maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "maxValue must not be negative.");
        }

        return _stream.Int64(0, maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue), minValue, "minValue must not be greater than maxValue.");
        }

        return _stream.Int64(minValue, maxValue);
    }

    public override float NextSingle() => _stream.UniformSingle();
#endif
}
