using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static RandomPurity.Analyzers.Tests.KeyFlow.KeyFlowTestCode;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReusedAcrossExecutionsAnalyzer>;

namespace RandomPurity.Analyzers.Tests.Precision;

/// <summary>
/// RP0009 precision classes of issue 19: a key field read through another instance (4), a delegate made in a loop
/// body over that iteration's key and called once per iteration (5), a local function passed to a run-once API (7).
/// Markup #0 is the consuming reference; each report shape has a silent twin.
/// </summary>
public sealed class KeyReusedAcrossExecutionsPrecisionTests
{
    private const string Extra = """
            private readonly PrngKey _key = PrngKey.Create(1);
            private PrngKey _mutable = PrngKey.Create(4);
            private PrngKey Key { get; } = PrngKey.Create(2);
            private static void RunTwice(Func<double> f) { f(); f(); }
        """;

    private sealed record Case(string Name, string Key, string Description, string Report, string Silent, bool Members = false);

    private static readonly Case[] Cases =
    {
        // 4. A key field read through another instance is a field use.
        new("FieldThroughParameter", "_key", "member 'Next', which does not renew it",
            "double Next(C other) => {|#0:other._key|}.Uniform();",
            "double Next(C other, int i) => other._key.FoldIn(i).Uniform();", Members: true),
        new("PropertyThroughParameter", "Key", "member 'Next', which does not renew it",
            "double Next(C other) => {|#0:other.Key|}.Normal();",
            "double Next(C other, int i) => other.Key.FoldIn(i).Normal();", Members: true),
        new("FieldThroughOperatorOperand", "_key", "member 'op_Addition', which does not renew it",
            "public static double operator +(C left, int n) => {|#0:left._key|}.Uniform() + n;",
            "public static double operator +(C left, int n) => left._key.FoldIn(n).Uniform();", Members: true),
        new("FieldThroughConversionSource", "_key", "member 'op_Explicit', which does not renew it",
            "public static explicit operator double(C c) => {|#0:c._key|}.Uniform();",
            "public static explicit operator PrngKey(C c) => c._key;", Members: true),
        new("MutableFieldThroughParameter", "_mutable", "member 'Next', which does not renew it",
            "double Next(C other) => {|#0:other._mutable|}.Uniform();",
            "double Next(C other) { (other._mutable, var sub) = other._mutable.Split(); return sub.Uniform(); }", Members: true),

        // 5. A delegate made in a loop body over that iteration's own key, called once per iteration.
        new("LambdaInLoopOverIterationKey", "k", "a lambda stored in 'f', which is invoked more than once",
            "for (var i = 0; i < n; i++) { var k = key.FoldIn(i); Func<double> f = () => {|#0:k|}.Uniform(); var x = f() + f(); }",
            "for (var i = 0; i < n; i++) { var k = key.FoldIn(i); Func<double> f = () => k.Uniform(); var x = f(); }"),
        new("LambdaInLoopOverOuterKey", "k", "a lambda stored in 'f', which may be invoked more than once",
            "var k = key.FoldIn(1); for (var i = 0; i < n; i++) { Func<double> f = () => {|#0:k|}.Uniform(); var x = f(); }",
            "for (var i = 0; i < n; i++) { var k = key.FoldIn(i); Func<double> f = () => k.Uniform(); var x = f(); }"),
        new("LocalFunctionInLoopOverIterationKey", "k", "local function 'Draw', which is called in a loop or from a function that may run more than once",
            "var k = key.FoldIn(1); for (var i = 0; i < n; i++) { var x = Draw(); } double Draw() => {|#0:k|}.Uniform();",
            "for (var i = 0; i < n; i++) { var k = key.FoldIn(i); var x = Draw(); double Draw() => k.Uniform(); }"),
        new("LocalFunctionInLoopCalledTwice", "k", "local function 'Draw', which is called more than once",
            "for (var i = 0; i < n; i++) { var k = key.FoldIn(i); var x = Draw() + Draw(); double Draw() => {|#0:k|}.Uniform(); }",
            "while (n-- > 0) { var k = key.FoldIn(n); var x = Draw(); double Draw() { return k.Normal(); } }"),
        new("LambdaOverForeachIterationVariable", "k", "a lambda stored in 'f', which is invoked more than once",
            "foreach (var k in key.Split(3)) { Func<double> f = () => {|#0:k|}.Uniform(); var x = f(); var y = f(); }",
            "foreach (var k in key.Split(3)) { Func<double> f = () => k.Uniform(); var x = f(); }"),

        // 7. A local function passed to a run-once API is exempt exactly like a lambda.
        new("LocalFunctionToTaskRun", "key", "local function 'Work', which is used as a delegate",
            "RunTwice(Work); double Work() => {|#0:key|}.Uniform();",
            "var t = Task.Run(Work); double Work() => key.Uniform();"),
        new("LocalFunctionToLazy", "key", "local function 'Work', which is called more than once",
            "var a = new Lazy<double>(Work); var b = new Lazy<double>(Work); double Work() => {|#0:key|}.Normal();",
            "var lazy = new Lazy<double>(Work); double Work() => key.Normal();"),
        new("LocalFunctionToTaskRunInLoop", "key", "local function 'Work', which is used as a delegate",
            "for (var i = 0; i < n; i++) { var t = Task.Run(Work); } double Work() => {|#0:key|}.Uniform();",
            "var t = Task.Run(Work); t.Wait(); double Work() { var (a, b) = key.Split(); return a.Uniform() + b.Normal(); }"),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Select(c => c.Name));

    private static string Code(Case @case, string code) =>
        @case.Members ? InClass(Extra + "\n" + code) : InClass(Extra + "\n    public void M(PrngKey key, int n)\n    {\n" + code + "\n    }");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Reports(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        return VerifyCS.VerifyAnalyzerAsync(
            Code(@case, @case.Report),
            VerifyCS.Diagnostic(Descriptors.KeyReusedAcrossExecutions).WithLocation(0).WithArguments(@case.Key, @case.Description));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task StaysSilent(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        return VerifyCS.VerifyAnalyzerAsync(Code(@case, @case.Silent));
    }
}
