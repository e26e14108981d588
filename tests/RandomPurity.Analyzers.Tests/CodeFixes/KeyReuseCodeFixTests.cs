using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using RandomPurity.CodeFixes;
using Xunit;
using Test = RandomPurity.Analyzers.Tests.KeyRenewalTest<RandomPurity.CodeFixes.KeyReuseCodeFixProvider>;

namespace RandomPurity.Analyzers.Tests;

public sealed class KeyReuseCodeFixTests
{
    private const string Consumed = "it was already consumed";

    [Fact]
    public async Task Second_use_gets_the_renewed_key_and_the_first_a_subkey()
    {
        const string source = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    var a = {|#1:key|}.Uniform();
                    var b = {|#0:key|}.Normal();
                    return a + b;
                }
            }
            """;
        const string fixedSource = """
            using RandomPurity;

            class C
            {
                double M(PrngKey key)
                {
                    (key, var sub) = key.Split();
                    var a = sub.Uniform();
                    var b = key.Normal();
                    return a + b;
                }
            }
            """;
        await new Test(source, fixedSource, Test.Reuse("key", Consumed)).RunAsync();
    }
}
