using Microsoft.CodeAnalysis;

namespace RandomPurity.Analyzers.Rules;

/// <summary>
/// The RandomPurity runtime types the key rules (RP0004, RP0005, RP0006) look for, resolved once per compilation.
/// <see cref="TryCreate"/> returns <see langword="null"/> when the compilation does not reference the runtime, so the
/// rules stay silent there.
/// </summary>
internal sealed class KeySymbols
{
    private KeySymbols(INamedTypeSymbol prngKey)
    {
        PrngKey = prngKey;
    }

    /// <summary><c>RandomPurity.PrngKey</c>.</summary>
    public INamedTypeSymbol PrngKey { get; }

    public static KeySymbols? TryCreate(Compilation compilation)
    {
        var prngKey = compilation.GetTypeByMetadataName("RandomPurity.PrngKey");
        return prngKey is null ? null : new KeySymbols(prngKey);
    }

    public bool IsPrngKey(ITypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, PrngKey);

    /// <summary>A member declared on <c>PrngKey</c> itself (not an extension method, not one inherited from object).</summary>
    public bool IsKeyMember(ISymbol? member) =>
        member is not null && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, PrngKey);

    /// <summary>
    /// True for a method or parameter marked <c>[PreservesKey]</c>: the one definition every key rule uses
    /// (<see cref="KeyFlow.KeyUseClassifier.HasPreservesKey"/>), matched by name so a project may declare its own.
    /// </summary>
    public static bool HasPreservesKey(ISymbol? symbol) => KeyFlow.KeyUseClassifier.HasPreservesKey(symbol);
}
