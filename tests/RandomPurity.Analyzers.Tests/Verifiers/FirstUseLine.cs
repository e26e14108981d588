using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Testing;

namespace RandomPurity.Analyzers.Tests.Verifiers;

/// <summary>
/// The RP0003 message names the line of the first use. An expected result says which markup marks that use with
/// <see cref="At"/>; before the test runs, <see cref="Resolve"/> replaces it with that markup's line in the test
/// source (markup never spans lines, so the line is the same once the markup is removed).
/// </summary>
internal sealed class FirstUseLine
{
    private FirstUseLine(int markup) => Markup = markup;

    public int Markup { get; }

    /// <summary>A message argument standing for the line of markup <c>{|#markup:...|}</c>.</summary>
    public static FirstUseLine At(int markup) => new(markup);

    public override string ToString() => "line of markup #" + Markup;

    public static void Resolve<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        Resolve(test.TestState.ExpectedDiagnostics, test.TestState.Sources.Select(s => s.content.ToString()));
        if (test is CodeFixTest<TVerifier> fix)
        {
            Resolve(fix.FixedState.ExpectedDiagnostics, fix.FixedState.Sources.Select(s => s.content.ToString()));
            Resolve(fix.BatchFixedState.ExpectedDiagnostics, fix.BatchFixedState.Sources.Select(s => s.content.ToString()));
        }
    }

    private static void Resolve(List<DiagnosticResult> expected, IEnumerable<string> sources)
    {
        var texts = sources.ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].MessageArguments is { } arguments && arguments.Any(a => a is FirstUseLine))
            {
                var resolved = arguments.Select(a => a is FirstUseLine line ? LineOf(texts, line.Markup) : a!).ToArray();
                expected[i] = expected[i].WithArguments(resolved);
            }
        }
    }

    private static int LineOf(List<string> texts, int markup)
    {
        var marker = "{|#" + markup + ":";
        foreach (var text in texts)
        {
            var index = text.IndexOf(marker, StringComparison.Ordinal);
            if (index >= 0)
            {
                return text.Take(index).Count(c => c == '\n') + 1;
            }
        }

        throw new InvalidOperationException("No markup " + marker + " in the test sources.");
    }
}
