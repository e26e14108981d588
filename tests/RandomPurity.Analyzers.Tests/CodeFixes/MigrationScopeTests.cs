using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RandomPurity.Analyzers.Tests.Verifiers;
using RandomPurity.CodeFixes;
using Xunit;
using VerifyBridge = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.SystemRandomCreatedAnalyzer,
    RandomPurity.CodeFixes.SystemRandomBridgeCodeFixProvider>;
using VerifyField = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.SystemRandomCreatedAnalyzer,
    RandomPurity.CodeFixes.SystemRandomFieldCodeFixProvider>;
using VerifyLocal = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.SystemRandomCreatedAnalyzer,
    RandomPurity.CodeFixes.SystemRandomLocalCodeFixProvider>;
using VerifyShared = RandomPurity.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    RandomPurity.Analyzers.GlobalRandomnessAnalyzer,
    RandomPurity.CodeFixes.SharedRandomCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests.CodeFixes;

/// <summary>
/// Where the migration fixes may act at all (issue 18, item 3): only where the runtime's <c>PrngKey</c> is in the
/// compilation of every target framework the file is built for. A net45 target of a multi-targeted project gets no
/// runtime from the package; a rewrite of the shared source would not compile there.
/// </summary>
public sealed class MigrationScopeTests
{
    private const string Source = """
        using System;

        class Dice
        {
            private readonly Random _field = {|RP0001:new Random(1)|};

            int Local()
            {
                var rng = {|RP0001:new Random(2)|};
                return rng.Next(6) + _field.Next(6);
            }

            int Passed() => Roll({|RP0001:new Random(3)|});

            static int Roll(Random random) => random.Next(6);
        }
        """;

    [Fact]
    public Task WithoutTheRuntime_TheLocalFixOffersNothing() =>
        new VerifyLocal.Test { TestCode = Source, FixedCode = Source, References = TestReferences.Net100WithoutRuntime }.RunAsync();

    [Fact]
    public Task WithoutTheRuntime_TheFieldFixOffersNothing() =>
        new VerifyField.Test { TestCode = Source, FixedCode = Source, References = TestReferences.Net100WithoutRuntime }.RunAsync();

    [Fact]
    public Task WithoutTheRuntime_TheCreationFixOffersNothing() =>
        new VerifyBridge.Test { TestCode = Source, FixedCode = Source, References = TestReferences.Net100WithoutRuntime }.RunAsync();

    [Fact]
    public Task WithoutTheRuntime_TheSharedRandomFixOffersNothing()
    {
        const string source = """
            using System;

            class Dice
            {
                int Roll() => {|RP0002:Random.Shared|}.Next(6);
            }
            """;
        return new VerifyShared.Test { TestCode = source, FixedCode = source, References = TestReferences.Net100WithoutRuntime }.RunAsync();
    }

    /// <summary>
    /// One file compiled by two projects (a multi-targeted library's net10.0 and net45 views: the second has no
    /// runtime): the diagnostics of the view that has the runtime get no code action either, from any RP0001 or
    /// RP0002 fixer. The same file in a project of its own (the control) gets them.
    /// </summary>
    [Fact]
    public async Task FileSharedWithATargetWithoutTheRuntime_GetsNoCodeAction()
    {
        const string text = """
            using System;

            class Dice
            {
                private readonly Random _field = new Random(1);

                int Local()
                {
                    var rng = new Random(2);
                    return rng.Next(6) + _field.Next(6) + Random.Shared.Next(6);
                }
            }
            """;

        var (linked, linkedDocument) = Solution(text, withOldTarget: true);
        var (alone, aloneDocument) = Solution(text, withOldTarget: false);
        Assert.Equal(2, linked.GetDocumentIdsWithFilePath("/src/Dice.cs").Length);
        Assert.True(linked.GetDocument(linkedDocument)!.GetLinkedDocumentIds().Length == 1);

        Assert.Equal(0, await CountActionsAsync(linked.GetDocument(linkedDocument)!));
        Assert.True(await CountActionsAsync(alone.GetDocument(aloneDocument)!) >= 3);
    }

    private static (Solution Solution, DocumentId Document) Solution(string text, bool withOldTarget)
    {
        var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        var modern = ProjectId.CreateNewId("Dice(net10.0)");
        solution = solution.AddProject(ProjectInfo.Create(modern, VersionStamp.Default, "Dice(net10.0)", "Dice", LanguageNames.CSharp,
            filePath: "/src/Dice.csproj", compilationOptions: options, metadataReferences: TestReferences.Net100));
        var document = DocumentId.CreateNewId(modern);
        solution = solution.AddDocument(DocumentInfo.Create(document, "Dice.cs", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text), VersionStamp.Default)), filePath: "/src/Dice.cs"));
        if (withOldTarget)
        {
            var old = ProjectId.CreateNewId("Dice(net45)");
            solution = solution.AddProject(ProjectInfo.Create(old, VersionStamp.Default, "Dice(net45)", "Dice", LanguageNames.CSharp,
                filePath: "/src/Dice.csproj", compilationOptions: options, metadataReferences: TestReferences.Net100WithoutRuntime));
            solution = solution.AddDocument(DocumentInfo.Create(DocumentId.CreateNewId(old), "Dice.cs", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text), VersionStamp.Default)), filePath: "/src/Dice.cs"));
        }

        return (solution, document);
    }

    private static async Task<int> CountActionsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SystemRandomCreatedAnalyzer(), new GlobalRandomnessAnalyzer());
        var diagnostics = (await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync())
            .Where(diagnostic => diagnostic.Id is "RP0001" or "RP0002").ToList();
        Assert.Equal(3, diagnostics.Count);
        var fixers = new CodeFixProvider[] { new SystemRandomLocalCodeFixProvider(), new SystemRandomFieldCodeFixProvider(), new SystemRandomBridgeCodeFixProvider(), new SharedRandomCodeFixProvider() };
        var actions = 0;
        foreach (var diagnostic in diagnostics)
        {
            foreach (var fixer in fixers.Where(fixer => fixer.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var context = new CodeFixContext(document, diagnostic, (_, _) => Interlocked.Increment(ref actions), CancellationToken.None);
                await fixer.RegisterCodeFixesAsync(context);
            }
        }

        return actions;
    }
}
