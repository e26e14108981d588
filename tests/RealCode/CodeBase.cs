using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace RandomPurity.RealCode;

/// <summary>
/// A source tree loaded as a Roslyn solution without MSBuild or a restore: one project per <c>.csproj</c> holding the
/// <c>.cs</c> files beneath it (nearest project wins), its project references, and the BCL of its first target
/// framework from Basic.Reference.Assemblies plus the RandomPurity runtime (as if the package were added). Package
/// references are not resolved, so a real code base compiles with errors; the harness compares errors before and
/// after the fixes instead of expecting none.
/// </summary>
internal static class CodeBase
{
    private static readonly ImmutableArray<MetadataReference> RandomPurityRuntime =
        ImmutableArray.Create<MetadataReference>(MetadataReference.CreateFromFile(typeof(PrngKey).Assembly.Location));

    private static readonly string[] ImplicitUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    };

    public static Solution Load(AdhocWorkspace workspace, string root)
    {
        root = Path.GetFullPath(root);
        var projectFiles = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(root, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        var byDirectory = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in projectFiles)
        {
            // Two projects in one folder (e.g. per-platform variants) share their files: the first one owns them.
            byDirectory.TryAdd(Path.GetDirectoryName(path)!, path);
        }

        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(root, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .GroupBy(path => OwningProject(root, path, byDirectory) ?? root)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);

        var ids = byDirectory.Values.ToDictionary(path => path, _ => ProjectId.CreateNewId(), StringComparer.Ordinal);
        var solution = workspace.CurrentSolution;
        var references = new List<(ProjectId Project, ImmutableArray<string> Paths)>();
        foreach (var (directory, path) in byDirectory)
        {
            var settings = ProjectSettings.Read(root, path);
            solution = AddProject(solution, ids[path], Path.GetFileNameWithoutExtension(path), settings,
                sources.TryGetValue(path, out var files) ? files : new List<string>());
            references.Add((ids[path], settings.ProjectReferences));
        }

        // MSBuild passes project references on transitively (a project sees what its references reference); Roslyn
        // needs each one spelled out.
        var direct = references.ToDictionary(
            pair => pair.Project,
            pair => pair.Paths.Where(ids.ContainsKey).Select(path => ids[path]).ToList());
        foreach (var (project, _) in references)
        {
            var closure = new List<ProjectId>();
            var seen = new HashSet<ProjectId> { project };
            var pending = new Queue<ProjectId>(direct[project]);
            while (pending.Count > 0)
            {
                var next = pending.Dequeue();
                if (!seen.Add(next))
                {
                    continue;
                }

                closure.Add(next);
                foreach (var further in direct.TryGetValue(next, out var list) ? list : new List<ProjectId>())
                {
                    pending.Enqueue(further);
                }
            }

            foreach (var referenced in closure)
            {
                try
                {
                    solution = solution.AddProjectReference(project, new ProjectReference(referenced));
                }
                catch (InvalidOperationException)
                {
                    // A cycle (unrelated solutions in one tree that reference each other's projects): left out.
                }
            }
        }

        if (sources.TryGetValue(root, out var loose) && loose.Count > 0)
        {
            // Files under no project: one console project of their own (samples, scripts).
            solution = AddProject(solution, ProjectId.CreateNewId(), "(no project)", ProjectSettings.Loose, loose);
        }

        return solution;
    }

    private static Solution AddProject(Solution solution, ProjectId id, string name, ProjectSettings settings, List<string> files)
    {
        var parseOptions = new CSharpParseOptions(settings.LanguageVersion, preprocessorSymbols: settings.PreprocessorSymbols);
        var compilationOptions = new CSharpCompilationOptions(
            settings.OutputKind,
            allowUnsafe: true,
            nullableContextOptions: settings.Nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable);
        var references = (settings.NetStandard
                ? ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.NetStandard20.References.All)
                : ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All))
            .AddRange(RandomPurityRuntime);
        solution = solution.AddProject(ProjectInfo.Create(id, VersionStamp.Create(), name, name, LanguageNames.CSharp,
            compilationOptions: compilationOptions, parseOptions: parseOptions, metadataReferences: references));
        foreach (var file in files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(id), Path.GetFileName(file),
                SourceText.From(File.ReadAllText(file), System.Text.Encoding.UTF8), filePath: file);
        }

        if (settings.ImplicitUsings)
        {
            var text = string.Concat(ImplicitUsings.Select(ns => $"global::{ns}").Concat(settings.Usings).Distinct()
                .Select(directive => $"global using {directive};\n"));
            solution = solution.AddDocument(DocumentId.CreateNewId(id), "ImplicitUsings.g.cs", SourceText.From(text),
                filePath: Path.Combine(Path.GetTempPath(), name + ".ImplicitUsings.g.cs"));
        }

        return solution;
    }

    private static string? OwningProject(string root, string file, Dictionary<string, string> byDirectory)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length >= root.Length;
             directory = Path.GetDirectoryName(directory))
        {
            if (byDirectory.TryGetValue(directory, out var project))
            {
                return project;
            }
        }

        return null;
    }

    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.Split('/').Any(part => part is "bin" or "obj" or ".git");
    }

    /// <summary>What the harness reads of a project file and the <c>Directory.Build.props</c> above it.</summary>
    private sealed record ProjectSettings(
        LanguageVersion LanguageVersion,
        bool Nullable,
        bool ImplicitUsings,
        bool NetStandard,
        OutputKind OutputKind,
        ImmutableArray<string> PreprocessorSymbols,
        ImmutableArray<string> ProjectReferences,
        ImmutableArray<string> Usings)
    {
        public static readonly ProjectSettings Loose = new(
            LanguageVersion.Latest, false, true, false, OutputKind.ConsoleApplication, SymbolsFor("net10.0"),
            ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

        public static ProjectSettings Read(string root, string path)
        {
            var text = string.Concat(PropsAbove(root, path).Select(props => WithImports(props, depth: 0))) + WithImports(path, depth: 0);
            var framework = (Last(text, "TargetFrameworks") ?? Last(text, "TargetFramework") ?? "net10.0")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(tfm => !tfm.Contains('$'))
                .OrderByDescending(Rank)
                .FirstOrDefault() ?? "net10.0";
            var language = LanguageVersion.Latest;
            if (Last(text, "LangVersion") is { } declared)
            {
                LanguageVersionFacts.TryParse(declared, out language);
            }

            var directory = Path.GetDirectoryName(path)!;
            var references = Regex.Matches(text, "<ProjectReference\\s+Include=\"([^\"]+)\"")
                .Select(match => Path.GetFullPath(Path.Combine(directory, match.Groups[1].Value.Replace('\\', '/'))))
                .ToImmutableArray();
            return new ProjectSettings(
                language,
                string.Equals(Last(text, "Nullable"), "enable", StringComparison.OrdinalIgnoreCase),
                string.Equals(Last(text, "ImplicitUsings"), "enable", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(Last(text, "ImplicitUsings"), "true", StringComparison.OrdinalIgnoreCase),
                !IsModernNet(framework),
                string.Equals(Last(text, "OutputType"), "Exe", StringComparison.OrdinalIgnoreCase)
                    ? OutputKind.ConsoleApplication
                    : OutputKind.DynamicallyLinkedLibrary,
                SymbolsFor(framework),
                references,
                GlobalUsings(text));
        }

        /// <summary>Modern .NET first (the richest BCL, so the fewest errors unrelated to the fixes), then netstandard.</summary>
        private static int Rank(string tfm) => IsModernNet(tfm) ? 2 : tfm.StartsWith("netstandard", StringComparison.Ordinal) ? 1 : 0;

        private static bool IsModernNet(string tfm) =>
            tfm.StartsWith("netcoreapp", StringComparison.Ordinal)
            || (tfm.StartsWith("net", StringComparison.Ordinal) && tfm.Length > 3 && char.IsDigit(tfm[3]) && tfm.Contains('.'));

        private static ImmutableArray<string> SymbolsFor(string tfm)
        {
            var symbols = new List<string> { "DEBUG", "TRACE" };
            if (IsModernNet(tfm))
            {
                symbols.AddRange(new[] { "NET", "NETCOREAPP", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP2_1_OR_GREATER" });
                var major = int.TryParse(tfm.Substring(3).Split('.')[0], out var m) ? m : 10;
                symbols.Add($"NET{major}_0");
                for (int v = 5; v <= major; v++)
                {
                    symbols.Add($"NET{v}_0_OR_GREATER");
                }
            }
            else if (tfm.StartsWith("netstandard", StringComparison.Ordinal))
            {
                symbols.AddRange(new[] { "NETSTANDARD", "NETSTANDARD2_0", "NETSTANDARD2_0_OR_GREATER", "NETSTANDARD1_3_OR_GREATER" });
            }
            else
            {
                symbols.AddRange(new[] { "NETFRAMEWORK", "NET462_OR_GREATER", "NET45_OR_GREATER" });
            }

            return symbols.ToImmutableArray();
        }

        /// <summary>
        /// The global usings the SDK generates from <c>Using</c> items (with <c>ImplicitUsings</c>): a namespace, a static
        /// type or an alias, as C# text.
        /// </summary>
        private static ImmutableArray<string> GlobalUsings(string text) =>
            Regex.Matches(text, "<Using\\s+Include=\"([^\"]+)\"([^>]*)/>")
                .Select(match =>
                {
                    var name = match.Groups[1].Value.Trim();
                    var attributes = match.Groups[2].Value;
                    var alias = Regex.Match(attributes, "Alias=\"([^\"]+)\"");
                    return alias.Success ? $"{alias.Groups[1].Value} = global::{name}"
                        : Regex.IsMatch(attributes, "Static=\"true\"", RegexOptions.IgnoreCase) ? $"static global::{name}"
                        : $"global::{name}";
                })
                .ToImmutableArray();

        /// <summary>A project or props file with the files it imports by a path relative to itself, in order.</summary>
        private static string WithImports(string path, int depth)
        {
            var text = File.ReadAllText(path);
            if (depth > 3)
            {
                return text;
            }

            var directory = Path.GetDirectoryName(path)!;
            return Regex.Replace(text, "<Import\\s+Project=\"([^\"]+)\"[^>]*>", match =>
            {
                var imported = Regex.Replace(match.Groups[1].Value, "\\$\\(MSBuildThisFileDirectory\\)", directory + "/", RegexOptions.IgnoreCase)
                    .Replace('\\', '/');
                var full = Path.GetFullPath(Path.Combine(directory, imported));
                return imported.Contains('$') || !File.Exists(full) ? match.Value : WithImports(full, depth + 1);
            });
        }

        private static string? Last(string text, string property)
        {
            var matches = Regex.Matches(text, $"<{property}(\\s[^>]*)?>([^<]*)</{property}>");
            return matches.Count == 0 ? null : matches[^1].Groups[2].Value.Trim();
        }

        private static IEnumerable<string> PropsAbove(string root, string path)
        {
            var found = new List<string>();
            for (var directory = Path.GetDirectoryName(path); directory is not null && directory.Length >= root.Length;
                 directory = Path.GetDirectoryName(directory))
            {
                var props = Path.Combine(directory, "Directory.Build.props");
                if (File.Exists(props))
                {
                    found.Add(props);
                }
            }

            found.Reverse();
            return found;
        }
    }
}
