using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.SystemRandomCreatedAnalyzer>;

namespace RandomPurity.Analyzers.Tests.Rules;

public sealed class SystemRandomCreatedAnalyzerTests
{
    private static DiagnosticResult Created(int location, string creation) =>
        VerifyCS.Diagnostic(Descriptors.SystemRandomCreated).WithLocation(location).WithArguments(creation);

    [Fact]
    public async Task Unseeded_local()
    {
        const string source = """
            using System;
            class C
            {
                int M()
                {
                    var r = {|#0:new Random()|};
                    return r.Next();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"));
    }

    [Fact]
    public async Task Seeded_local_shows_the_seed_in_the_message()
    {
        const string source = """
            using System;
            class C
            {
                int M(int seed)
                {
                    Random r = {|#0:new Random(seed + 1)|};
                    return r.Next();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random(seed + 1)"));
    }

    [Fact]
    public async Task Long_argument_list_is_abbreviated()
    {
        const string source = """
            using System;
            class C
            {
                static int ComputeTheSeedFromConfiguration(string section, string key) => 0;
                Random M() => {|#0:new Random(ComputeTheSeedFromConfiguration("simulation", "seed"))|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random(...)"));
    }

    [Fact]
    public async Task Target_typed_new()
    {
        const string source = """
            using System;
            class C
            {
                void M()
                {
                    Random r = {|#0:new(42)|};
                    r.Next();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random(42)"));
    }

    [Fact]
    public async Task Target_typed_new_in_field_and_argument()
    {
        const string source = """
            using System;
            class C
            {
                private readonly Random _random = {|#0:new()|};
                static int Draw(Random r) => r.Next();
                int M() => Draw({|#1:new(7)|});
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"), Created(1, "new Random(7)"));
    }

    [Fact]
    public async Task Fully_qualified_and_global_qualified()
    {
        const string source = """
            class C
            {
                System.Random a = {|#0:new System.Random()|};
                global::System.Random b = {|#1:new global::System.Random(1)|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"), Created(1, "new Random(1)"));
    }

    [Fact]
    public async Task Using_alias()
    {
        const string source = """
            using R = System.Random;
            class C
            {
                R M() => {|#0:new R(3)|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random(3)"));
    }

    [Fact]
    public async Task Static_field_and_static_constructor()
    {
        const string source = """
            using System;
            static class Dice
            {
                private static readonly Random Rng = {|#0:new Random()|};
                private static Random Other;
                static Dice() { Other = {|#1:new Random(5)|}; }
                public static int Roll() => Rng.Next(1, 7) + Other.Next(1, 7);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"), Created(1, "new Random(5)"));
    }

    [Fact]
    public async Task Field_assigned_in_constructor()
    {
        const string source = """
            using System;
            class Game
            {
                private readonly Random _rng;
                public Game(int seed) { _rng = {|#0:new Random(seed)|}; }
                public int Roll() => _rng.Next(6);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random(seed)"));
    }

    [Fact]
    public async Task Property_initializer_and_expression_bodied_property()
    {
        const string source = """
            using System;
            class C
            {
                public Random Auto { get; } = {|#0:new Random()|};
                public Random Fresh => {|#1:new Random(9)|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"), Created(1, "new Random(9)"));
    }

    [Fact]
    public async Task ThreadLocal_factory_lambda()
    {
        const string source = """
            using System;
            using System.Threading;
            class C
            {
                private static readonly ThreadLocal<Random> Local = new ThreadLocal<Random>(() => {|#0:new Random()|});
                int M() => Local.Value!.Next();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"));
    }

    [Fact]
    public async Task ThreadStatic_field_with_null_coalescing_assignment()
    {
        const string source = """
            using System;
            class C
            {
                [ThreadStatic] private static Random? t_random;
                static Random Instance => t_random ??= {|#0:new Random()|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"));
    }

    [Fact]
    public async Task Null_coalescing_expression()
    {
        const string source = """
            using System;
            class C
            {
                int M(Random? given) => (given ?? {|#0:new Random()|}).Next();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"));
    }

    [Fact]
    public async Task Lambda_and_local_function()
    {
        const string source = """
            using System;
            class C
            {
                void M()
                {
                    Func<Random> factory = () => {|#0:new Random()|};
                    Random Local(int s) => {|#1:new Random(s)|};
                    factory();
                    Local(1);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"), Created(1, "new Random(s)"));
    }

    [Fact]
    public async Task Anonymous_method()
    {
        const string source = """
            using System;
            class C
            {
                Func<Random> F = delegate { return {|#0:new Random(1)|}; };
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random(1)"));
    }

    [Fact]
    public async Task Top_level_statements()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                var rng = {|#0:new Random(2024)|};
                Console.WriteLine(rng.Next());
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Created(0, "new Random(2024)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Expression_bodied_method_and_return()
    {
        const string source = """
            using System;
            class C
            {
                Random A() => {|#0:new Random()|};
                Random B() { return {|#1:new Random(1)|}; }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"), Created(1, "new Random(1)"));
    }

    [Fact]
    public async Task Object_initializer_location_covers_the_whole_creation()
    {
        const string source = """
            using System;
            class C
            {
                object M() => {|#0:new Random() { }|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"));
    }

    [Fact]
    public async Task Immediately_used_creation()
    {
        const string source = """
            using System;
            class C
            {
                int M() => {|#0:new Random()|}.Next(10);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random()"));
    }

    [Fact]
    public async Task Dynamic_seed()
    {
        const string source = """
            using System;
            class C
            {
                object M(dynamic seed) => {|#0:new Random(seed)|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random(seed)"));
    }

    [Fact]
    public async Task Type_parameter_constrained_to_Random()
    {
        const string source = """
            using System;
            class C
            {
                static T Make<T>() where T : Random, new() => {|#0:new T()|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new T()"));
    }

    [Fact]
    public async Task Type_parameter_constrained_through_another_type_parameter()
    {
        const string source = """
            using System;
            class C<TBase> where TBase : Random
            {
                static T Make<T>() where T : TBase, new() => {|#0:new T()|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new T()"));
    }

    [Fact]
    public async Task Creation_by_reflection_through_Activator()
    {
        const string source = """
            using System;
            class MyRandom : Random { }
            class C
            {
                object A() => {|#0:Activator.CreateInstance<Random>()|};
                object B() => {|#1:Activator.CreateInstance(typeof(MyRandom))|}!;
                object D() => {|#2:Activator.CreateInstance(typeof(Random), 42)|}!;
                object E() => Activator.CreateInstance<object>();
                object F() => Activator.CreateInstance(typeof(string), 'x', 3)!;
                object G(Type t) => Activator.CreateInstance(t)!;
                static T Make<T>() where T : Random, new() => {|#3:Activator.CreateInstance<T>()|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source,
            Created(0, "Activator.CreateInstance<Random>()"),
            Created(1, "Activator.CreateInstance(typeof(MyRandom))"),
            Created(2, "Activator.CreateInstance(typeof(Random), 42)"),
            Created(3, "Activator.CreateInstance<T>()"));
    }

    [Fact]
    public async Task Unconstrained_type_parameter_is_not_reported()
    {
        const string source = """
            class C
            {
                static T Make<T>() where T : new() => new T();
                object M() => Make<System.Random>();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Subclass_declared_in_the_compilation()
    {
        const string source = """
            using System;
            class LoggingRandom : Random
            {
                public LoggingRandom(int seed) : base(seed) { }
                public override int Next() => base.Next();
            }
            class Deeper : LoggingRandom { public Deeper() : base(1) { } }
            class C
            {
                Random A = {|#0:new LoggingRandom(3)|};
                Random B = {|#1:new Deeper()|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new LoggingRandom(3)"), Created(1, "new Deeper()"));
    }

    [Fact]
    public async Task Generic_subclass_message_uses_its_display_name()
    {
        const string source = """
            using System;
            class TaggedRandom<TTag> : Random { }
            class C
            {
                object A = {|#0:new TaggedRandom<int>()|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new TaggedRandom<int>()"));
    }

    [Fact]
    public async Task Base_constructor_call_of_a_subclass_is_not_a_creation()
    {
        const string source = """
            using System;
            class Seeded : Random
            {
                public Seeded() : base(42) { }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    private const string ThirdPartyLibrary = """
        namespace MathNet.Numerics.Random
        {
            public class MersenneTwister : System.Random
            {
                public MersenneTwister(int seed) : base(seed) { }
            }
        }
        """;

    private const string ThirdPartyUser = """
        using MathNet.Numerics.Random;
        class C
        {
            System.Random R = {|#0:new MersenneTwister(1)|};
        }
        """;

    [Fact]
    public async Task Third_party_subclass_is_not_reported_by_default()
    {
        var test = new VerifyCS.Test { TestCode = ThirdPartyUser.Replace("{|#0:", string.Empty).Replace("|}", string.Empty) };
        test.TestState.AdditionalProjects["ThirdParty"].Sources.Add(ThirdPartyLibrary);
        test.TestState.AdditionalProjectReferences.Add("ThirdParty");
        await test.RunAsync();
    }

    [Theory]
    [InlineData("randompurity.RP0001.include_all_subclasses = true")]
    [InlineData("randompurity.rp0001.include_all_subclasses = True")]
    public async Task Third_party_subclass_is_reported_with_the_option(string option)
    {
        var test = new VerifyCS.Test { TestCode = ThirdPartyUser, AnalyzerConfig = option };
        test.TestState.AdditionalProjects["ThirdParty"].Sources.Add(ThirdPartyLibrary);
        test.TestState.AdditionalProjectReferences.Add("ThirdParty");
        test.ExpectedDiagnostics.Add(Created(0, "new MersenneTwister(1)"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("randompurity.RP0001.include_all_subclasses = false")]
    [InlineData("randompurity.RP0001.include_all_subclasses = yes-please")]
    public async Task Third_party_subclass_stays_silent_with_option_off_or_malformed(string option)
    {
        var test = new VerifyCS.Test { TestCode = ThirdPartyUser.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), AnalyzerConfig = option };
        test.TestState.AdditionalProjects["ThirdParty"].Sources.Add(ThirdPartyLibrary);
        test.TestState.AdditionalProjectReferences.Add("ThirdParty");
        await test.RunAsync();
    }

    [Fact]
    public async Task Option_in_an_editorconfig_section()
    {
        var test = new VerifyCS.Test { TestCode = ThirdPartyUser };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\nrandompurity.RP0001.include_all_subclasses = true\n"));
        test.TestState.AdditionalProjects["ThirdParty"].Sources.Add(ThirdPartyLibrary);
        test.TestState.AdditionalProjectReferences.Add("ThirdParty");
        test.ExpectedDiagnostics.Add(Created(0, "new MersenneTwister(1)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task User_type_named_Random_is_not_reported()
    {
        const string source = """
            namespace Game
            {
                class Random { public int Next() => 4; }
                class C
                {
                    int M() => new Random().Next();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task RogueSharp_and_MathNet_namespaces_named_Random_are_not_reported()
    {
        const string source = """
            namespace RogueSharp.Random
            {
                public interface IRandom { int Next(int max); }
                public class DotNetRandom : IRandom { public int Next(int max) => 0; }
            }
            namespace MathNet.Numerics.Random
            {
                public class SystemRandomSource { }
            }
            namespace App
            {
                using RogueSharp.Random;
                class C
                {
                    IRandom R = new DotNetRandom();
                    object S = new MathNet.Numerics.Random.SystemRandomSource();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Members_named_Random_are_not_reported()
    {
        const string source = """
            class Options { public int Random { get; set; } }
            class C
            {
                public int Random() => 4;
                object M() => new Options { Random = Random() };
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Typeof_nameof_arrays_and_declarations_are_not_creations()
    {
        const string source = """
            using System;
            class C
            {
                Random? field;
                Type T = typeof(Random);
                string N = nameof(Random);
                Random[] Many = new Random[4];
                int M(Random r) => r.Next();
                T? Cast<T>(object o) where T : Random => o as T;
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task RandomNumberGenerator_is_not_reported()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                int M()
                {
                    using var rng = RandomNumberGenerator.Create();
                    return RandomNumberGenerator.GetInt32(10);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Without_the_RandomPurity_runtime()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class C { object R = {|#0:new System.Random(1)|}; }",
            References = Verifiers.TestReferences.Net100WithoutRuntime,
        };
        test.ExpectedDiagnostics.Add(Created(0, "new Random(1)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Code_without_System_Random()
    {
        const string source = """
            using System.Collections.Generic;
            class C
            {
                List<int> M() => new List<int> { 1, 2, 3 };
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Generated_code_is_skipped()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("Dice.g.cs", """
            // <auto-generated/>
            class Generated { System.Random R = new System.Random(); }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task GeneratedCode_attribute_is_skipped()
    {
        const string source = """
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            class Generated { System.Random R = new System.Random(); }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CSharp73_netstandard20_library()
    {
        const string source = """
            using System;
            namespace Legacy
            {
                public class Shuffler
                {
                    private static readonly Random Shared = {|#0:new Random()|};
                    private readonly Random _random;
                    public Shuffler(int seed) { _random = {|#1:new Random(seed)|}; }
                    public Shuffler() : this(Shared.Next()) { }
                    public int Next(int max) { return _random.Next(max); }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerCSharp73Async(source, Created(0, "new Random()"), Created(1, "new Random(seed)"));
    }

    [Fact]
    public async Task CSharp73_generic_factory()
    {
        const string source = """
            using System;
            public static class Factory
            {
                public static T Make<T>() where T : Random, new() { return {|#0:new T()|}; }
            }
            """;
        await VerifyCS.VerifyAnalyzerCSharp73Async(source, Created(0, "new T()"));
    }

    [Fact]
    public async Task Broken_code_missing_semicolon_still_reports()
    {
        const string source = """
            using System;
            class C
            {
                void M()
                {
                    var r = {|#0:new Random(1)|}{|CS1002:|}
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Created(0, "new Random(1)"));
    }

    [Fact]
    public async Task Broken_code_unclosed_argument_list_does_not_throw()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                class C
                {
                    object M() => new System.Random(1
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.SystemRandomCreated).WithSpan(3, 19, 4, 1).WithArguments("new Random(1"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Broken_code_without_a_bound_constructor_does_not_throw()
    {
        // Failed overload resolution binds to an invalid operation: silent. A missing argument still binds a constructor.
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                class C : Random, Random
                {
                    object A = new Random("seed", 1, 2);
                    object B = new Randm();
                    object D = new();
                    static T Make<T>() where T : Missing, new() => new T();
                    object E = {|#0:new Random(|};
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Created(0, "new Random("));
        await test.RunAsync();
    }

    [Fact]
    public async Task Compilation_without_System_Random_is_silent()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                namespace System { public class Object { } public class ValueType { } public struct Void { } public struct Int32 { } }
                class C { object M() => new object(); }
                """,
            References = System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.MetadataReference>.Empty,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }
}
