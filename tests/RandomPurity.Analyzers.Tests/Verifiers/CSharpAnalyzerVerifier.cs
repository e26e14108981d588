using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RandomPurity.Analyzers.Tests.Verifiers;

/// <summary>
/// The verifier every analyzer test goes through: <c>VerifyCS.VerifyAnalyzerAsync(source, expected...)</c> with
/// <c>{|#0:...|}</c> markup, offline references, and a choice of language version and reference set.
/// </summary>
internal static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>C# 7.3 against netstandard2.0: what library code that targets .NET Framework looks like.</summary>
    public static Task VerifyAnalyzerCSharp73Async(string source, params DiagnosticResult[] expected)
    {
        var test = new Test
        {
            TestCode = source,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3,
            References = TestReferences.NetStandard20,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        public ImmutableArray<MetadataReference> References { get; set; } = TestReferences.Net100;

        /// <summary>Files added as AdditionalFiles (name, content), e.g. a BannedSymbols-format list.</summary>
        public List<(string Name, string Content)> AdditionalTextFiles { get; } = new();

        /// <summary>.editorconfig / globalconfig lines for the analyzer options.</summary>
        public string? AnalyzerConfig { get; set; }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        // Nullable annotations exist from C# 8 on; enabling them for older versions is itself an error (CS8630).
        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(
                LanguageVersion.MapSpecifiedToEffectiveVersion() >= LanguageVersion.CSharp8
                    ? NullableContextOptions.Enable
                    : NullableContextOptions.Disable);

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            FirstUseLine.Resolve(this);
            TestState.AdditionalReferences.AddRange(References);

            // Additional projects (e.g. a third-party library) compile against the same framework.
            foreach (var project in TestState.AdditionalProjects.Values)
            {
                project.AdditionalReferences.AddRange(References);
            }

            foreach (var (name, content) in AdditionalTextFiles)
            {
                TestState.AdditionalFiles.Add((name, content));
            }

            if (AnalyzerConfig is not null)
            {
                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + AnalyzerConfig));
            }

            return base.RunImplAsync(cancellationToken);
        }
    }
}
