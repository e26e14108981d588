using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RandomPurity.Analyzers.Tests.Robustness;

/// <summary>
/// The inputs of the robustness tests: every C# file of the repository's tests and samples, variants of them
/// broken in the ways an IDE sees while a user types, and synthetic extremes. Variants are drawn from a fixed
/// PrngKey, so a failure replays exactly.
/// </summary>
internal static class FuzzCorpus
{
    /// <summary>Variants per source file; RANDOMPURITY_FUZZ_VARIANTS raises it for an on-demand long run.</summary>
    public static int VariantsPerFile =>
        int.TryParse(Environment.GetEnvironmentVariable("RANDOMPURITY_FUZZ_VARIANTS"), out var n) && n > 0 ? n : 3;

    public static IReadOnlyList<(string Name, string Text)> RepositorySources()
    {
        var root = HelpLinkTests.RepositoryRoot();
        var files = new List<(string, string)>();
        foreach (var folder in new[] { "samples", "tests" })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
                         .Where(p => !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                                     && !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                         .OrderBy(p => p, StringComparer.Ordinal))
            {
                files.Add((Path.GetRelativePath(root, path), File.ReadAllText(path)));
                files.AddRange(EmbeddedSources(path, File.ReadAllText(path)));
            }
        }

        return files;
    }

    /// <summary>The C# snippets inside test files (raw string literals handed to the verifiers).</summary>
    private static IEnumerable<(string, string)> EmbeddedSources(string path, string text)
    {
        var tree = CSharpSyntaxTree.ParseText(text);
        int index = 0;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if ((token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.StringLiteralToken))
                && token.ValueText.Length > 40 && token.ValueText.Contains(';', StringComparison.Ordinal))
            {
                yield return ($"{Path.GetFileName(path)}#{index++}", StripMarkup(token.ValueText));
            }
        }
    }

    private static string StripMarkup(string source)
    {
        // {|#0:text|} and {|RP0001:text|} become text; [|text|] becomes text.
        var sb = new StringBuilder(source.Length);
        for (int i = 0; i < source.Length; i++)
        {
            if (source[i] == '{' && i + 1 < source.Length && source[i + 1] == '|')
            {
                int colon = source.IndexOf(':', i);
                if (colon > 0)
                {
                    i = colon;
                    continue;
                }
            }

            if ((source[i] == '|' && i + 1 < source.Length && (source[i + 1] == '}' || source[i + 1] == ']'))
                || (source[i] == '[' && i + 1 < source.Length && source[i + 1] == '|'))
            {
                i++;
                continue;
            }

            sb.Append(source[i]);
        }

        return sb.ToString();
    }

    /// <summary>Broken variants of one source: truncations, deleted and duplicated tokens, unbalanced braces, #if.</summary>
    public static IEnumerable<string> Variants(string text, int fileIndex)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToArray();
        if (tokens.Length == 0)
        {
            yield break;
        }

        var key = PrngKey.Create(20261125).FoldIn(fileIndex);
        int count = VariantsPerFile;
        var picks = new int[4 * count];
        key.Integers(picks, 0, tokens.Length);
        for (int v = 0; v < count; v++)
        {
            var at = tokens[picks[4 * v]];
            var other = tokens[picks[4 * v + 1]];
            yield return text.Substring(0, at.Span.Start);                                       // truncated mid-file
            yield return text.Remove(at.Span.Start, at.Span.Length);                             // a token deleted
            yield return text.Insert(other.Span.Start, other.Text + " ");                       // a token duplicated
            yield return text.Insert(at.Span.Start, v % 2 == 0 ? "{ " : "} ");                  // unbalanced braces
        }

        var a = tokens[picks[2] % tokens.Length].Span.Start;
        var b = tokens[picks[3] % tokens.Length].Span.End;
        if (a < b)
        {
            yield return text.Substring(0, a) + "\n#if NEVER_DEFINED\n" + text.Substring(a, b - a) + "\n#endif\n" + text.Substring(b);
        }
    }

    /// <summary>A method with <paramref name="statements"/> statements of key code, mixing splits, draws and loops.</summary>
    public static string LongMethod(int statements)
    {
        var sb = new StringBuilder("using System; using RandomPurity;\nclass Long { double Run(int n) { var key = PrngKey.Create(1); double s = 0;\n");
        for (int i = 0; i < statements; i++)
        {
            sb.Append((i % 5) switch
            {
                0 => "(key, var k" + i + ") = key.Split(); s += k" + i + ".Uniform();\n",
                1 => "if (n > " + i + ") { s += key.FoldIn(" + i + ").Uniform(); }\n",
                2 => "for (int j" + i + " = 0; j" + i + " < n; j" + i + "++) { s += key.FoldIn(j" + i + ").Normal(); }\n",
                3 => "s += new Random(" + i + ").NextDouble();\n",
                _ => "s += key.Split()" + ".First.Uniform();\n",
            });
        }

        return sb.Append("return s; } }\n").ToString();
    }

    /// <summary>Lambdas and loops nested <paramref name="depth"/> deep, each level drawing from a captured key.</summary>
    public static string DeepNesting(int depth)
    {
        var sb = new StringBuilder("using System; using System.Linq; using RandomPurity;\nclass Deep { double Run(PrngKey key, int n) { double s = 0;\n");
        for (int i = 0; i < depth; i++)
        {
            sb.Append(i % 2 == 0
                ? "Func<int, double> f" + i + " = x" + i + " => { s += key.FoldIn(x" + i + ").Uniform();\n"
                : "for (int j" + i + " = 0; j" + i + " < n; j" + i + "++) { s += key.Uniform();\n");
        }

        for (int i = depth - 1; i >= 0; i--)
        {
            sb.Append(i % 2 == 0 ? "return s; };\n" : "}\n");
        }

        return sb.Append("return s; } }\n").ToString();
    }

    /// <summary>A file of <paramref name="methods"/> methods with legacy randomness and keys.</summary>
    public static string HugeFile(int methods)
    {
        var sb = new StringBuilder("using System; using System.Linq; using RandomPurity;\nclass Huge {\n");
        for (int i = 0; i < methods; i++)
        {
            sb.Append("double M" + i + "(PrngKey key, int[] xs) { var r = new Random(" + i + "); var (a, b) = key.Split(); "
                + "var t = xs.OrderBy(_ => Guid.NewGuid()).Sum(); return a.Uniform() + b.Normal() + r.NextDouble() + Random.Shared.Next() + t; }\n");
        }

        return sb.Append("}\n").ToString();
    }
}
