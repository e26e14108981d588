using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.KeyFlow;
using Xunit;
using static RandomPurity.Analyzers.Tests.KeyFlow.KeyFlowTestCode;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyReusedAcrossExecutionsAnalyzer>;

namespace RandomPurity.Analyzers.Tests.KeyFlow;

/// <summary>RP0009 report/silent pairs: markup #0 is the consuming reference inside the function or member.</summary>
public sealed class KeyReusedAcrossExecutionsTests
{
    private const string Extra = """
            private Func<double>? _f;
            private event Action? Tick;
            private event Action<object, int>? Changed;
            private readonly PrngKey _key = PrngKey.Create(1);
            private PrngKey Key { get; } = PrngKey.Create(2);
            private static PrngKey s_key = PrngKey.Create(3);
            private static void RunTwice(Func<double> f) { f(); f(); }
            private static void Once(Func<double> f) => f();
            private static double Draw(PrngKey k) => 0;
        """;

    private sealed record Case(string Name, string Key, string Description, string Report, string Silent, bool Members = false);

    private static readonly Case[] Cases =
    {
        new("Select", "key", "a lambda passed to 'Select', which may run it more than once",
            "var xs = Enumerable.Range(0, n).Select(i => {|#0:key|}.Uniform()).ToList();",
            "var xs = Enumerable.Range(0, n).Select(i => key.FoldIn(i).Uniform()).ToList();"),
        new("ParallelFor", "key", "a lambda passed to 'For', which may run it more than once",
            "Parallel.For(0, n, i => { var x = {|#0:key|}.Normal(); });",
            "Parallel.For(0, n, i => { var x = key.FoldIn(i).Normal(); });"),
        new("TaskRunIsRunOnce", "key", "a lambda passed to 'RunTwice', which may run it more than once",
            "RunTwice(() => {|#0:key|}.Uniform());",
            "var t = Task.Run(() => key.Uniform());"),
        new("TaskFactoryStartNewIsRunOnce", "key", "a lambda passed to 'Select', which may run it more than once",
            "var ts = Enumerable.Range(0, 2).Select(_ => {|#0:key|}.Uniform());",
            "var t = Task.Factory.StartNew(() => key.Uniform());"),
        new("LazyIsRunOnce", "key", "a lambda passed to 'RunTwice', which may run it more than once",
            "RunTwice(() => {|#0:key|}.Normal());",
            "var lazy = new Lazy<double>(() => key.Normal());"),
        new("ThreadPoolIsRunOnce", "key", "a lambda passed to 'ForEach', which may run it more than once",
            "new List<int> { 1, 2 }.ForEach(_ => {|#0:key|}.Bits32());",
            "ThreadPool.QueueUserWorkItem(_ => key.Bits32());"),
        new("StoredFuncCalledTwice", "key", "a lambda stored in 'f', which is invoked more than once",
            "Func<double> f = () => {|#0:key|}.Uniform(); var a = f(); var b = f();",
            "Func<double> f = () => key.Uniform(); var a = f();"),
        new("StoredFuncCalledInLoop", "key", "a lambda stored in 'f', which may be invoked more than once",
            "Func<double> f = () => {|#0:key|}.Uniform(); for (var i = 0; i < n; i++) { var a = f(); }",
            "Func<int, double> f = i => key.FoldIn(i).Uniform(); for (var i = 0; i < n; i++) { var a = f(i); }"),
        new("StoredInField", "key", "a lambda that is stored, returned or subscribed, which may run more than once",
            "_f = () => {|#0:key|}.Uniform();",
            "_f = () => { (key, var sub) = key.Split(); return sub.Uniform(); };"),
        new("EventHandler", "key", "a lambda that is stored, returned or subscribed, which may run more than once",
            "Tick += () => { var x = {|#0:key|}.Uniform(); };",
            "Changed += (sender, i) => { var x = key.FoldIn(i).Uniform(); };"),
        new("LocalFunctionCalledTwice", "key", "local function 'Next', which is called more than once",
            "var a = Next(); var b = Next(); double Next() => {|#0:key|}.Uniform();",
            "var a = Next(); double Next() => key.Uniform();"),
        new("LocalFunctionCalledInLoop", "key", "local function 'Next', which is called in a loop or from a function that may run more than once",
            "for (var i = 0; i < n; i++) { var a = Next(); } double Next() => {|#0:key|}.Uniform();",
            "for (var i = 0; i < n; i++) { var a = Next(i); } double Next(int i) => key.FoldIn(i).Uniform();"),
        new("LocalFunctionAsDelegate", "key", "local function 'Next', which is used as a delegate",
            "var xs = Enumerable.Range(0, n).Select(Next).ToList(); double Next(int i) => {|#0:key|}.Uniform();",
            "var xs = Enumerable.Range(0, n).Select(Next).ToList(); double Next(int i) => key.FoldIn(i).Uniform();"),
        new("AnonymousMethod", "key", "a lambda stored in 'f', which is invoked more than once",
            "Func<int, double> f = delegate (int i) { return {|#0:key|}.Uniform(); }; var a = f(1) + f(2);",
            "Func<int, double> f = delegate (int i) { return key.FoldIn(i).Uniform(); }; var a = f(1) + f(2);"),
        new("ConstantFoldInLambda", "key", "a lambda passed to 'Select', which may run it more than once",
            "var xs = Enumerable.Range(0, n).Select(i => {|#0:key|}.FoldIn(1).Uniform()).ToList();",
            "var xs = Enumerable.Range(0, n).Select(i => key.FoldIn(i + 1).Uniform()).ToList();"),
        new("SplitInLambda", "key", "a lambda passed to 'Select', which may run it more than once",
            "var xs = Enumerable.Range(0, n).Select(i => {|#0:key|}.Split().First.Uniform()).ToList();",
            "var xs = Enumerable.Range(0, n).Select(i => key.FoldIn(i).Split().First.Uniform()).ToList();"),
        new("PassedInLambda", "key", "a lambda passed to 'Select', which may run it more than once",
            "var xs = Enumerable.Range(0, n).Select(i => Draw({|#0:key|})).ToList();",
            "var xs = Enumerable.Range(0, n).Select(i => Draw(key.FoldIn(i))).ToList();"),
        new("FieldConsumedByMember", "_key", "member 'Next', which does not renew it",
            "double Next() => {|#0:_key|}.Uniform();",
            "double Next(int i) => _key.FoldIn(i).Uniform();", Members: true),
        new("AutoPropertyConsumedByMember", "Key", "member 'Next', which does not renew it",
            "double Next() => {|#0:Key|}.Normal();",
            "double Next(long step) => Key.FoldIn((int)step).Normal();", Members: true),
        new("StaticFieldConsumedByMember", "s_key", "member 'Next', which does not renew it",
            "static double Next() => {|#0:s_key|}.Uniform();",
            "static double Next() { (s_key, var sub) = s_key.Split(); return sub.Uniform(); }", Members: true),
        new("FieldPassedByMember", "_key", "member 'Next', which does not renew it",
            "double Next() => Draw({|#0:_key|});",
            "PrngKey Current() => _key;", Members: true),
        new("FieldConstantFoldIn", "_key", "member 'Next', which does not renew it",
            "double Next() => {|#0:_key|}.FoldIn(3).Uniform();",
            "double Next(int n) => _key.FoldIn(n).Uniform();", Members: true),
        new("FieldThroughThisSplit", "_key", "member 'Next', which does not renew it",
            "PrngKey Next() => {|#0:this._key|}.Split().First;",
            "readonly double _x; C(int n) { _x = this._key.Split().First.Uniform(); }", Members: true),
        new("FieldInLambdaOfMember", "_key", "member 'Sum', which does not renew it",
            "double Sum() => Enumerable.Range(0, 3).Sum(i => {|#0:_key|}.Uniform());",
            "double Sum() => Enumerable.Range(0, 3).Sum(i => _key.FoldIn(i).Uniform());", Members: true),
    };

    private static string Code(Case @case, string code) =>
        @case.Members ? InClass(Extra + "\n" + code) : InClass(Extra + "\n    public void M(PrngKey key, int n)\n    {\n" + code + "\n    }");

    public static TheoryData<string> CaseNames() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Reports(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        return VerifyCS.VerifyAnalyzerAsync(Code(@case, @case.Report), VerifyCS.Diagnostic(Descriptors.KeyReusedAcrossExecutions).WithLocation(0).WithArguments(@case.Key, @case.Description));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task StaysSilent(string name)
    {
        var @case = Cases.Single(c => c.Name == name);
        return VerifyCS.VerifyAnalyzerAsync(Code(@case, @case.Silent));
    }

    [Fact]
    public Task Every_consuming_reference_is_reported_once() =>
        VerifyCS.VerifyAnalyzerAsync(
            InClass(Extra + "\nvoid M(PrngKey key, int n) { var xs = Enumerable.Range(0, n).Select(i => {|#0:key|}.Uniform() + {|#1:key|}.Normal()).ToList(); }"),
            VerifyCS.Diagnostic(Descriptors.KeyReusedAcrossExecutions).WithLocation(0).WithArguments("key", "a lambda passed to 'Select', which may run it more than once"),
            VerifyCS.Diagnostic(Descriptors.KeyReusedAcrossExecutions).WithLocation(1).WithArguments("key", "a lambda passed to 'Select', which may run it more than once"));

    // Decided in review (docs/rules/RP0009.md): a field read through a parameter is as much a field use as one
    // read through `this` (this test asserted the opposite before issue 19).
    [Fact]
    public Task Another_instance_field_read_through_a_parameter_is_a_field_use() =>
        VerifyCS.VerifyAnalyzerAsync(
            InClass(Extra + "\ndouble Next(C other) => {|#0:other._key|}.Uniform();"),
            VerifyCS.Diagnostic(Descriptors.KeyReusedAcrossExecutions).WithLocation(0).WithArguments("_key", "member 'Next', which does not renew it"));

    [Theory]
    [InlineData("M:C.Once(System.Func{System.Double})")]
    [InlineData("M:C.Once ; every overload")]
    [InlineData("T:C")]
    public async Task The_run_once_list_is_extended_by_an_additional_file(string entry)
    {
        var source = Code(Cases[0] with { Members = false }, "Once(() => {|#0:key|}.Uniform());");
        var without = new VerifyCS.Test { TestCode = source };
        without.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KeyReusedAcrossExecutions).WithLocation(0).WithArguments("key", "a lambda passed to 'Once', which may run it more than once"));
        await without.RunAsync(CancellationToken.None);

        var with = new VerifyCS.Test { TestCode = source.Replace("{|#0:key|}", "key") };
        with.AdditionalTextFiles.Add((RunOnceApis.FileName, "// run-once delegates of this project\n" + entry + "\n"));
        await with.RunAsync(CancellationToken.None);
    }
}
