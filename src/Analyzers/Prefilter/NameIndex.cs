using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RandomPurity.Analyzers.Prefilter;

/// <summary>
/// Where in a syntax tree the names a rule cares about occur: one pass over each tree's text (identifier-like runs
/// looked up in a small hash table, no allocation per run), then a binary search per member. Text, not tokens: a name
/// in a comment or a string only makes a member a candidate, which costs time but never a diagnostic. An escaped
/// identifier (<c>R\u0061ndom</c>) cannot be matched by its spelling, so every <c>\u</c> counts as every name.
/// </summary>
internal sealed class NameIndex
{
    /// <summary>A mask bit set for <c>new</c> followed by <c>(</c>: a target-typed creation, whose type is not spelled.</summary>
    public const int ImplicitNew = 1 << 30;

    /// <summary>A mask bit set for every <c>new</c>.</summary>
    public const int NewKeyword = 1 << 29;

    [ThreadStatic]
    private static char[]? s_buffer;

    private readonly Entry[] _table;
    private readonly int _tableMask;
    private int _maxLength;
    private readonly ConcurrentDictionary<SyntaxTree, Hits> _trees = new();

    public NameIndex(IReadOnlyDictionary<string, int> names)
    {
        var size = 16;
        while (size < (names.Count + 1) * 2)
        {
            size <<= 1;
        }

        _table = new Entry[size];
        _tableMask = size - 1;
        Add("new", NewKeyword);
        foreach (var pair in names)
        {
            Add(pair.Key, pair.Value);
        }
    }

    /// <summary>True when <paramref name="span"/> of <paramref name="tree"/> holds a name whose mask shares a bit with <paramref name="mask"/>.</summary>
    public bool Contains(SyntaxTree tree, TextSpan span, int mask, CancellationToken cancellationToken)
    {
        if (!_trees.TryGetValue(tree, out var hits))
        {
            hits = _trees.GetOrAdd(tree, Scan(tree, cancellationToken));
        }

        return hits.Any(span, mask);
    }

    private void Add(string name, int mask)
    {
        if (name.Length == 0)
        {
            return;
        }

        var hash = 17;
        foreach (var c in name)
        {
            hash = unchecked((hash * 31) + c);
        }

        var index = hash & _tableMask;
        while (_table[index].Name is { } existing)
        {
            if (existing == name)
            {
                _table[index].Mask |= mask;
                return;
            }

            index = (index + 1) & _tableMask;
        }

        _table[index] = new Entry { Name = name, Hash = hash, Mask = mask };
        _maxLength = Math.Max(_maxLength, name.Length);
    }

    private int Lookup(char[] text, int start, int length, int hash)
    {
        var index = hash & _tableMask;
        while (_table[index].Name is { } name)
        {
            if (_table[index].Hash == hash && name.Length == length && SameChars(name, text, start))
            {
                return _table[index].Mask;
            }

            index = (index + 1) & _tableMask;
        }

        return 0;
    }

    private static bool SameChars(string name, char[] text, int start)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != text[start + i])
            {
                return false;
            }
        }

        return true;
    }

    private Hits Scan(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var length = text.Length;
        var buffer = s_buffer;
        if (buffer is null || buffer.Length < length)
        {
            buffer = new char[Math.Max(length, 4096)];
            if (length <= 1 << 20)
            {
                s_buffer = buffer;
            }
        }

        text.CopyTo(0, buffer, 0, length);
        var positions = new List<int>();
        var masks = new List<int>();
        var i = 0;
        while (i < length)
        {
            var c = buffer[i];
            if (IsIdentifierChar(c))
            {
                var start = i;
                var hash = 17;
                while (i < length && IsIdentifierChar(buffer[i]))
                {
                    hash = unchecked((hash * 31) + buffer[i]);
                    i++;
                }

                var runLength = i - start;
                // A run that starts with a digit is a number (or its suffix), never a name.
                if (runLength > _maxLength || (buffer[start] >= '0' && buffer[start] <= '9'))
                {
                    continue;
                }

                var mask = Lookup(buffer, start, runLength, hash);
                if (mask == 0)
                {
                    continue;
                }

                if ((mask & NewKeyword) != 0 && runLength == 3)
                {
                    var next = i;
                    while (next < length && char.IsWhiteSpace(buffer[next]))
                    {
                        next++;
                    }

                    // `new(` or `new /* comment */ (`: a target-typed creation, conservatively.
                    if (next < length && (buffer[next] == '(' || buffer[next] == '/'))
                    {
                        mask |= ImplicitNew;
                    }
                }

                positions.Add(start);
                masks.Add(mask);
                continue;
            }

            if (c == '\\' && i + 1 < length && (buffer[i + 1] == 'u' || buffer[i + 1] == 'U'))
            {
                positions.Add(i);
                masks.Add(~0);
            }

            i++;
        }

        return new Hits(positions.ToArray(), masks.ToArray());
    }

    private static bool IsIdentifierChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c > 127 && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.Format));

    private struct Entry
    {
        public string? Name;
        public int Hash;
        public int Mask;
    }

    private sealed class Hits
    {
        private readonly int[] _positions;
        private readonly int[] _masks;

        public Hits(int[] positions, int[] masks)
        {
            _positions = positions;
            _masks = masks;
        }

        public bool Any(TextSpan span, int mask)
        {
            var low = 0;
            var high = _positions.Length;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (_positions[middle] < span.Start)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            for (var i = low; i < _positions.Length && _positions[i] < span.End; i++)
            {
                if ((_masks[i] & mask) != 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
