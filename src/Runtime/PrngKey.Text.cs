using System;
using System.Globalization;

namespace RandomPurity;

public readonly partial struct PrngKey
{
    // The text form is a wire format, fixed forever (runtime-api.md): "<impl>:<word0 hex8><word1 hex8>".
    private const string PartitionablePrefix = "threefry2x32:";
    private const string LegacyPrefix = "threefry2x32-legacy:";
    private const int HexDigits = 16;

    /// <summary>
    /// The key's text form, <c>threefry2x32:</c> or <c>threefry2x32-legacy:</c> followed by Word0 and Word1 as 8
    /// lowercase hex digits each, e.g. <c>threefry2x32:000000000000002a</c> for <c>Create(42)</c>.
    /// </summary>
    public override string ToString()
    {
        string prefix = _impl == PrngImpl.Threefry2x32Legacy ? LegacyPrefix : PartitionablePrefix;
        return prefix + _word0.ToString("x8", CultureInfo.InvariantCulture) + _word1.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses the text form written by <see cref="ToString"/> (hex digits in either case).</summary>
    /// <param name="text">The text form of a key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a key's text form.</exception>
    public static PrngKey Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (!TryParse(text, out PrngKey key))
        {
            throw new FormatException("Expected 'threefry2x32:' or 'threefry2x32-legacy:' followed by 16 hex digits.");
        }

        return key;
    }

    /// <summary>Parses the text form written by <see cref="ToString"/>; returns <c>false</c> for anything else.</summary>
    /// <param name="text">The text form of a key, or null.</param>
    /// <param name="key">The parsed key, or <c>default</c>.</param>
    public static bool TryParse(string? text, out PrngKey key)
    {
        key = default;
        if (text is null)
        {
            return false;
        }

        PrngImpl impl;
        int start;
        if (text.StartsWith(LegacyPrefix, StringComparison.Ordinal))
        {
            impl = PrngImpl.Threefry2x32Legacy;
            start = LegacyPrefix.Length;
        }
        else if (text.StartsWith(PartitionablePrefix, StringComparison.Ordinal))
        {
            impl = PrngImpl.Threefry2x32;
            start = PartitionablePrefix.Length;
        }
        else
        {
            return false;
        }

        if (text.Length != start + HexDigits
            || !TryParseHex(text, start, out uint word0)
            || !TryParseHex(text, start + 8, out uint word1))
        {
            return false;
        }

        key = new PrngKey(word0, word1, impl);
        return true;
    }

    private static bool TryParseHex(string text, int start, out uint value)
    {
        value = 0;
        for (int i = start; i < start + 8; i++)
        {
            char c = text[i];
            uint digit;
            if (c >= '0' && c <= '9')
            {
                digit = (uint)(c - '0');
            }
            else if (c >= 'a' && c <= 'f')
            {
                digit = (uint)(c - 'a' + 10);
            }
            else if (c >= 'A' && c <= 'F')
            {
                digit = (uint)(c - 'A' + 10);
            }
            else
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}
