using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RandomPurity.CodeFixes.Migration;

/// <summary>
/// Picks names for the variables a migration introduces (<c>sub</c>, <c>lambdaKey</c>, ...) that clash with nothing:
/// not with any identifier written anywhere in the enclosing member (a later local, a lambda parameter, a field the
/// member reads), not with any symbol visible at the member (fields, properties, types, namespaces), and not with a
/// name already picked by another rewrite of the same fix. Candidates are <c>base</c>, <c>base2</c>, <c>base3</c>, ...
/// </summary>
internal sealed class NamePicker
{
    private readonly HashSet<string> _taken = new();
    private readonly List<string> _disabledText = new();
    private readonly SemanticModel _model;
    private readonly int _position;

    public NamePicker(SemanticModel model, SyntaxNode member)
    {
        _model = model;
        _position = member.SpanStart;
        foreach (var token in member.DescendantTokens(descendIntoTrivia: true))
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                _taken.Add(token.ValueText);
            }
        }

        // Code in an inactive #if branch is not parsed, yet becomes live under another configuration.
        foreach (var trivia in member.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.DisabledTextTrivia))
            {
                _disabledText.Add(trivia.ToString());
            }
        }
    }

    private static readonly System.Threading.AsyncLocal<ISet<Microsoft.CodeAnalysis.Text.TextSpan>?> ActiveElsewhereSpans = new();

    /// <summary>
    /// While migrating one target framework's copy of a multi-targeted file: the inactive branches of this copy that
    /// another copy compiles. That copy's own migration rewrites them, and the two results are merged, so a name in
    /// them does not block this copy's migration. Dispose the result to restore the previous value.
    /// </summary>
    public static System.IDisposable ActiveElsewhere(ISet<Microsoft.CodeAnalysis.Text.TextSpan> spans)
    {
        var previous = ActiveElsewhereSpans.Value;
        ActiveElsewhereSpans.Value = spans;
        return new Restore(previous);
    }

    /// <summary>True when <paramref name="name"/> is written as a word in an inactive preprocessor branch of <paramref name="node"/>.</summary>
    public static bool AppearsInDisabledText(SyntaxNode node, string name)
    {
        var elsewhere = ActiveElsewhereSpans.Value;
        foreach (var trivia in node.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.DisabledTextTrivia) && elsewhere?.Contains(trivia.Span) != true && ContainsWord(trivia.ToString(), name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns a free name and reserves it.</summary>
    public string Pick(string baseName)
    {
        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? baseName : baseName + suffix.ToString(CultureInfo.InvariantCulture);
            if (!_taken.Contains(candidate)
                && !_disabledText.Exists(text => ContainsWord(text, candidate))
                && _model.LookupSymbols(_position, name: candidate).IsEmpty)
            {
                _taken.Add(candidate);
                return candidate;
            }
        }
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var index = text.IndexOf(word, System.StringComparison.Ordinal); index >= 0; index = text.IndexOf(word, index + 1, System.StringComparison.Ordinal))
        {
            var end = index + word.Length;
            if ((index == 0 || !IsIdentifierPart(text[index - 1])) && (end == text.Length || !IsIdentifierPart(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private sealed class Restore : System.IDisposable
    {
        private readonly ISet<Microsoft.CodeAnalysis.Text.TextSpan>? _previous;

        public Restore(ISet<Microsoft.CodeAnalysis.Text.TextSpan>? previous) => _previous = previous;

        public void Dispose() => ActiveElsewhereSpans.Value = _previous;
    }
}
