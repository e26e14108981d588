using Microsoft.CodeAnalysis;

namespace RandomPurity.Analyzers;

/// <summary>Every RandomPurity diagnostic descriptor, in one place so that IDs, severities and help links agree.</summary>
internal static class Descriptors
{
    public static readonly DiagnosticDescriptor SystemRandomCreated = Create(
        RuleIdentifiers.SystemRandomCreated,
        "System.Random created",
        "'{0}' creates a generator with hidden, mutable state; use an explicit PrngKey and split it before each draw",
        DiagnosticSeverity.Warning,
        "A System.Random hides its state: every draw mutates it, so results depend on call order, thread scheduling and every other user of the instance. An explicit PrngKey makes the stream a value you pass and split.");

    public static readonly DiagnosticDescriptor GlobalRandomness = Create(
        RuleIdentifiers.GlobalRandomness,
        "Process-global randomness",
        "'{0}' draws from process-global random state{1}; pass a PrngKey parameter and split it instead",
        DiagnosticSeverity.Warning,
        "Random.Shared and the APIs that use it implicitly draw from one generator shared by the whole process: results cannot be reproduced or seeded, and depend on every other caller.");

    public static readonly DiagnosticDescriptor KeyReused = Create(
        RuleIdentifiers.KeyReused,
        "Key reused",
        "Key '{0}' is reused: {1} (first use on line {2}); split it before the second use and give each use its own subkey",
        DiagnosticSeverity.Warning,
        "Consuming a key twice gives correlated (often identical) random numbers. Split the key and use each subkey once.");

    public static readonly DiagnosticDescriptor UnsplitKeyInLoop = Create(
        RuleIdentifiers.UnsplitKeyInLoop,
        "Unsplit key re-created in a loop",
        "Key created inside {0} from a seed that is the same every time: every execution draws the same numbers; create it once outside and fold in the iteration variable or index",
        DiagnosticSeverity.Warning,
        "A key created from the same seed on every iteration is the same key every time, so every iteration draws the same numbers.");

    public static readonly DiagnosticDescriptor KeyResultDropped = Create(
        RuleIdentifiers.KeyResultDropped,
        "Result of a key operation dropped",
        "The result of '{0}' is dropped: keys are immutable, so this call has no effect; use the result or discard it explicitly with '_ ='",
        DiagnosticSeverity.Warning,
        "PrngKey is immutable: Split, FoldIn and the samplers return new values and never change the key. Dropping the result is almost always a bug.");

    public static readonly DiagnosticDescriptor KeyInMutableState = Create(
        RuleIdentifiers.KeyInMutableState,
        "Key kept in mutable state",
        "Key '{0}' is kept in mutable state and renewed here: that is hidden state again, and a data race between threads; pass the key explicitly or use StatefulPrng",
        DiagnosticSeverity.Info,
        "A key stored in a mutable field and renewed on every use re-creates the hidden state of System.Random, with a data race between threads. StatefulPrng is the explicit form.");

    public static readonly DiagnosticDescriptor IrreproducibleSeed = Create(
        RuleIdentifiers.IrreproducibleSeed,
        "Non-reproducible seed",
        "The seed comes from {0}, so every run differs; use a fixed seed, or PrngKey.FromEntropy() to make the choice explicit",
        DiagnosticSeverity.Info,
        "A seed taken from the clock, a tick count, a GUID or another unseeded generator makes the run impossible to reproduce.");

    public static readonly DiagnosticDescriptor DefaultKeyConsumed = Create(
        RuleIdentifiers.DefaultKeyConsumed,
        "Default key consumed",
        "'{0}' is a default key: it is PrngKey.Create(0) in disguise; create the key from a seed",
        DiagnosticSeverity.Warning,
        "A default PrngKey has both words zero, the same stream as PrngKey.Create(0). It is almost always a key that was never assigned.");

    public static readonly DiagnosticDescriptor KeyReusedAcrossExecutions = Create(
        RuleIdentifiers.KeyReusedAcrossExecutions,
        "Key reused across executions",
        "Key '{0}' is consumed in {1}: every execution draws the same numbers; fold in a per-execution index or split inside",
        DiagnosticSeverity.Warning,
        "A key captured by a lambda or stored in a field and consumed there without being renewed gives every execution the same numbers.");

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity, string description) =>
        new(id, title, messageFormat, RuleIdentifiers.Category, severity, isEnabledByDefault: true, description, RuleIdentifiers.GetHelpUri(id));
}
