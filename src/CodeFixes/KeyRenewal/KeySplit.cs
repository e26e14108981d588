using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RandomPurity.CodeFixes.Migration;

namespace RandomPurity.CodeFixes.KeyRenewal;

/// <summary>
/// Writes "renew the key and take a fresh subkey" in the same shape as the RP0001 migration (JAX's
/// <c>key, subkey = random.split(key)</c>): <c>(key, var sub) = key.Split();</c> from C# 10, and
/// <c>PrngKey sub; (key, sub) = key.Split();</c> before (no mixed deconstruction in C# 7.3-9).
/// </summary>
internal sealed class KeySplit
{
    private KeySplit(bool mixedDeconstruction, bool needsImport)
    {
        MixedDeconstruction = mixedDeconstruction;
        NeedsImport = needsImport;
    }

    public bool MixedDeconstruction { get; }

    /// <summary>True when the declaration names <c>PrngKey</c> where <c>using RandomPurity;</c> is not in effect.</summary>
    public bool NeedsImport { get; }

    /// <summary>
    /// The shape for code at <paramref name="position"/>, or null when none compiles: before C# 7 (no deconstruction),
    /// or when <c>PrngKey</c> names another type there.
    /// </summary>
    public static KeySplit? For(SemanticModel model, int position)
    {
        var version = ((CSharpParseOptions)model.SyntaxTree.Options).LanguageVersion;
        var prngKey = model.Compilation.GetTypeByMetadataName("RandomPurity.PrngKey");
        if (version < LanguageVersion.CSharp7 || prngKey is null)
        {
            return null;
        }

        var mixed = version >= LanguageVersion.CSharp10;
        if (mixed)
        {
            return new KeySplit(mixedDeconstruction: true, needsImport: false);
        }

        var visible = model.LookupNamespacesAndTypes(position, name: "PrngKey");
        if (visible.IsEmpty)
        {
            return new KeySplit(mixedDeconstruction: false, needsImport: true);
        }

        return visible.Length == 1 && SymbolEqualityComparer.Default.Equals(visible[0], prngKey)
            ? new KeySplit(mixedDeconstruction: false, needsImport: false)
            : null;
    }

    /// <summary>The statements that renew <paramref name="key"/> and declare <paramref name="sub"/> with a fresh subkey.</summary>
    public StatementSyntax[] Statements(string key, string sub) => MixedDeconstruction
        ? new[] { MigrationPlan.Statement($"({key}, var {sub}) = {key}.Split();") }
        : new[] { MigrationPlan.Statement($"PrngKey {sub};"), MigrationPlan.Statement($"({key}, {sub}) = {key}.Split();") };

    /// <summary>Adds the split before <paramref name="anchor"/>.</summary>
    public void AddBefore(MigrationPlan plan, StatementSyntax anchor, string key, string sub)
    {
        foreach (var statement in Statements(key, sub))
        {
            plan.AddBefore(anchor, statement);
        }

        plan.NeedsImport |= NeedsImport;
    }
}
