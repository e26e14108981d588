using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.KeyFlow;
using RandomPurity.Analyzers.Tests.Verifiers;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReuseAnalyzer>;

namespace RandomPurity.Analyzers.Tests.KeyFlow;

/// <summary>The class every key-flow test body is placed in, with small helpers whose signatures the cases need.</summary>
internal static class KeyFlowTestCode
{
    private const string Header = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using RandomPurity;

        """;

    private const string Footer = """

        namespace My
        {
            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter)]
            public sealed class PreservesKeyAttribute : Attribute { }
        }

        """;

    private const string Helpers = """
            private PrngKey _stored;
            private readonly List<PrngKey> _list = new();
            private static bool Cond() => true;
            private static void Use(PrngKey k) { }
            private static void UseIn(in PrngKey k) { }
            private static void Pair(PrngKey a, PrngKey b) { }
            private static void Inspect([PreservesKey] PrngKey k) { }
            private static void Renew(ref PrngKey k) { k = PrngKey.Create(2); }
            private static void Make(out PrngKey k) { k = PrngKey.Create(3); }
            private static T Id<T>(T value) => value;
        """;

    /// <summary>A method body, run with <c>key</c>, <c>other</c> (keys), <c>c</c> (bool) and <c>n</c> (int) in scope.</summary>
    public static string InMethod(string body) => Header + "class C\n{\n" + Helpers + "\n    public void M(PrngKey key, PrngKey other, bool c, int n)\n    {\n" + body + "\n    }\n}\n" + Footer;

    /// <summary>Members placed beside the helpers.</summary>
    public static string InClass(string members) => Header + "class C\n{\n" + Helpers + "\n" + members + "\n}\n" + Footer;

    /// <summary>RP0003 on markup #0 (the second use) with the first use at markup #1.</summary>
    public static DiagnosticResult Reuse(string key, ReuseKind kind, int first = 1) =>
        VerifyCS.Diagnostic(Descriptors.KeyReused).WithLocation(0).WithLocation(first).WithArguments(key, KeyFlowFinding.Describe(kind), FirstUseLine.At(first));

    /// <summary>RP0008 on the given markup.</summary>
    public static DiagnosticResult DefaultKey(string text, int location = 0) =>
        VerifyCS.Diagnostic(Descriptors.DefaultKeyConsumed).WithLocation(location).WithArguments(text);

}
