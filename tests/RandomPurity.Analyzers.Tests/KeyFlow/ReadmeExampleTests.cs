using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.KeyFlow;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReuseAnalyzer>;

namespace RandomPurity.Analyzers.Tests.KeyFlow;

/// <summary>The RP0003 example in the README, and the batched members that the README and docs/migration.md show.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public Task Batched_fold_in_makes_the_key_a_fold_in_parent_not_a_consumed_key() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RandomPurity;

        class C
        {
            float M(float[] a, int chunks)
            {
                var key = PrngKey.Create(0);
                float sum = 0;
                for (int c = 0; c < chunks; c++)
                {
                    key.FoldInUniformSingle((uint)(c * a.Length), a);
                    sum += a[0];
                }

                return sum;
            }
        }
        """);

    [Fact]
    public Task Batched_fold_in_then_a_draw_from_the_same_key_is_reuse() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RandomPurity;

        class C
        {
            float M(float[] a)
            {
                var key = PrngKey.Create(0);
                {|#1:key|}.FoldInUniformSingle(0, a);
                return {|#0:key|}.UniformSingle();
            }
        }
        """,
        VerifyCS.Diagnostic(Descriptors.KeyReused).WithLocation(0).WithLocation(1)
            .WithArguments("key", KeyFlowFinding.Describe(ReuseKind.ConsumedAfterFoldIn), FirstUseLine.At(1)));

    [Fact]
    public Task Batched_split_of_key_chains_in_place_is_not_reuse() => VerifyCS.VerifyAnalyzerAsync(
        """
        using System;
        using RandomPurity;

        class C
        {
            float M(int walkers, int time)
            {
                PrngKey[] chains = PrngKey.Create(42).Split(walkers);
                var subkeys = new PrngKey[walkers];
                var steps = new float[walkers];
                float sum = 0;
                for (int t = 0; t < time; t++)
                {
                    PrngKey.Split(chains, chains, subkeys);
                    PrngKey.UniformSingle(subkeys, steps, -1f, 1f);
                    sum += steps[0];
                }

                return sum;
            }
        }
        """);

    /// <summary>
    /// The RP0003 example as README.md shows it (the C# block after "RP0003 finds reuse"), read from the file: each
    /// line commented <c>// RP0003: ...</c> must be reported there, on the key that is the receiver of its call, with
    /// the earlier use of that key (the last line before it where it is a receiver) as the additional location, and
    /// the comment must be the start of the message or its end after "...". No other diagnostic. Editing the example
    /// or its comments without the analyzer agreeing fails here.
    /// </summary>
    [Fact]
    public Task Readme_rp0003_example()
    {
        string[] example = ReadmeCodeBlockAfter("RP0003 finds reuse");
        Assert.Contains(example, line => line.Contains("// RP0003", StringComparison.Ordinal));
        var lines = new List<string>();
        var expected = new List<DiagnosticResult>();
        int marker = 0;
        foreach (string line in example)
        {
            Match finding = Regex.Match(line, @"^(?<code>.*?;)\s*// RP0003: (?<comment>.*)$");
            if (!finding.Success)
            {
                lines.Add(line);
                continue;
            }

            string code = finding.Groups["code"].Value, comment = finding.Groups["comment"].Value;
            string name = Regex.Match(code, @"=\s*(\w+)\.").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(name), $"no key receiver in the README line '{line}'");
            int earlier = lines.FindLastIndex(l => Regex.IsMatch(l, $@"\b{name}\."));
            Assert.True(earlier >= 0, $"no earlier use of '{name}' before the README line '{line}'");
            lines[earlier] = Regex.Replace(lines[earlier], $@"\b{name}\.", $"{{|#{marker + 1}:{name}|}}.", RegexOptions.None, TimeSpan.FromSeconds(1));
            lines.Add(Regex.Replace(code, $@"=(\s*){name}\.", $"=$1{{|#{marker}:{name}|}}."));

            // A comment may end with the message's "(first use on line N)", N counted within the README block.
            Match lineNote = Regex.Match(comment, @"^(?<text>.*) \(first use on line (?<line>\d+)\)$");
            if (lineNote.Success)
            {
                Assert.Equal(earlier + 1, int.Parse(lineNote.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture));
                comment = lineNote.Groups["text"].Value;
            }

            // The comment is "Key 'name' is reused: <description>" or "...<end of the description>".
            ReuseKind[] kinds = Enum.GetValues<ReuseKind>()
                .Where(k => comment.StartsWith("...", StringComparison.Ordinal)
                    ? KeyFlowFinding.Describe(k).EndsWith(comment.Substring(3), StringComparison.Ordinal)
                    : comment == $"Key '{name}' is reused: {KeyFlowFinding.Describe(k)}")
                .ToArray();
            Assert.True(kinds.Length == 1, $"the README comment '{comment}' names no single reuse kind for '{name}'");
            expected.Add(VerifyCS.Diagnostic(Descriptors.KeyReused).WithLocation(marker).WithLocation(marker + 1)
                .WithArguments(name, KeyFlowFinding.Describe(kinds[0]), FirstUseLine.At(marker + 1)));
            marker += 2;
        }

        string source = "using RandomPurity;\n\nclass C\n{\n    void M()\n    {\n"
            + string.Concat(lines.Select(l => "        " + l + "\n")) + "    }\n}\n";
        return VerifyCS.VerifyAnalyzerAsync(source, expected.ToArray());
    }

    /// <summary>The lines of the first <c>```csharp</c> block after the line containing <paramref name="anchor"/>.</summary>
    private static string[] ReadmeCodeBlockAfter(string anchor)
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "RandomPurity.sln")))
        {
            directory = Path.GetDirectoryName(directory.TrimEnd(Path.DirectorySeparatorChar));
        }

        Assert.True(directory is not null, $"no RandomPurity.sln above {AppContext.BaseDirectory}");
        string[] readme = File.ReadAllLines(Path.Combine(directory!, "README.md"));
        int at = Array.FindIndex(readme, l => l.Contains(anchor, StringComparison.Ordinal));
        Assert.True(at >= 0, $"README.md has no line containing '{anchor}'");
        int open = Array.FindIndex(readme, at, l => l.Trim() == "```csharp");
        int close = Array.FindIndex(readme, open + 1, l => l.Trim() == "```");
        Assert.True(open > at && close > open, "no ```csharp block after the anchor");
        return readme[(open + 1)..close];
    }
}
