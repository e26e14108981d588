using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RandomPurity.Analyzers;
using RandomPurity.Analyzers.Rules;

namespace RandomPurity.CodeFixes.KeyRenewal;

/// <summary>
/// Runs the key-reuse analyzers over a candidate fix. The RP0003/RP0009 fixes only offer code the analyzers accept
/// and the compiler compiles: the key-flow rules (branches, loops, aliases, captured keys) are too rich to mirror in
/// a fixer, so a fix is computed, checked against the real rules, and dropped when the check fails.
/// </summary>
internal static class AnalyzerCheck
{
    /// <summary>The RP0003, RP0008 and RP0009 diagnostics of <paramref name="document"/> within <paramref name="span"/>; null when an analyzer failed.</summary>
    public static async Task<ImmutableArray<Diagnostic>?> KeyDiagnosticsAsync(Document document, TextSpan? span, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return null;
        }

        var failed = false;
        var options = new CompilationWithAnalyzersOptions(
            document.Project.AnalyzerOptions,
            onAnalyzerException: (_, _, _) => failed = true,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new KeyReuseAnalyzer(), new KeyReusedAcrossExecutionsAnalyzer());
        var diagnostics = await model.Compilation.WithAnalyzers(analyzers, options)
            .GetAnalyzerSemanticDiagnosticsAsync(model, span, cancellationToken).ConfigureAwait(false);
        if (failed || diagnostics.Any(d => d.Id == "AD0001"))
        {
            return null;
        }

        return diagnostics
            .Where(d => d.Id is RuleIdentifiers.KeyReused or RuleIdentifiers.KeyReusedAcrossExecutions or RuleIdentifiers.DefaultKeyConsumed)
            .ToImmutableArray();
    }

    /// <summary>The compiler errors of the document (within <paramref name="span"/> when given), to compare before and after a fix.</summary>
    public static async Task<int> ErrorCountAsync(Document document, TextSpan? span, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null ? int.MaxValue : model.GetDiagnostics(span, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
    }
}
