using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RandomPurity.Analyzers.KeyFlow;
using RandomPurity.Analyzers.Prefilter;

namespace RandomPurity.Analyzers.Rules;

/// <summary>
/// RP0003 (a key reused within one execution of a body) and RP0008 (a default key consumed): both come out of
/// one run of the key-flow engine over the body's control flow graph.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KeyReuseAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.KeyReused, Descriptors.DefaultKeyConsumed);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownKeyTypes.Create(start.Compilation);
            if (types is null)
            {
                return;
            }

            var fields = new NeverAssignedKeyFields(types);
            var filter = MemberFilter.Get(start.Compilation, start.CancellationToken);

            // No flow work, and no operation tree, for a member that cannot hold a key (MemberFilter.MayHoldKeys).
            MemberFilter.ForCandidateMembers(
                start,
                member => filter.MayHoldKeys(member.Symbol, member.CancellationToken),
                member => member.RegisterOperationBlockAction(block => AnalyzeBlocks(block, types, fields)));
        });
    }

    /// <summary>The largest body (in basic blocks of its control-flow graph) the key-flow engine analyses.</summary>
    internal const int MaxBasicBlocks = 2000;

    private static void AnalyzeBlocks(OperationBlockAnalysisContext context, KnownKeyTypes types, NeverAssignedKeyFields fields)
    {
        HashSet<IOperation>? analyzed = null;
        foreach (var block in context.OperationBlocks)
        {
            var root = block;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            if (!IsGraphRoot(root) || !(analyzed ??= new HashSet<IOperation>()).Add(root) || !MentionsKeys(root, types))
            {
                continue;
            }

            var findings = new KeyFlowFindings();
            try
            {
                var graph = context.GetControlFlowGraph(block);
                if (graph.Blocks.Length > MaxBasicBlocks)
                {
                    // The engine's state grows with the number of key values in a body, so its cost is quadratic in
                    // the body's size: beyond this bound (thousands of statements, almost always generated code) the
                    // body is not analysed rather than stalling the IDE. Documented in docs/rules/RP0003.md.
                    continue;
                }

                KeyFlowAnalysis.Analyze(graph, types, fields.IsNeverAssigned, findings, context.CancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Broken or future code the engine does not understand: no diagnostic rather than a crash (AD0001).
                // Debug builds (the tests) rethrow, so that an engine bug shows up as a failing test.
#if DEBUG
                throw new InvalidOperationException("Key-flow analysis failed", exception);
#else
                continue;
#endif
            }

            foreach (var finding in findings.All)
            {
                var syntax = finding.Reference.Syntax;
                if (finding.Reuse is { } kind)
                {
                    var additional = finding.FirstUse is { } first ? new[] { first.Syntax.GetLocation() } : Array.Empty<Location>();
                    var firstLine = (finding.FirstUse?.Syntax ?? syntax).GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.KeyReused, syntax.GetLocation(), additional, finding.KeyName, KeyFlowFinding.Describe(kind), firstLine));
                }
                else
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.DefaultKeyConsumed, syntax.GetLocation(), syntax.ToString()));
                }
            }
        }
    }

    private static bool IsGraphRoot(IOperation operation) =>
        operation is IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation
            or IPropertyInitializerOperation or IParameterInitializerOperation or IBlockOperation;

    /// <summary>The cheap check before building a graph: does any operation in the body produce a key-carrying value?</summary>
    private static bool MentionsKeys(IOperation root, KnownKeyTypes types)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation.Type is { } type && types.CarriesKeys(type))
            {
                return true;
            }
        }

        return false;
    }
}
