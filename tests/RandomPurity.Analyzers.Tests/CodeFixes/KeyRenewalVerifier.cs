using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.Rules;
using RandomPurity.Analyzers.Tests.Verifiers;

namespace RandomPurity.Analyzers.Tests;

/// <summary>
/// Code-fix tests for the key-reuse fixes, run with both key-flow analyzers (RP0003/RP0008 and RP0009): the fixed
/// code must be clean under every one of them, not only under the rule being fixed.
/// </summary>
internal sealed class KeyRenewalTest<TCodeFix> : CSharpCodeFixTest<KeyReuseAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public KeyRenewalTest(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        ReferenceAssemblies = TestReferences.None;
        TestCode = source;
        FixedCode = fixedSource;
        ExpectedDiagnostics.AddRange(expected);
    }

    public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

    /// <summary>
    /// The fixed code is expected to be free of every key diagnostic, including those of the other analyzer that the
    /// fix under test removes as a side effect (the library otherwise expects them to survive).
    /// </summary>
    public KeyRenewalTest<TCodeFix> ExpectingCleanFixedCode()
    {
        FixedState.InheritanceMode = StateInheritanceMode.Explicit;
        return this;
    }

    public static DiagnosticResult Reuse(string key, string reason, int site = 0, int first = 1) =>
        new DiagnosticResult(Descriptors.KeyReused).WithLocation(site).WithLocation(first).WithArguments(key, reason, FirstUseLine.At(first));

    public static DiagnosticResult AcrossExecutions(string key, string where, int site = 0) =>
        new DiagnosticResult(Descriptors.KeyReusedAcrossExecutions).WithLocation(site).WithArguments(key, where);

    public Task RunAsync() => RunAsync(CancellationToken.None);

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        new DiagnosticAnalyzer[] { new KeyReuseAnalyzer(), new KeyReusedAcrossExecutionsAnalyzer() };

    protected override ParseOptions CreateParseOptions() =>
        ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

    protected override Task RunImplAsync(CancellationToken cancellationToken)
    {
        FirstUseLine.Resolve(this);
        TestState.AdditionalReferences.AddRange(TestReferences.Net100);
        FixedState.AdditionalReferences.AddRange(TestReferences.Net100);
        return base.RunImplAsync(cancellationToken);
    }
}
