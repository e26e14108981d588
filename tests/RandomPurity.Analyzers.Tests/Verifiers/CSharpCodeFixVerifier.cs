using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RandomPurity.Analyzers.Tests.Verifiers;

/// <summary>
/// The verifier every code-fix test goes through: <c>VerifyCodeFixAsync(source, fixedSource)</c>. The testing
/// library also applies FixAll at document, project and solution scope and checks that the result compiles.
/// </summary>
internal static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyCodeFixAsync(string source, string fixedSource) => VerifyCodeFixAsync(source, DiagnosticResult.EmptyDiagnosticResults, fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        public ImmutableArray<MetadataReference> References { get; set; } = TestReferences.Net100;

        public string? AnalyzerConfig { get; set; }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            FirstUseLine.Resolve(this);
            TestState.AdditionalReferences.AddRange(References);
            FixedState.AdditionalReferences.AddRange(References);
            if (AnalyzerConfig is not null)
            {
                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + AnalyzerConfig));
            }

            return base.RunImplAsync(cancellationToken);
        }
    }
}
