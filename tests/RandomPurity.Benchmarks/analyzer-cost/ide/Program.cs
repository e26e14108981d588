// IDE latency of the RandomPurity analyzers (issue 19): a ~2,000-line document in a project that references the
// runtime, edited inside a method body, then re-analysed the way an IDE analyses an open document:
// CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync on that document's semantic model.
// Usage: dotnet run -c Release -- <generated Services.cs> <RandomPurity.dll> <reference assemblies folder> [edits]
using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

var documentPath = args[0];
var runtimePath = args[1];
var referenceFolder = args[2];
var edits = args.Length > 3 ? int.Parse(args[3]) : 20;

var analyzers = typeof(RandomPurity.Analyzers.SystemRandomCreatedAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();

var references = Directory.GetFiles(referenceFolder, "*.dll").Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
references.Add(MetadataReference.CreateFromFile(runtimePath));
var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
var model = CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(Path.GetDirectoryName(documentPath)!, "Model.cs")), parseOptions, "Model.cs");
var original = SourceText.From(File.ReadAllText(documentPath));
var compilation = CSharpCompilation.Create(
    "IdeLatency",
    [model, CSharpSyntaxTree.ParseText(original, parseOptions, "Services.cs")],
    references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
var lines = original.Lines.Count;
var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
if (errors.Count > 0)
{
    Console.Error.WriteLine($"the document does not compile: {errors[0]}");
    return 1;
}

// Each edit inserts a statement into a different method body: a new text, a new tree, a new compilation.
var anchors = new List<int>();
for (var index = original.ToString().IndexOf("    {\n        ", StringComparison.Ordinal); index >= 0; index = original.ToString().IndexOf("    {\n        ", index + 1, StringComparison.Ordinal))
{
    anchors.Add(index + "    {\n".Length);
}

var analyzerTimes = new List<double>();
var wallTimes = new List<double>();
var compilerTimes = new List<double>();
var diagnosticCount = 0;
for (var edit = 0; edit < edits + 3; edit++)
{
    var at = anchors[(edit * 7) % anchors.Count];
    var text = original.WithChanges(new TextChange(new TextSpan(at, 0), $"        var edit{edit} = {edit};\n"));
    var tree = CSharpSyntaxTree.ParseText(text, parseOptions, "Services.cs");
    var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[1], tree);

    // The compiler's own diagnostics for the document (binding it), as the IDE computes them next to the analyzers.
    var watch = Stopwatch.StartNew();
    var semanticModel = edited.GetSemanticModel(tree);
    _ = semanticModel.GetDiagnostics();
    var compilerMs = watch.Elapsed.TotalMilliseconds;

    var withAnalyzers = edited.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
        new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
    watch.Restart();
    var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(semanticModel, filterSpan: null, CancellationToken.None);
    var syntaxDiagnostics = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
    var wallMs = watch.Elapsed.TotalMilliseconds;

    // The analyzers' own time (their callbacks, including the binding they ask for), as ReportAnalyzer counts it; the
    // wall time above also holds the driver binding the whole document to produce its compilation events.
    var analyzerMs = 0.0;
    foreach (var analyzer in analyzers)
    {
        analyzerMs += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
    }

    if (edit >= 3)
    {
        // The first edits warm up the JIT.
        wallTimes.Add(wallMs);
        analyzerTimes.Add(analyzerMs);
        compilerTimes.Add(compilerMs);
        diagnosticCount = diagnostics.Length + syntaxDiagnostics.Length;
    }
}

analyzerTimes.Sort();
wallTimes.Sort();
compilerTimes.Sort();
Console.WriteLine($"document: {lines} lines; {edits} edits; RandomPurity diagnostics in the document: {diagnosticCount}");
Console.WriteLine($"RandomPurity analyzers' own time on the edited document: median {analyzerTimes[analyzerTimes.Count / 2]:F1} ms, max {analyzerTimes[^1]:F1} ms");
Console.WriteLine($"wall time of GetAnalyzerSemanticDiagnosticsAsync + syntax diagnostics: median {wallTimes[wallTimes.Count / 2]:F1} ms");
Console.WriteLine($"compiler diagnostics (binding) of the same document: median {compilerTimes[compilerTimes.Count / 2]:F1} ms");
return 0;
