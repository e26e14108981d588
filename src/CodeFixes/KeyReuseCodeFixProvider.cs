using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RandomPurity.Analyzers;
using RandomPurity.CodeFixes.KeyRenewal;

namespace RandomPurity.CodeFixes;

/// <summary>
/// RP0003: renews the key at its first use, <c>(key, var sub) = key.Split();</c> before the statement of the first
/// use, which then consumes <c>sub</c>; the second use gets the renewed key. Offered for a local or a by-value,
/// <c>ref</c> or <c>out</c> parameter used directly (not through a copy) in a statement of the function that
/// declares it, and only when the analyzers find the site clean afterwards and the code still compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeyReuseCodeFixProvider))]
[Shared]
public sealed class KeyReuseCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.KeyReused);

    /// <inheritdoc/>
    /// <remarks>
    /// A document's diagnostics are fixed together, round by round, so that one FixAll (as <c>dotnet format</c> applies
    /// it) also repairs the third use that becomes a reuse once the second is fixed.
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await KeyReuseRenewal.FixAsync(
            document, diagnostics, requireAll: false, context.CancellationToken).ConfigureAwait(false)
            ?? document);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not IdentifierNameSyntax key)
            {
                continue;
            }

            // Computed now: whether a correct fix exists is only known once the analyzers have seen it.
            var fixedDocument = await KeyReuseRenewal.FixAsync(
                context.Document, new[] { diagnostic }, requireAll: true, context.CancellationToken).ConfigureAwait(false);
            if (fixedDocument is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Split '{key.Identifier.ValueText}' before its first use",
                    _ => Task.FromResult(fixedDocument),
                    FixerNames.SplitReusedKey),
                diagnostic);
        }
    }
}
