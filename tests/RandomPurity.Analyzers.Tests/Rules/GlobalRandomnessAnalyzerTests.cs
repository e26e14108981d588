using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.GlobalRandomnessAnalyzer>;

namespace RandomPurity.Analyzers.Tests.Rules;

public sealed class GlobalRandomnessAnalyzerTests
{
    private const string ListName = "RandomPurity.GlobalRandomness.txt";

    private static DiagnosticResult Global(int location, string name, string detail = "") =>
        VerifyCS.Diagnostic(Descriptors.GlobalRandomness).WithLocation(location).WithArguments(name, detail);

    private const string UnityLike = """
        namespace UnityEngine
        {
            public static class Random
            {
                public static float value => 0.5f;
                public static float Range(float min, float max) => min;
                public static int Range(int min, int max) => min;
                public static int seed;
            }
        }
        namespace Game.Util
        {
            public static class Dice
            {
                public static int Roll() => 4;
                public static event System.Action? Rolled;
                public static void Raise() => Rolled?.Invoke();
            }
            public sealed class Jitter { public Jitter() { } }
        }
        """;

    private static VerifyCS.Test WithList(string source, string list)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.Sources.Add(("UnityLike.cs", UnityLike));
        test.AdditionalTextFiles.Add((ListName, list));
        return test;
    }

    [Fact]
    public async Task Random_Shared_member_access()
    {
        const string source = """
            using System;
            class C
            {
                int M() => {|#0:Random.Shared|}.Next(6);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Random.Shared"));
    }

    [Fact]
    public async Task Random_Shared_fully_qualified_and_global()
    {
        const string source = """
            class C
            {
                double A() => {|#0:System.Random.Shared|}.NextDouble();
                double B() => {|#1:global::System.Random.Shared|}.NextDouble();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Random.Shared"), Global(1, "Random.Shared"));
    }

    [Fact]
    public async Task Random_Shared_through_alias_and_using_static()
    {
        const string source = """
            using R = System.Random;
            using static System.Random;
            class C
            {
                int A() => {|#0:R.Shared|}.Next();
                int B() => {|#1:Shared|}.Next();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Random.Shared"), Global(1, "Random.Shared"));
    }

    [Fact]
    public async Task Random_Shared_through_a_subclass_name()
    {
        const string source = """
            class MyRandom : System.Random { }
            class C
            {
                int A() => {|#0:MyRandom.Shared|}.Next();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Random.Shared"));
    }

    [Fact]
    public async Task Random_Shared_stored_in_a_local_is_reported_at_the_reference()
    {
        const string source = """
            using System;
            class C
            {
                int M()
                {
                    var r = {|#0:Random.Shared|};
                    return r.Next() + r.Next();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Random.Shared"));
    }

    [Fact]
    public async Task Random_Shared_behind_a_user_property_is_reported_in_the_getter()
    {
        const string source = """
            using System;
            static class Rng
            {
                public static Random Instance => {|#0:Random.Shared|};
                public static Random Cached { get; } = {|#1:Random.Shared|};
            }
            class C
            {
                int M() => Rng.Instance.Next() + Rng.Cached.Next();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Random.Shared"), Global(1, "Random.Shared"));
    }

    [Fact]
    public async Task Random_Shared_method_group()
    {
        const string source = """
            using System;
            class C
            {
                Func<int> F = {|#0:Random.Shared|}.Next;
                Func<int, int> G = {|#1:Random.Shared|}.Next;
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Random.Shared"), Global(1, "Random.Shared"));
    }

    [Fact]
    public async Task Random_Shared_in_lambda_local_function_and_top_level_code()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Linq;
                var picks = Enumerable.Range(0, 3).Select(_ => {|#0:Random.Shared|}.Next(10)).ToArray();
                int Local() => {|#1:Random.Shared|}.Next();
                Console.WriteLine(picks.Length + Local());
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Global(0, "Random.Shared"));
        test.ExpectedDiagnostics.Add(Global(1, "Random.Shared"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Random_Shared_shuffle_and_get_items()
    {
        const string source = """
            using System;
            class C
            {
                void M(int[] values)
                {
                    {|#0:Random.Shared|}.Shuffle(values);
                    var picked = {|#1:Random.Shared|}.GetItems(values, 2);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Random.Shared"), Global(1, "Random.Shared"));
    }

    [Fact]
    public async Task Nameof_Random_Shared_is_not_reported()
    {
        const string source = """
            using System;
            class C
            {
                string N = nameof(Random.Shared);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Seeded_random_instance_and_user_Shared_members_are_not_reported()
    {
        const string source = """
            using System;
            class Pool { public static Pool Shared { get; } = new Pool(); public int Next() => 1; }
            class C
            {
                private readonly Random _random = new Random(42);
                int M() => _random.Next() + Pool.Shared.Next();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Enumerable_Shuffle_extension_and_static_call()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            class C
            {
                IEnumerable<int> A(int[] values) => {|#0:values.Shuffle()|};
                IEnumerable<int> B(int[] values) => {|#1:Enumerable.Shuffle(values)|}.Take(2);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Enumerable.Shuffle"), Global(1, "Enumerable.Shuffle"));
    }

    [Fact]
    public async Task Enumerable_Shuffle_method_group()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            class C
            {
                Func<IEnumerable<int>, IEnumerable<int>> F = {|#0:Enumerable.Shuffle|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Enumerable.Shuffle"));
    }

    [Fact]
    public async Task Queryable_Shuffle()
    {
        const string source = """
            using System.Linq;
            class C
            {
                IQueryable<int> A(IQueryable<int> q) => {|#0:q.Shuffle()|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Queryable.Shuffle"));
    }

    [Fact]
    public async Task AsyncEnumerable_Shuffle()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            class C
            {
                IAsyncEnumerable<int> A(IAsyncEnumerable<int> items) => {|#0:items.Shuffle()|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "AsyncEnumerable.Shuffle"));
    }

    [Fact]
    public async Task User_Shuffle_extension_and_seeded_Random_Shuffle_are_not_reported()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            static class MyExtensions
            {
                public static IEnumerable<T> Shuffle<T>(this IEnumerable<T> source, Random random) => source;
            }
            class C
            {
                void M(int[] values, Random random)
                {
                    random.Shuffle(values);
                    values.Shuffle(random);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Guid_NewGuid_as_OrderBy_key()
    {
        const string source = """
            using System;
            using System.Linq;
            class C
            {
                int[] A(int[] values) => values.OrderBy(_ => {|#0:Guid.NewGuid()|}).ToArray();
                int[] B(int[] values) => values.OrderByDescending(x => {|#1:Guid.NewGuid()|}).ToArray();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Guid.NewGuid()", " when used as a sort key"), Global(1, "Guid.NewGuid()", " when used as a sort key"));
    }

    [Fact]
    public async Task Guid_NewGuid_inside_a_ThenBy_key_and_block_lambda()
    {
        const string source = """
            using System;
            using System.Linq;
            class C
            {
                string[] A(string[] values) => values.OrderBy(v => v.Length).ThenBy(v => {|#0:Guid.NewGuid()|}.ToString()).ToArray();
                string[] B(string[] values) => values.OrderBy(v => { var g = {|#1:Guid.NewGuid()|}; return g; }).ToArray();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Guid.NewGuid()", " when used as a sort key"), Global(1, "Guid.NewGuid()", " when used as a sort key"));
    }

    [Fact]
    public async Task Guid_NewGuid_in_query_orderby()
    {
        const string source = """
            using System;
            using System.Linq;
            class C
            {
                int[] A(int[] values) => (from v in values orderby {|#0:Guid.NewGuid()|} select v).ToArray();
                int[] B(int[] values) => (from v in values orderby v, {|#1:Guid.NewGuid()|} descending select v).ToArray();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Guid.NewGuid()", " when used as a sort key"), Global(1, "Guid.NewGuid()", " when used as a sort key"));
    }

    [Fact]
    public async Task Guid_NewGuid_as_Queryable_key_expression_tree()
    {
        const string source = """
            using System;
            using System.Linq;
            class C
            {
                IQueryable<int> A(IQueryable<int> q) => q.OrderBy(_ => {|#0:Guid.NewGuid()|});
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Global(0, "Guid.NewGuid()", " when used as a sort key"));
    }

    [Fact]
    public async Task Guid_NewGuid_elsewhere_is_not_reported()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            class C
            {
                Guid Id = Guid.NewGuid();
                Guid[] Ids(int n) => Enumerable.Range(0, n).Select(_ => Guid.NewGuid()).OrderBy(g => g).ToArray();
                Dictionary<int, Guid> Map(int[] v) => v.ToDictionary(x => x, _ => Guid.NewGuid());
                int[] Sorted(int[] v) => v.OrderBy(x => x, Comparer<int>.Default).ToArray();
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task User_OrderBy_with_Guid_key_is_not_reported()
    {
        const string source = """
            using System;
            static class Sorting
            {
                public static T[] OrderBy<T, TKey>(this T[] source, Func<T, TKey> keySelector) => source;
            }
            class C
            {
                int[] A(int[] values) => values.OrderBy(_ => Guid.NewGuid());
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task RandomNumberGenerator_is_never_reported()
    {
        const string source = """
            using System.Security.Cryptography;
            class C
            {
                int M(byte[] buffer)
                {
                    RandomNumberGenerator.Fill(buffer);
                    using var rng = RandomNumberGenerator.Create();
                    rng.GetBytes(buffer);
                    return RandomNumberGenerator.GetInt32(10);
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.AdditionalTextFiles.Add((ListName, "T:System.Security.Cryptography.RandomNumberGenerator\nM:System.Security.Cryptography.RandomNumberGenerator.GetInt32(System.Int32)\nN:System.Security.Cryptography\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Listed_method_with_message()
    {
        const string source = """
            class C
            {
                float A() => {|#0:UnityEngine.Random.Range(0f, 1f)|};
                int B() => UnityEngine.Random.Range(0, 6);
            }
            """;
        var test = WithList(source, "M:UnityEngine.Random.Range(System.Single,System.Single);use the game's PrngKey\n");
        test.ExpectedDiagnostics.Add(Global(0, "UnityEngine.Random.Range", " (use the game's PrngKey)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Listed_type_covers_every_member()
    {
        const string source = """
            using UnityEngine;
            class C
            {
                float A() => {|#0:Random.value|} + {|#1:Random.Range(0f, 1f)|} + {|#2:Random.Range(0, 6)|};
                void B() { {|#3:Random.seed|} = 3; }
                string N = nameof(Random.value);
                System.Type T = typeof(Random);
            }
            """;
        var test = WithList(source, "// Unity's global generator\n\nT:UnityEngine.Random\n");
        test.ExpectedDiagnostics.Add(Global(0, "UnityEngine.Random.value"));
        test.ExpectedDiagnostics.Add(Global(1, "UnityEngine.Random.Range"));
        test.ExpectedDiagnostics.Add(Global(2, "UnityEngine.Random.Range"));
        test.ExpectedDiagnostics.Add(Global(3, "UnityEngine.Random.seed"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Listed_property_field_event_method_group_and_constructor()
    {
        const string source = """
            using System;
            using Game.Util;
            class C
            {
                float A() => {|#0:UnityEngine.Random.value|};
                Func<int> F = {|#1:Dice.Roll|};
                void B() { {|#2:Dice.Rolled|} += Handler; }
                static void Handler() { }
                object J = {|#3:new Jitter()|};
            }
            """;
        var test = WithList(source, """
            P:UnityEngine.Random.value
            M:Game.Util.Dice.Roll ; seeded dice only
            E:Game.Util.Dice.Rolled
            M:Game.Util.Jitter.#ctor
            """);
        test.ExpectedDiagnostics.Add(Global(0, "UnityEngine.Random.value"));
        test.ExpectedDiagnostics.Add(Global(1, "Game.Util.Dice.Roll", " (seeded dice only)"));
        test.ExpectedDiagnostics.Add(Global(2, "Game.Util.Dice.Rolled"));
        test.ExpectedDiagnostics.Add(Global(3, "Game.Util.Jitter.ctor"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Listed_type_using_its_own_members_is_not_reported()
    {
        const string source = "class C { }";
        var test = WithList(source, "T:Game.Util.Dice\nN:UnityEngine\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task Listed_namespace()
    {
        const string source = """
            class C
            {
                int A() => {|#0:Game.Util.Dice.Roll()|};
                float B() => UnityEngine.Random.value;
            }
            """;
        var test = WithList(source, "N:Game.Util;legacy helpers\n");
        test.ExpectedDiagnostics.Add(Global(0, "Game.Util.Dice.Roll", " (legacy helpers)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task List_in_a_subfolder_with_unknown_and_malformed_lines()
    {
        const string source = """
            class C
            {
                int A() => {|#0:Game.Util.Dice.Roll()|};
            }
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.Sources.Add(("UnityLike.cs", UnityLike));
        test.AdditionalTextFiles.Add(("config/randompurity.globalrandomness.txt", "M:Does.Not.Exist\nnot an id at all\n;\nT:\nM:Game.Util.Dice.Roll\n"));
        test.ExpectedDiagnostics.Add(Global(0, "Game.Util.Dice.Roll"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Other_additional_files_are_ignored()
    {
        const string source = """
            class C
            {
                int A() => Game.Util.Dice.Roll();
            }
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.Sources.Add(("UnityLike.cs", UnityLike));
        test.AdditionalTextFiles.Add(("BannedSymbols.txt", "M:Game.Util.Dice.Roll\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Namespaces_and_members_named_Random_are_not_reported()
    {
        const string source = """
            namespace RogueSharp.Random
            {
                public class DotNetRandom { public static DotNetRandom Shared { get; } = new DotNetRandom(); public int Next(int max) => 0; }
            }
            namespace App
            {
                class Holder { public System.Random Random { get; } = new System.Random(1); public int Shared => 1; }
                class C
                {
                    int M(Holder h) => RogueSharp.Random.DotNetRandom.Shared.Next(3) + h.Random.Next() + h.Shared;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Generated_code_is_skipped()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("Roll.g.cs", "// <auto-generated/>\nclass G { int M() => System.Random.Shared.Next(); }\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CSharp73_netstandard20_has_no_Random_Shared_and_no_Shuffle()
    {
        const string source = """
            using System;
            using System.Linq;
            public class Legacy
            {
                private static readonly Random Rng = new Random(5);
                public int[] Deal(int[] cards) { return cards.OrderBy(c => {|#0:Guid.NewGuid()|}).ToArray(); }
                public int Roll() { return Rng.Next(6); }
            }
            """;
        await VerifyCS.VerifyAnalyzerCSharp73Async(source, Global(0, "Guid.NewGuid()", " when used as a sort key"));
    }

    [Fact]
    public async Task CSharp73_user_defined_Shared_on_old_frameworks_is_not_confused()
    {
        const string source = """
            using System;
            public static class ThreadSafeRandom
            {
                [ThreadStatic] private static Random local;
                public static Random Shared { get { return local ?? (local = new Random(1)); } }
                public static int Next() { return Shared.Next(); }
            }
            """;
        await VerifyCS.VerifyAnalyzerCSharp73Async(source);
    }

    [Fact]
    public async Task Broken_code_does_not_throw()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System;
                using System.Linq;
                class C
                {
                    int A() => {|#0:Random.Shared|}.Nxt();
                    int[] B(int[] v) => v.OrderBy(_ => Guid.NewGuid(), ).ToArray();
                    int[] D(int[] v) => v.OrderBy(=> Guid.NewGuid()).ToArray();
                    object E = Guid.NewGuid(;
                    object F = Random.Shared.
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Global(0, "Random.Shared"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.GlobalRandomness).WithSpan(9, 16, 9, 29).WithArguments("Random.Shared", string.Empty));
        await test.RunAsync();
    }

    [Fact]
    public async Task Nameof_of_listed_members_and_Shuffle_is_not_reported()
    {
        const string source = """
            using System.Linq;
            class C
            {
                string A = nameof(UnityEngine.Random.Range);
                string B = nameof(Enumerable.Shuffle);
            }
            """;
        var test = WithList(source, "T:UnityEngine.Random\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_the_RandomPurity_runtime()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "class C { int M() => {|#0:System.Random.Shared|}.Next(); }",
            References = Verifiers.TestReferences.Net100WithoutRuntime,
        };
        test.ExpectedDiagnostics.Add(Global(0, "Random.Shared"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Code_without_randomness()
    {
        await VerifyCS.VerifyAnalyzerAsync("class C { int M(int[] v) => v.Length; }");
    }
}
