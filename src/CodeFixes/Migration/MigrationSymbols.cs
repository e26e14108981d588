using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace RandomPurity.CodeFixes.Migration;

/// <summary>The types a migration needs, resolved once per compilation; <see langword="null"/> members are absent on this target.</summary>
internal sealed class MigrationSymbols
{
    private MigrationSymbols(Compilation compilation, INamedTypeSymbol random, INamedTypeSymbol prngKey)
    {
        Random = random;
        PrngKey = prngKey;
        Span = compilation.GetTypeByMetadataName("System.Span`1");
        ReadOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        List = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        Array = compilation.GetSpecialType(SpecialType.System_Array);
        Expression = compilation.GetTypeByMetadataName("System.Linq.Expressions.Expression`1");
        AsRandom = prngKey.GetMembers("AsRandom").OfType<IMethodSymbol>().FirstOrDefault(method => method.Parameters.IsEmpty);
    }

    public INamedTypeSymbol Random { get; }

    public INamedTypeSymbol PrngKey { get; }

    public INamedTypeSymbol? Span { get; }

    public INamedTypeSymbol? ReadOnlySpan { get; }

    public INamedTypeSymbol? Enumerable { get; }

    public INamedTypeSymbol? Parallel { get; }

    public INamedTypeSymbol? List { get; }

    public INamedTypeSymbol Array { get; }

    public INamedTypeSymbol? Expression { get; }

    /// <summary><c>PrngKey.AsRandom()</c>, the bridge to APIs that take a <c>System.Random</c>.</summary>
    public IMethodSymbol? AsRandom { get; }

    /// <summary>Returns <see langword="null"/> when the compilation lacks <c>System.Random</c> or the RandomPurity runtime: nothing to migrate to.</summary>
    public static MigrationSymbols? Create(Compilation compilation)
    {
        var random = compilation.GetTypeByMetadataName("System.Random");
        var prngKey = compilation.GetTypeByMetadataName("RandomPurity.PrngKey");
        return random is null || prngKey is null ? null : new MigrationSymbols(compilation, random, prngKey);
    }

    /// <summary>
    /// True when the runtime's <c>PrngKey</c> is in the compilation of every target framework the document's file is
    /// compiled for (the document and its linked copies). A multi-targeted project whose older target gets no runtime
    /// (net45: the package has no compatible lib) would not build after a rewrite of the shared source: no fix there.
    /// </summary>
    public static async Task<bool> InEveryTargetAsync(Document document, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        foreach (var id in new[] { document.Id }.Concat(document.GetLinkedDocumentIds()))
        {
            var compilation = solution.GetDocument(id) is { } copy ? await copy.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) : null;
            if (compilation?.GetTypeByMetadataName("RandomPurity.PrngKey") is null)
            {
                return false;
            }
        }

        return true;
    }

    public bool IsRandom(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Random);
}
