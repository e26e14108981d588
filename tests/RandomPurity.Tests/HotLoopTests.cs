using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace RandomPurity.Tests;

/// <summary>
/// The methods that hold a bulk member's hot loop are compiled fully optimised on their first call
/// (<c>AggressiveOptimization</c>, see HotLoop.cs): without it a fresh process ran the threefry kernel in tier-0/OSR code
/// at a fifth of its speed (tests/RandomPurity.Benchmarks/RESULTS.md). Scalar members stay tiered and inlinable.
/// </summary>
public class HotLoopTests
{
    private const MethodImplAttributes AggressiveOptimization = (MethodImplAttributes)512;

    private static readonly (Type Type, string[] Names)[] HotLoops =
    {
        (typeof(CounterStream), new[] { "ScalarXor", "ScalarConcat", "ScalarBlocks", "ScalarLegacyConcat" }),
        (typeof(BatchStream), new[] { "FoldInBits32", "FoldInBits64", "ScalarFoldIn", "ScalarKeyed", "ScalarFoldInBits32", "ScalarFoldInBits64" }),
        (typeof(UniformSampling), new[] { "FromBits" }),
        (typeof(NormalSampling), new[] { "FromBits" }),
        (typeof(IntegerSampling), new[] { "Fill" }),
        (typeof(BitsSampling), new[] { "FillNarrow", "Bernoulli" }),
        (typeof(PrngKey), new[] { "FillChunked" }),
#if !RUNTIME_NETSTANDARD
        (typeof(ThreefryLanes), new[] { "PartitionableXor", "PartitionableConcat", "LegacyBlocks", "LegacyConcat", "FoldIn", "Keyed" }),
        (typeof(VectorTransforms), new[] { "Uniform", "Normal", "IntegerOffsets" }),
#endif
    };

    public static TheoryData<string> HotLoopNames => new(HotLoops.SelectMany(h => h.Names.Select(n => h.Type.Name + "." + n)));

    [Theory]
    [MemberData(nameof(HotLoopNames))]
    public void HotLoopsAreOptimisedFromTheFirstCallAndNotInlined(string name)
    {
        List<MethodInfo> methods = Find(name);
        Assert.NotEmpty(methods);
        foreach (MethodInfo method in methods)
        {
            MethodImplAttributes flags = method.MethodImplementationFlags;
            Assert.True((flags & AggressiveOptimization) != 0, $"{name} ({method}) is not AggressiveOptimization");
            Assert.True((flags & MethodImplAttributes.NoInlining) != 0, $"{name} ({method}) may be inlined");
        }
    }

    [Fact]
    public void ScalarMembersStayTiered()
    {
        // One draw per call: these must stay inlinable and tiered (PGO), not be compiled eagerly.
        foreach (string name in new[] { "Bits32", "Bits64", "UniformSingle", "Uniform", "Normal", "Int32", "FoldIn", "Split" })
        {
            foreach (MethodInfo method in typeof(PrngKey).GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == name))
            {
                Assert.True((method.MethodImplementationFlags & AggressiveOptimization) == 0, $"{method} is AggressiveOptimization");
            }
        }
    }

    private static bool IsSpan(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Span<>) || type.GetGenericTypeDefinition() == typeof(ReadOnlySpan<>));

    /// <summary>The overloads of the named method that take a span (the bulk ones, not a scalar twin).</summary>
    private static List<MethodInfo> Find(string name)
    {
        string[] parts = name.Split('.');
        Type type = HotLoops.First(h => h.Type.Name == parts[0]).Type;
        return type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name == parts[1] && m.GetParameters().Any(p => IsSpan(p.ParameterType)))
            .ToList();
    }
}
