using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RandomPurity.Analyzers.KeyFlow;
using RandomPurity.Analyzers.Tests.Verifiers;
using Xunit;

namespace RandomPurity.Analyzers.Tests.KeyFlow;

/// <summary>
/// The classifier on ordinary operation trees (how RP0004 and the code fixes call it): the key reference is the
/// identifier <c>key</c> in the statement; its parent decides the use.
/// </summary>
public sealed class KeyUseClassifierTests
{
    [Theory]
    [InlineData("var x = key.Uniform();", "Consume", "Draw")]
    [InlineData("var s = key.Split();", "Consume", "Split")]
    [InlineData("var s = key.Split(4);", "Consume", "Split")]
    [InlineData("var r = key.AsRandom();", "Consume", "Draw")]
    [InlineData("var f = key.FoldIn(3);", "FoldInParent", "None")]
    [InlineData("var p = new StatefulPrng(key);", "Consume", "Pass")]
    [InlineData("Use(key);", "Consume", "Pass")]
    [InlineData("UseIn(key);", "Consume", "Pass")]
    [InlineData("Renew(ref key);", "ConsumeAndRenew", "Pass")]
    [InlineData("Make(out key);", "Renew", "None")]
    [InlineData("Inspect(key);", "Neither", "None")]
    [InlineData("object o = key;", "Consume", "Box")]
    [InlineData("_stored = key;", "Consume", "Store")]
    [InlineData("_list.Add(key);", "Consume", "Pass")]
    [InlineData("var copy = key;", "Flow", "None")]
    [InlineData("var t = (key, other);", "Flow", "None")]
    [InlineData("var w = key.Word0;", "Neither", "None")]
    [InlineData("var e = key == other;", "Neither", "None")]
    [InlineData("var e = key.Equals(other);", "Neither", "None")]
    [InlineData("var c2 = key.Clone();", "Neither", "None")]
    [InlineData("var s = key.ToString();", "Neither", "None")]
    [InlineData("var s = $\"{key}\";", "Neither", "None")]
    [InlineData("key = other;", "Renew", "None")]
    public void Classifies_the_use_of_key(string statement, string kind, string reason)
    {
        var source = KeyFlowTestCode.InMethod(statement);
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("c", new[] { tree }, TestReferences.Net100, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = compilation.GetSemanticModel(tree);
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "M");
        var reference = method.Body!.DescendantNodes().OfType<IdentifierNameSyntax>().First(n => n.Identifier.Text == "key");
        var operation = model.GetOperation(reference)!;

        var use = KeyUseClassifier.Classify(operation, KnownKeyTypes.Create(compilation)!);

        Assert.Equal(kind, use.Kind.ToString());
        Assert.Equal(reason, use.Reason.ToString());
    }

    [Fact]
    public void FoldIn_reports_its_data()
    {
        var tree = CSharpSyntaxTree.ParseText(KeyFlowTestCode.InMethod("var f = key.FoldIn(n + 1);"));
        var compilation = CSharpCompilation.Create("c", new[] { tree }, TestReferences.Net100, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var reference = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "M")
            .Body!.DescendantNodes().OfType<IdentifierNameSyntax>().First(n => n.Identifier.Text == "key");

        var use = KeyUseClassifier.Classify(model.GetOperation(reference)!, KnownKeyTypes.Create(compilation)!);

        Assert.Equal(KeyUseKind.FoldInParent, use.Kind);
        Assert.Equal("n + 1", use.FoldData!.Syntax.ToString());
    }
}
