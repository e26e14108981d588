using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RandomPurity.Analyzers.Prefilter;

namespace RandomPurity.Analyzers.Rules;

/// <summary>
/// RP0005: a statement that calls a value-returning <c>PrngKey</c> member and drops the value
/// (<c>key.Split();</c>, <c>key.FoldIn(1);</c>, <c>PrngKey.Create(42);</c>). A key is immutable, so the call
/// changes nothing: the author almost always meant to keep the new key. <c>_ = ...</c> is an explicit discard.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyResultDroppedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.KeyResultDropped);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = KeySymbols.TryCreate(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            // Only members that spell the name of a PrngKey member, and can hold a key, can drop one's result.
            var filter = MemberFilter.Get(start.Compilation, start.CancellationToken);
            MemberFilter.ForCandidateMembers(
                start,
                member => filter.Mentions(member.Symbol, MemberFilter.KeyMember, member.CancellationToken)
                    && filter.MayHoldKeys(member.Symbol, member.CancellationToken),
                member => member.RegisterOperationAction(c => AnalyzeStatement(c, symbols), OperationKind.ExpressionStatement));
        });
    }

    private static void AnalyzeStatement(OperationAnalysisContext context, KeySymbols symbols)
    {
        var expression = ((IExpressionStatementOperation)context.Operation).Operation;
        var invocation = expression switch
        {
            IInvocationOperation direct => direct,
            // `nullableKey?.Split();` drops the result just the same.
            IConditionalAccessOperation { WhenNotNull: IInvocationOperation whenNotNull } => whenNotNull,
            _ => null,
        };

        // A statement the parser had to repair (`key.FoldIn(1` with no `)`) is left to the compiler's error.
        if (invocation is null || expression.Syntax.ContainsDiagnostics || !IsDroppedKeyResult(invocation.TargetMethod, symbols))
        {
            return;
        }

        var name = invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.KeyResultDropped, expression.Syntax.GetLocation(), name));
    }

    /// <summary>
    /// A value-returning member of PrngKey whose only effect is its result. Members with <c>ref</c> or <c>out</c>
    /// parameters (<c>TryParse</c>) write through them, so dropping their return value is legitimate.
    /// </summary>
    internal static bool IsDroppedKeyResult(IMethodSymbol method, KeySymbols symbols)
    {
        if (method.ReturnsVoid || !symbols.IsKeyMember(method) || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Ref or RefKind.Out)
            {
                return false;
            }
        }

        return true;
    }
}
