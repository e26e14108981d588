using System;
using System.Collections.Generic;
using System.Globalization;

namespace DistributedMonteCarlo;

/// <summary><c>--name value</c> options; an option with no value (a flag) reads as "true".</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Parses the options that follow the command.</summary>
    /// <param name="options">The arguments after the command.</param>
    /// <param name="known">The option names the command accepts, without the dashes.</param>
    /// <exception cref="FormatException">An argument is not a known option.</exception>
    public Arguments(ReadOnlySpan<string> options, params string[] known)
    {
        var accepted = new HashSet<string>(known, StringComparer.Ordinal);
        for (int i = 0; i < options.Length; i++)
        {
            string option = options[i];
            if (!option.StartsWith("--", StringComparison.Ordinal) || !accepted.Contains(option[2..]))
            {
                throw new FormatException($"Unknown option '{option}'. Options: --{string.Join(", --", known)}.");
            }

            bool hasValue = i + 1 < options.Length && !options[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[option[2..]] = hasValue ? options[++i] : "true";
        }
    }

    /// <summary>Whether the option was given.</summary>
    /// <param name="name">The option name without the dashes.</param>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The option's text, or <paramref name="fallback"/>.</summary>
    /// <param name="name">The option name without the dashes.</param>
    /// <param name="fallback">The value when the option is absent.</param>
    public string Text(string name, string fallback) => _values.TryGetValue(name, out string? value) ? value : fallback;

    /// <summary>The option as an integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="name">The option name without the dashes.</param>
    /// <param name="fallback">The value when the option is absent.</param>
    /// <param name="min">The smallest accepted value.</param>
    /// <param name="max">The largest accepted value.</param>
    public int Int(string name, int fallback, int min = 0, int max = int.MaxValue)
    {
        if (!_values.TryGetValue(name, out string? text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new FormatException($"--{name} expects an integer in [{min}, {max}], not '{text}'.");
        }

        return value;
    }
}
