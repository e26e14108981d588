using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace RandomPurity.Analyzers.Tests.Verifiers;

/// <summary>
/// Reference sets for test compilations, all offline: the BCL comes from Basic.Reference.Assemblies and the
/// runtime from the RandomPurity assembly this project references (its netstandard2.0 build).
/// </summary>
internal static class TestReferences
{
    /// <summary>Tells the testing library not to resolve any reference package (which would download).</summary>
    public static readonly ReferenceAssemblies None = new("none");

    public static readonly MetadataReference RandomPurity =
        MetadataReference.CreateFromFile(typeof(PrngKey).Assembly.Location);

    /// <summary>.NET 10 plus RandomPurity: the default for tests.</summary>
    public static readonly ImmutableArray<MetadataReference> Net100 =
        ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All).Add(RandomPurity);

    /// <summary>netstandard2.0 plus RandomPurity: for C# 7.3 library code.</summary>
    public static readonly ImmutableArray<MetadataReference> NetStandard20 =
        ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.NetStandard20.References.All).Add(RandomPurity);

    /// <summary>.NET 10 without RandomPurity: analyzers must stay silent and not throw when the runtime is absent.</summary>
    public static readonly ImmutableArray<MetadataReference> Net100WithoutRuntime =
        ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);
}
