using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>
/// The APIs documented to run a delegate at most once (RP0009 does not report a key consumed in a lambda passed
/// to them): Task.Run, TaskFactory.StartNew, the Lazy&lt;T&gt; constructors, ThreadPool.QueueUserWorkItem, plus
/// every entry of the AdditionalFiles named <see cref="FileName"/> (BannedSymbols.txt format: one documentation
/// ID per line, <c>T:</c> for every method of a type, <c>M:Type.Name</c> without a parameter list for every
/// overload, text after <c>;</c> and lines starting with <c>//</c> are comments).
/// </summary>
internal sealed class RunOnceApis
{
    /// <summary>The AdditionalFiles name users extend the list with.</summary>
    public const string FileName = "RandomPurity.RunOnce.txt";

    private static readonly (string Type, string Member)[] BuiltIn =
    {
        ("System.Threading.Tasks.Task", "Run"),
        ("System.Threading.Tasks.TaskFactory", "StartNew"),
        ("System.Threading.Tasks.TaskFactory`1", "StartNew"),
        ("System.Lazy`1", ".ctor"),
        ("System.Threading.ThreadPool", "QueueUserWorkItem"),
        ("System.Threading.ThreadPool", "UnsafeQueueUserWorkItem"),
    };

    private readonly HashSet<ISymbol> _methods = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _types = new(SymbolEqualityComparer.Default);
    private readonly HashSet<(ISymbol Type, string Name)> _named = new(new TypeAndNameComparer());

    private RunOnceApis()
    {
    }

    public static RunOnceApis Create(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var apis = new RunOnceApis();
        foreach (var (type, member) in BuiltIn)
        {
            if (compilation.GetTypeByMetadataName(type) is { } symbol)
            {
                apis._named.Add((symbol, member));
            }
        }

        foreach (var file in additionalFiles)
        {
            if (!string.Equals(System.IO.Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }

            foreach (var line in text.Lines)
            {
                apis.AddEntry(compilation, line.ToString());
            }
        }

        return apis;
    }

    /// <summary>True when <paramref name="method"/> (a method or constructor receiving a delegate) runs it at most once.</summary>
    public bool Contains(IMethodSymbol? method)
    {
        if (method is null)
        {
            return false;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        var type = definition.ContainingType?.OriginalDefinition;
        return _methods.Contains(definition)
            || (type is not null && (_types.Contains(type) || _named.Contains((type, definition.Name))));
    }

    private void AddEntry(Compilation compilation, string line)
    {
        var comment = line.IndexOf(';');
        var id = (comment >= 0 ? line.Substring(0, comment) : line).Trim();
        if (id.Length < 3 || id.StartsWith("//", StringComparison.Ordinal) || id[1] != ':')
        {
            return;
        }

        if (id[0] == 'M' && id.IndexOf('(') < 0)
        {
            // M:Namespace.Type.Name without parameters: every overload of Name (BannedSymbols-style shorthand).
            var dot = id.LastIndexOf('.');
            if (dot > 2 && compilation.GetTypeByMetadataName(id.Substring(2, dot - 2)) is { } owner)
            {
                _named.Add((owner, id.Substring(dot + 1).Replace('#', '.')));
                return;
            }
        }

        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
        {
            switch (symbol)
            {
                case INamedTypeSymbol type:
                    _types.Add(type.OriginalDefinition);
                    break;
                case IMethodSymbol method:
                    _methods.Add(method.OriginalDefinition);
                    break;
            }
        }
    }

    private sealed class TypeAndNameComparer : IEqualityComparer<(ISymbol Type, string Name)>
    {
        public bool Equals((ISymbol Type, string Name) x, (ISymbol Type, string Name) y) =>
            x.Name == y.Name && SymbolEqualityComparer.Default.Equals(x.Type, y.Type);

        public int GetHashCode((ISymbol Type, string Name) obj) =>
            unchecked(SymbolEqualityComparer.Default.GetHashCode(obj.Type) * 31 + obj.Name.GetHashCode());
    }
}
