namespace RandomPurity.CodeFixes;

/// <summary>Equivalence keys of the code actions, one per transformation, so FixAll groups the right fixes.</summary>
internal static class FixerNames
{
    public const string Prefix = "RandomPurity.";

    /// <summary>
    /// RP0001 on a local. One key whether or not the local was seeded (only the title differs), so that FixAll and
    /// <c>dotnet format</c>, which apply one equivalence key, migrate every local of a scope at once.
    /// </summary>
    public const string MigrateRandomLocal = Prefix + "RP0001.MigrateLocal";

    /// <summary>RP0001 on a field, with the <c>stateful</c> strategy: the field becomes a <c>StatefulPrng</c>.</summary>
    public const string MigrateRandomField = Prefix + "RP0001.MigrateFieldStateful";

    /// <summary>RP0001 on a creation passed to a method of the solution or drawn from once: a key instead.</summary>
    public const string BridgeRandomCreation = Prefix + "RP0001.Bridge";

    /// <summary>RP0002 on <c>Random.Shared</c>: one key per method, a parameter where the signature may change.</summary>
    public const string ThreadKeyForSharedRandom = Prefix + "RP0002.ThreadKey";

    /// <summary>RP0003: renew the key at its first use, so that each use consumes its own subkey.</summary>
    public const string SplitReusedKey = Prefix + "RP0003.SplitAtFirstUse";

    /// <summary>RP0009: fold the delegate's index into the captured key, or renew the key inside the function or member.</summary>
    public const string RenewKeyPerExecution = Prefix + "RP0009.RenewPerExecution";
}
