using Microsoft.CodeAnalysis;

namespace RandomPurity.Analyzers.KeyFlow;

/// <summary>The runtime types the key-flow analysis recognises, looked up once per compilation.</summary>
internal sealed class KnownKeyTypes
{
    private KnownKeyTypes(INamedTypeSymbol prngKey)
    {
        PrngKey = prngKey;
    }

    /// <summary><c>RandomPurity.PrngKey</c>.</summary>
    public INamedTypeSymbol PrngKey { get; }

    /// <summary>Null when the compilation does not reference the runtime: every key analysis then bails out.</summary>
    public static KnownKeyTypes? Create(Compilation compilation)
    {
        var key = compilation.GetTypeByMetadataName("RandomPurity.PrngKey");
        return key is null ? null : new KnownKeyTypes(key);
    }

    /// <summary><c>PrngKey</c> or <c>PrngKey?</c>: a value that holds one key.</summary>
    public bool IsKey(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, PrngKey))
        {
            return true;
        }

        return type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
            && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], PrngKey);
    }

    /// <summary><c>PrngKey[]</c> (single-dimensional), whose constant-index elements are tracked one by one.</summary>
    public bool IsKeyArray(ITypeSymbol? type) =>
        type is IArrayTypeSymbol { Rank: 1 } array && SymbolEqualityComparer.Default.Equals(array.ElementType, PrngKey);

    /// <summary>A tuple with at least one key-carrying element.</summary>
    public bool IsKeyTuple(ITypeSymbol? type) => IsKeyTuple(type, depth: 0);

    /// <summary>Any type whose values the analysis tracks: a key, a key array or a tuple holding keys.</summary>
    public bool CarriesKeys(ITypeSymbol? type) => IsKey(type) || IsKeyArray(type) || IsKeyTuple(type);

    private bool IsKeyTuple(ITypeSymbol? type, int depth)
    {
        if (depth > 4 || type is not INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return false;
        }

        foreach (var element in tuple.TupleElements)
        {
            if (IsKey(element.Type) || IsKeyArray(element.Type) || IsKeyTuple(element.Type, depth + 1))
            {
                return true;
            }
        }

        return false;
    }
}
