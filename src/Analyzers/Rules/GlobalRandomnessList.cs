using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RandomPurity.Analyzers;

/// <summary>
/// The team's own list of global-randomness APIs for RP0002: AdditionalFiles named
/// <see cref="FileName"/> in BannedSymbols.txt format, one documentation-comment ID per line
/// (<c>M:UnityEngine.Random.Range(System.Single,System.Single);use the game's PrngKey</c>, <c>T:...</c>,
/// <c>P:...</c>, <c>F:...</c>, <c>E:...</c>, <c>N:...</c>), with <c>//</c> comment lines.
/// </summary>
internal sealed class GlobalRandomnessList
{
    /// <summary>The AdditionalFiles name (any folder; compared case-insensitively).</summary>
    public const string FileName = "RandomPurity.GlobalRandomness.txt";

    private readonly Dictionary<ISymbol, string> _members = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, string> _containers = new(SymbolEqualityComparer.Default);

    private GlobalRandomnessList()
    {
    }

    public bool IsEmpty => _members.Count == 0 && _containers.Count == 0;

    public static GlobalRandomnessList Load(AnalyzerOptions options, Compilation compilation, CancellationToken cancellationToken)
    {
        var list = new GlobalRandomnessList();
        foreach (var file in options.AdditionalFiles)
        {
            if (!string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }

            foreach (var line in text.Lines)
            {
                list.Add(line.ToString(), compilation);
            }
        }

        return list;
    }

    private void Add(string line, Compilation compilation)
    {
        var entry = line.Trim();
        if (entry.Length == 0 || entry.StartsWith("//", StringComparison.Ordinal))
        {
            return;
        }

        var message = string.Empty;
        var separator = entry.IndexOf(';');
        if (separator >= 0)
        {
            message = entry.Substring(separator + 1).Trim();
            entry = entry.Substring(0, separator).Trim();
        }

        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(entry, compilation))
        {
            var target = symbol is INamespaceOrTypeSymbol ? _containers : _members;
            target[symbol.OriginalDefinition] = message;
        }
    }

    /// <summary>
    /// The names a use of a listed API must spell: each listed member's name; for a listed type, its name and the
    /// names of its members and nested types. Null when a namespace is listed (any name may belong to it).
    /// </summary>
    public Dictionary<string, int>? Names()
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var member in _members.Keys)
        {
            names[member.Name] = 1;
            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } && member.ContainingType is { } type)
            {
                names[type.Name] = 1;
            }
        }

        foreach (var container in _containers.Keys)
        {
            if (container is not INamedTypeSymbol type)
            {
                return null;
            }

            AddTypeNames(type, names, depth: 0);
        }

        return names;
    }

    private static void AddTypeNames(INamedTypeSymbol type, Dictionary<string, int> names, int depth)
    {
        names[type.Name] = 1;
        foreach (var member in type.GetMembers())
        {
            names[member.Name] = 1;
            if (member is INamedTypeSymbol nested && depth < 8)
            {
                AddTypeNames(nested, names, depth + 1);
            }
        }
    }

    /// <summary>Finds the entry that covers <paramref name="symbol"/>: the symbol itself, a containing type or namespace.</summary>
    public bool TryMatch(ISymbol symbol, out string message)
    {
        var definition = symbol is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : symbol;
        if (_members.TryGetValue(definition.OriginalDefinition, out message!))
        {
            return true;
        }

        if (_containers.Count > 0)
        {
            var depth = 0;
            for (ISymbol? container = definition.ContainingSymbol; container is not null && depth < 64; container = container.ContainingSymbol, depth++)
            {
                if (container is INamespaceOrTypeSymbol && _containers.TryGetValue(container.OriginalDefinition, out message!))
                {
                    return true;
                }
            }
        }

        message = string.Empty;
        return false;
    }
}
