namespace RandomPurity.CodeFixes;

/// <summary>Equivalence keys of the code actions, one per transformation, so FixAll groups the right fixes.</summary>
internal static class FixerNames
{
    public const string Prefix = "RandomPurity.";
}
