using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.KeyFlow;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using GlobalCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.GlobalRandomnessAnalyzer>;
using KeyReuseCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReuseAnalyzer>;
using MutableCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyInMutableStateAnalyzer>;
using RandomCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.SystemRandomCreatedAnalyzer>;
using SeedCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.IrreproducibleSeedAnalyzer>;

namespace RandomPurity.Analyzers.Tests.Rules;

/// <summary>
/// The cheap per-member filter (Prefilter/MemberFilter) must never hide a diagnostic: each case reaches a key or a
/// Random in a member whose own text spells neither <c>PrngKey</c> nor <c>Random</c>, in a class that holds no key,
/// so only the filter's other routes (a name of a type or static member that holds keys, an alias, a delegate-typed
/// parameter, a target-typed <c>new()</c>, a constrained local function) let the rule run there.
/// </summary>
public sealed class PrefilterTests
{
    private const string KeyHelpers = """
        using System;
        using RandomPurity;

        static class Keys
        {
            public static PrngKey GetKey() => PrngKey.Create(1);
            public static void Run(Action<PrngKey> action) => action(PrngKey.Create(2));
            public static PrngKey ToKey(this int seed) => PrngKey.Create(seed);
        }

        sealed class Holder
        {
            public PrngKey A;
            public PrngKey B;
            public void Deconstruct(out PrngKey a, out PrngKey b) { a = A; b = B; }
        }

        """;

    private static DiagnosticResult Reuse(string key) =>
        KeyReuseCS.Diagnostic(Descriptors.KeyReused).WithLocation(0).WithLocation(1).WithArguments(key, KeyFlowFinding.Describe(ReuseKind.ConsumedTwice), FirstUseLine.At(1));

    [Theory]
    [InlineData("var k = Keys.GetKey(); return {|#1:k|}.Uniform() + {|#0:k|}.Normal();")]
    [InlineData("var k = 5.ToKey(); return {|#1:k|}.Uniform() + {|#0:k|}.Normal();")]
    [InlineData("var h = (Holder)o; var (k, b) = h; return {|#1:k|}.Uniform() + {|#0:k|}.Normal();")]
    [InlineData("double r = 0; Keys.Run(k => { r = {|#1:k|}.Uniform() + {|#0:k|}.Normal(); }); return r;")]
    public async Task Key_reaching_a_plain_member_by_another_name_is_analysed(string body)
    {
        var source = KeyHelpers + "class Plain\n{\n    public double M(object o)\n    {\n        " + body + "\n    }\n}\n";
        await KeyReuseCS.VerifyAnalyzerAsync(source, Reuse("k"));
    }

    [Fact]
    public async Task Key_through_an_alias_is_analysed()
    {
        const string source = """
            using K = RandomPurity.PrngKey;
            class Plain
            {
                public double M(object o)
                {
                    var k = (K)o;
                    return {|#1:k|}.Uniform() + {|#0:k|}.Normal();
                }
            }
            """;
        await KeyReuseCS.VerifyAnalyzerAsync(source, Reuse("k"));
    }

    [Fact]
    public async Task Key_factory_through_using_static_is_analysed()
    {
        const string source = """
            using static RandomPurity.PrngKey;
            static class Plain
            {
                public static double M()
                {
                    var k = Create(7);
                    return {|#1:k|}.Uniform() + {|#0:k|}.Normal();
                }
            }
            """;
        await KeyReuseCS.VerifyAnalyzerAsync(source, Reuse("k"));
    }

    [Fact]
    public async Task Key_field_of_another_object_renewed_from_itself_is_analysed()
    {
        // The assignment's member spells neither PrngKey nor a key-holding static member: only the receiver's
        // declared type (Holder, which holds keys) lets RP0006 run here.
        const string source = KeyHelpers + """
            class Plain
            {
                public void M(Holder h)
                {
                    {|#0:h.A = h.A.FoldIn(1)|};
                }
            }
            """;
        await MutableCS.VerifyAnalyzerAsync(source, MutableCS.Diagnostic(Descriptors.KeyInMutableState).WithLocation(0).WithArguments("A"));
    }

    [Fact]
    public async Task Target_typed_creation_assigned_to_a_field_is_reported()
    {
        const string source = """
            class Plain
            {
                private System.Random _rng;
                public void Reset() => _rng = {|#0:new()|};
                public int Next() => _rng.Next();
            }
            """;
        await RandomCS.VerifyAnalyzerAsync(source, RandomCS.Diagnostic(Descriptors.SystemRandomCreated).WithLocation(0).WithArguments("new Random()"));
    }

    [Fact]
    public async Task Creation_through_a_constrained_local_function_is_reported()
    {
        const string source = """
            class Plain
            {
                public object M()
                {
                    return Make<System.Random>();
                    static T Make<T>() where T : System.Random, new() => {|#0:new T()|};
                }
            }
            """;
        await RandomCS.VerifyAnalyzerAsync(source, RandomCS.Diagnostic(Descriptors.SystemRandomCreated).WithLocation(0).WithArguments("new T()"));
    }

    [Fact]
    public async Task Creation_of_a_subclass_declared_elsewhere_is_reported()
    {
        const string source = """
            class Dice : System.Random { }
            class Plain
            {
                public object M() => {|#0:new Dice()|};
            }
            """;
        await RandomCS.VerifyAnalyzerAsync(source, RandomCS.Diagnostic(Descriptors.SystemRandomCreated).WithLocation(0).WithArguments("new Dice()"));
    }

    [Fact]
    public async Task Target_typed_seeded_creation_with_a_clock_seed_is_reported()
    {
        const string source = """
            class Plain
            {
                private System.Random _rng;
                public void Reset() => _rng = new({|#0:System.Environment.TickCount|});
            }
            """;
        await SeedCS.VerifyAnalyzerAsync(source, SeedCS.Diagnostic(Descriptors.IrreproducibleSeed).WithLocation(0).WithArguments("a tick count ('Environment.TickCount')"));
    }

    [Fact]
    public async Task Listed_type_member_reached_through_using_static_is_reported()
    {
        const string source = """
            using static Game.Dice;
            class Plain
            {
                public int M() => {|#0:Roll()|};
            }
            namespace Game
            {
                public static class Dice { public static int Roll() => 4; }
            }
            """;
        var test = new GlobalCS.Test { TestCode = source };
        test.AdditionalTextFiles.Add(("RandomPurity.GlobalRandomness.txt", "T:Game.Dice;use a key\n"));
        test.ExpectedDiagnostics.Add(GlobalCS.Diagnostic(Descriptors.GlobalRandomness).WithLocation(0).WithArguments("Game.Dice.Roll", " (use a key)"));
        await test.RunAsync();
    }
}
