using Microsoft.CodeAnalysis;

namespace RandomPurity.Analyzers;

/// <summary>
/// <c>System.Random</c> and the members the legacy-randomness rules match, resolved once per compilation. Matching is
/// by symbol: RogueSharp.Random, MathNet.Numerics.Random or a user's own class named <c>Random</c> are other types.
/// </summary>
internal sealed class RandomSymbols
{
    private RandomSymbols(Compilation compilation, INamedTypeSymbol random)
    {
        Compilation = compilation;
        Random = random;
        foreach (var member in random.GetMembers("Shared"))
        {
            if (member is IPropertySymbol { IsStatic: true } property)
            {
                Shared = property;
            }
        }
    }

    public Compilation Compilation { get; }

    /// <summary><c>System.Random</c>.</summary>
    public INamedTypeSymbol Random { get; }

    /// <summary><c>System.Random.Shared</c> (.NET 6 and later); <see langword="null"/> on older frameworks.</summary>
    public IPropertySymbol? Shared { get; }

    /// <summary>Returns <see langword="null"/> when the compilation has no <c>System.Random</c> (nothing to analyse).</summary>
    public static RandomSymbols? Create(Compilation compilation)
    {
        var random = compilation.GetTypeByMetadataName("System.Random");
        return random is null ? null : new RandomSymbols(compilation, random);
    }

    public bool IsRandom(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, Random);

    /// <summary>True for a strict subclass of <c>System.Random</c>, however deep.</summary>
    public bool IsSubclassOfRandom(ITypeSymbol? type)
    {
        // A malformed hierarchy (a cycle in broken code) must not hang the analyzer, hence the depth cap.
        var depth = 0;
        for (var current = type?.BaseType; current is not null && depth < 64; current = current.BaseType, depth++)
        {
            if (IsRandom(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A subclass whose source is in this compilation: the team's own generator, which it can migrate.</summary>
    public bool IsDeclaredInCompilation(ITypeSymbol type) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition.ContainingAssembly, Compilation.Assembly);
}
