using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = RandomPurity.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<RandomPurity.Analyzers.Rules.KeyInMutableStateAnalyzer>;

namespace RandomPurity.Analyzers.Tests;

public sealed class KeyInMutableStateAnalyzerTests
{
    private static DiagnosticResult Mutable(int location, string member) =>
        VerifyCS.Diagnostic(Descriptors.KeyInMutableState).WithLocation(location).WithArguments(member);

    [Theory]
    [InlineData("{|#0:_key = _key.Split().First|};")]
    [InlineData("{|#0:_key = _key.FoldIn(1)|};")]
    [InlineData("{|#0:this._key = this._key.Split(3)[0]|};")]
    [InlineData("{|#0:(_key, var sub) = _key.Split()|};")]
    [InlineData("PrngKey sub; {|#0:(sub, _key) = _key.Split()|};")]
    [InlineData("var (next, sub) = _key.Split(); {|#0:_key = next|};")]
    [InlineData("var copy = _key; var next = copy.FoldIn(2); {|#0:_key = next|};")]
    [InlineData("{|#0:_key = flag ? _key.Split().First : _key.FoldIn(3)|};")]
    public async Task Instance_field_renewed_from_itself_is_reported(string statements)
    {
        var source = $$"""
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key = PrngKey.Create(42);

                public void Renew(bool flag)
                {
                    {{statements}}
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Mutable(0, "_key"));
    }

    [Fact]
    public async Task Static_field_renewed_from_itself_is_reported()
    {
        const string source = """
            using RandomPurity;

            static class Noise
            {
                private static PrngKey s_key = PrngKey.Create(7);

                public static double Next()
                {
                    var (next, draw) = s_key.Split();
                    {|#0:s_key = next|};
                    return draw.Uniform();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Mutable(0, "s_key"));
    }

    [Fact]
    public async Task Settable_properties_renewed_from_themselves_are_reported()
    {
        const string source = """
            using RandomPurity;

            class Sampler
            {
                private PrngKey _backing;

                public PrngKey Key { get; set; }

                public PrngKey Manual
                {
                    get => _backing;
                    set => _backing = value;
                }

                public PrngKey? Maybe { get; set; }

                public void Renew()
                {
                    {|#0:Key = Key.FoldIn(2)|};
                    {|#1:Manual = Manual.Split().Second|};
                    {|#2:Maybe = Maybe?.FoldIn(1)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Mutable(0, "Key"), Mutable(1, "Manual"), Mutable(2, "Maybe"));
    }

    [Fact]
    public async Task Renewal_inside_a_lambda_or_local_function_is_reported()
    {
        const string source = """
            using System;
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key = PrngKey.Create(1);

                public Func<double> Draw()
                {
                    return () =>
                    {
                        var (next, sub) = _key.Split();
                        {|#0:_key = next|};
                        return sub.Uniform();
                    };
                }

                public double Local()
                {
                    return Step();

                    double Step()
                    {
                        {|#1:(_key, var sub) = _key.Split()|};
                        return sub.Uniform();
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Mutable(0, "_key"), Mutable(1, "_key"));
    }

    [Fact]
    public async Task Field_of_another_object_reached_through_a_parameter_is_reported()
    {
        const string source = """
            using RandomPurity;

            class Holder
            {
                public PrngKey Key;
            }

            static class Renewer
            {
                public static double Draw(Holder holder)
                {
                    {|#0:(holder.Key, var sub) = holder.Key.Split()|};
                    return sub.Uniform();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Mutable(0, "Key"));
    }

    [Fact]
    public async Task Constructors_and_initialisers_are_silent()
    {
        const string source = """
            using RandomPurity;

            class Sampler
            {
                private static PrngKey s_key = PrngKey.Create(1);
                private PrngKey _key = PrngKey.Create(2);
                private readonly PrngKey _fixed;

                static Sampler()
                {
                    s_key = s_key.FoldIn(1);
                }

                public Sampler(int seed)
                {
                    _key = _key.FoldIn(seed);
                    _fixed = PrngKey.Create(seed);
                    _fixed = _fixed.FoldIn(2);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Callback_declared_in_a_constructor_runs_later_and_is_reported()
    {
        const string source = """
            using System;
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key = PrngKey.Create(2);

                public Sampler(Action<Action> subscribe)
                {
                    _key = _key.FoldIn(1);
                    subscribe(() => {|#0:_key = _key.FoldIn(2)|});
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, Mutable(0, "_key"));
    }

    [Fact]
    public async Task Locals_and_parameters_renewed_from_themselves_are_silent()
    {
        const string source = """
            using RandomPurity;

            static class Draws
            {
                public static double Sum(PrngKey key, int n)
                {
                    var local = key.FoldIn(1);
                    var sum = 0.0;
                    for (var i = 0; i < n; i++)
                    {
                        (local, var sub) = local.Split();
                        key = key.FoldIn(i);
                        sum += sub.Uniform();
                    }

                    return sum;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Field_reseeded_or_copied_from_elsewhere_is_silent()
    {
        const string source = """
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key;
                private PrngKey _root = PrngKey.Create(3);

                public void Reset(int seed, Sampler other, PrngKey given)
                {
                    _key = PrngKey.Create(seed);
                    _key = _root.FoldIn(seed);
                    _key = other._key.Split().First;
                    _key = given;
                    var text = _key.ToString();
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task StatefulPrng_field_is_the_sanctioned_form_and_is_silent()
    {
        const string source = """
            using RandomPurity;

            class Sampler
            {
                private StatefulPrng _prng = new StatefulPrng(PrngKey.Create(1));

                public PrngKey Next()
                {
                    var key = _prng.NextKey();
                    _prng = new StatefulPrng(_prng.NextKey());
                    return key;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Init_only_property_and_object_initialiser_are_silent()
    {
        const string source = """
            using RandomPurity;

            class Options
            {
                public PrngKey Key { get; init; }
                public PrngKey Other { get; set; }

                public Options Derive() => new Options { Key = Key.FoldIn(1), Other = Other.FoldIn(2) };
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Key_used_as_an_index_of_the_assigned_state_is_not_a_target()
    {
        const string source = """
            using System.Collections.Generic;
            using RandomPurity;

            class Cache
            {
                private PrngKey _key = PrngKey.Create(1);
                private readonly Dictionary<PrngKey, PrngKey> _children = new();

                public void Remember()
                {
                    _children[_key] = _key.FoldIn(1);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CSharp73_renewal_is_reported()
    {
        const string source = """
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key = PrngKey.Create(42);

                public double Draw()
                {
                    PrngKey sub;
                    {|#0:(_key, sub) = _key.Split()|};
                    var pair = _key.Split();
                    {|#1:_key = pair.Item1|};
                    return sub.Uniform();
                }
            }
            """;
        var test = new VerifyCS.Test
        {
            TestCode = source,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3,
            References = TestReferences.NetStandard20,
        };
        test.ExpectedDiagnostics.Add(Mutable(0, "_key"));
        test.ExpectedDiagnostics.Add(Mutable(1, "_key"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Broken_code_does_not_throw()
    {
        const string source = """
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key;

                public void Renew()
                {
                    _key = _key.{|CS1061:Missing|}();
                    {|CS0103:_other|} = _key.Split().First;
                    (_key, {|CS0103:sub|}) = _key.Split();
                    _key = {|CS0029:_key.Split()|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Without_the_runtime_the_rule_is_silent()
    {
        const string source = """
            struct PrngKey
            {
                public PrngKey FoldIn(int data) => this;
            }

            class Sampler
            {
                private PrngKey _key;

                public void Renew() => _key = _key.FoldIn(1);
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, References = TestReferences.Net100WithoutRuntime };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Generated_code_is_silent()
    {
        const string source = """
            // <auto-generated/>
            using RandomPurity;

            class Sampler
            {
                private PrngKey _key;

                public void Renew() => _key = _key.FoldIn(1);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
