namespace RandomPurity.Analyzers;

/// <summary>The stable diagnostic IDs (see docs/rules/RPxxxx.md) and the one place help links are built.</summary>
internal static class RuleIdentifiers
{
    public const string SystemRandomCreated = "RP0001";
    public const string GlobalRandomness = "RP0002";
    public const string KeyReused = "RP0003";
    public const string UnsplitKeyInLoop = "RP0004";
    public const string KeyResultDropped = "RP0005";
    public const string KeyInMutableState = "RP0006";
    public const string IrreproducibleSeed = "RP0007";
    public const string DefaultKeyConsumed = "RP0008";
    public const string KeyReusedAcrossExecutions = "RP0009";

    public const string Category = "RandomPurity";

    private const string DocsRoot = "https://github.com/randompurity/randompurity/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => DocsRoot + id + ".md";
}
