using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RandomPurity.RealCode;

// Usage: RandomPurity.RealCode DIR [--fix RP0001,RP0002] [--no-fix] [--out DIR] [--require-fixed]
//   Loads the C# projects under DIR (no build, no restore), runs every RandomPurity analyzer, then applies the code
//   fixes of the IDs (default RP0001,RP0002) the way `dotnet format analyzers` does, and reports analyzer or fixer
//   exceptions, compiler errors the fixes add, and RandomPurity diagnostics left. --out writes the changed files under
//   DIR (same relative paths). Exit code 1 on any exception or added error, and when DIR holds no C# project or no
//   document (nothing was analysed); with --require-fixed, also when no diagnostic of the fixed IDs was found before
//   the fixes or the fixes changed no document (nothing was fixed, so nothing was tested), and when a diagnostic of
//   the fixed IDs is left. Exit code 2 on a bad command line (an unknown option included).
string? root = null, output = null;
var ids = new List<string> { "RP0001", "RP0002" };
bool fix = true, requireFixed = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--fix" when i + 1 < args.Length: ids = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(); break;
        case "--no-fix": fix = false; break;
        case "--out" when i + 1 < args.Length: output = args[++i]; break;
        case "--require-fixed": requireFixed = true; break;
        default:
            if (args[i].StartsWith('-') || root is not null)
            {
                Console.Error.WriteLine($"unexpected argument: {args[i]}");
                return 2;
            }

            root = args[i];
            break;
    }
}

if (root is null || !Directory.Exists(root) || (fix && ids.Count == 0))
{
    Console.Error.WriteLine("usage: RandomPurity.RealCode DIR [--fix RP0001,RP0002] [--no-fix] [--out DIR] [--require-fixed]");
    return 2;
}

root = Path.GetFullPath(root);
var clock = Stopwatch.StartNew();
using var workspace = new AdhocWorkspace();
var solution = CodeBase.Load(workspace, root);
var harness = new Harness();
var before = await harness.AnalyzeAsync(solution, CancellationToken.None);
Console.WriteLine($"{root}: {solution.Projects.Count()} projects, {solution.Projects.Sum(p => p.DocumentIds.Count)} documents, " +
                  $"{before.Errors.Count} compiler errors before (unresolved packages), analysed in {clock.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"diagnostics before: {Count(before)}");
int status = 0;
if (!solution.Projects.Any() || solution.Projects.Sum(p => p.DocumentIds.Count) == 0)
{
    Console.WriteLine($"FAIL: no C# project or document found under {root}: nothing was analysed");
    status = 1;
}

if (requireFixed && fix && !before.Diagnostics.Any(d => ids.Contains(d.Diagnostic.Id)))
{
    Console.WriteLine($"FAIL: no {string.Join("/", ids)} diagnostic before the fixes: --require-fixed has nothing to check");
    status = 1;
}

if (fix && before.Diagnostics.Count > 0)
{
    clock.Restart();
    var fixedSolution = await harness.FixAsync(solution, ids, line => Console.WriteLine("  " + line), CancellationToken.None);
    var after = await harness.AnalyzeAsync(fixedSolution, CancellationToken.None);
    Console.WriteLine($"fixes applied in {clock.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"diagnostics after:  {Count(after)}");

    var changed = fixedSolution.GetChanges(solution).GetProjectChanges()
        .SelectMany(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
        .Select(id => fixedSolution.GetDocument(id)!)
        .ToList();
    Console.WriteLine($"documents changed: {changed.Count}");
    if (requireFixed && changed.Count == 0)
    {
        Console.WriteLine("FAIL: the fixes changed no document");
        status = 1;
    }

    if (output is not null)
    {
        foreach (var document in changed)
        {
            var target = Path.Combine(output, Path.GetRelativePath(root, document.FilePath!));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Keep a byte-order mark where the original had one, so that `diff -ru DIR OUT` shows only the fixes.
            var original = File.ReadAllBytes(document.FilePath!);
            bool bom = original.Length >= 3 && original[0] == 0xEF && original[1] == 0xBB && original[2] == 0xBF;
            File.WriteAllText(target, (await document.GetTextAsync()).ToString(), new System.Text.UTF8Encoding(bom));
        }
    }

    var bag = before.ErrorBag();
    var added = new List<Diagnostic>();
    foreach (var error in after.Errors.OrderBy(e => e.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(e => e.Location.SourceSpan.Start))
    {
        var key = Snapshot.Key(error);
        if (bag.TryGetValue(key, out var n) && n > 0)
        {
            bag[key] = n - 1;
        }
        else
        {
            added.Add(error);
        }
    }

    Console.WriteLine($"compiler errors after: {after.Errors.Count}, added by the fixes: {added.Count}");
    foreach (var error in added.Take(40))
    {
        var line = error.Location.GetLineSpan();
        var text = error.Location.SourceTree?.GetText().Lines[line.StartLinePosition.Line].ToString().Trim() ?? "(no source)";
        Console.WriteLine($"  {Relative(root, line.Path)}({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1}): " +
                          $"{error.Id} {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n      {text}");
    }

    foreach (var (_, diagnostic) in after.Diagnostics.Take(40))
    {
        var line = diagnostic.Location.GetLineSpan();
        Console.WriteLine($"  left: {Relative(root, line.Path)}({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1}): " +
                          $"{diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    if (added.Count > 0)
    {
        status = 1;
    }

    if (requireFixed && after.Diagnostics.Any(d => ids.Contains(d.Diagnostic.Id)))
    {
        Console.WriteLine("FAIL: diagnostics of the fixed IDs are left");
        status = 1;
    }

    // The fixed code must be clean under the key rules too: a fix that leaves reuse (RP0003), a key in a loop
    // (RP0004), a dropped draw (RP0005), a default key (RP0008) or a key reused across executions (RP0009) is wrong.
    foreach (var id in new[] { "RP0003", "RP0004", "RP0005", "RP0008", "RP0009" }.Where(id => !ids.Contains(id)))
    {
        int was = before.Diagnostics.Count(d => d.Diagnostic.Id == id), now = after.Diagnostics.Count(d => d.Diagnostic.Id == id);
        if (now > was)
        {
            Console.WriteLine($"FAIL: the fixes added {now - was} {id}");
            status = 1;
        }
    }
}

Console.WriteLine($"exceptions: {harness.Exceptions.Count}");
foreach (var exception in harness.Exceptions.Distinct().Take(10))
{
    Console.WriteLine("  " + exception);
}

return harness.Exceptions.Count > 0 ? 1 : status;

static string Count(Snapshot snapshot) =>
    snapshot.Diagnostics.Count == 0
        ? "none"
        : string.Join(", ", snapshot.Diagnostics.GroupBy(d => d.Diagnostic.Id).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} x{g.Count()}"));

static string Relative(string root, string? path) => string.IsNullOrEmpty(path) ? "(no file)" : Path.GetRelativePath(root, path);
