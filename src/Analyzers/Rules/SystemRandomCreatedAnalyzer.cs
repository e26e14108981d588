using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RandomPurity.Analyzers.Prefilter;

namespace RandomPurity.Analyzers;

/// <summary>
/// RP0001: every creation of a <c>System.Random</c>, and of a subclass declared in the compilation (or of any
/// subclass when <see cref="IncludeAllSubclassesOption"/> is true), whatever the syntax: <c>new Random()</c>,
/// <c>new()</c>, an alias, <c>global::</c>, <c>new T()</c> with <c>T : Random</c>, a dynamic argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SystemRandomCreatedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// .editorconfig / .globalconfig key: <c>true</c> reports creations of every subclass of <c>System.Random</c>,
    /// including third-party generators, not only those declared in the compilation.
    /// </summary>
    public const string IncludeAllSubclassesOption = "randompurity.RP0001.include_all_subclasses";

    private const int MaxArgumentTextLength = 40;

    private static readonly Regex Whitespace = new(@"\s+", RegexOptions.CultureInvariant);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SystemRandomCreated);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = RandomSymbols.Create(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            var filter = MemberFilter.Get(start.Compilation, start.CancellationToken);
            MemberFilter.ForCandidateMembers(
                start,
                member => MayCreateRandom(member, filter, symbols),
                member => member.RegisterOperationAction(
                    context => AnalyzeCreation(context, symbols),
                    OperationKind.ObjectCreation,
                    OperationKind.DynamicObjectCreation,
                    OperationKind.TypeParameterObjectCreation));

            var activator = start.Compilation.GetTypeByMetadataName("System.Activator");
            if (activator is not null)
            {
                MemberFilter.ForCandidateMembers(
                    start,
                    member => filter.Mentions(member.Symbol, MemberFilter.CreateInstance, member.CancellationToken),
                    member => member.RegisterOperationAction(context => AnalyzeReflectionCreation(context, symbols, activator), OperationKind.Invocation));
            }
        });
    }

    /// <summary>
    /// The cheap check before any operation: the member spells <c>Random</c>, an alias or a subclass declared here,
    /// or has a target-typed <c>new()</c>; or it has a <c>new</c> and either every subclass counts (the option) or a
    /// type parameter in scope has a constraint (<c>new T()</c> with <c>T : Random</c>).
    /// </summary>
    private static bool MayCreateRandom(SymbolStartAnalysisContext member, MemberFilter filter, RandomSymbols symbols)
    {
        var symbol = member.Symbol;
        if (filter.Mentions(symbol, MemberFilter.RandomType | NameIndex.ImplicitNew, member.CancellationToken))
        {
            return true;
        }

        if (!filter.Mentions(symbol, NameIndex.NewKeyword, member.CancellationToken))
        {
            return false;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (member.Options.AnalyzerConfigOptionsProvider.GetOptions(reference.SyntaxTree).TryGetValue(IncludeAllSubclassesOption, out var value)
                && bool.TryParse(value.Trim(), out var enabled) && enabled)
            {
                return true;
            }
        }

        if (filter.Mentions(symbol, MemberFilter.Where, member.CancellationToken))
        {
            return true;
        }

        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            var typeParameters = current switch
            {
                IMethodSymbol method => method.TypeParameters,
                INamedTypeSymbol type => type.TypeParameters,
                _ => ImmutableArray<ITypeParameterSymbol>.Empty,
            };
            foreach (var typeParameter in typeParameters)
            {
                if (!typeParameter.ConstraintTypes.IsEmpty)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>Activator.CreateInstance&lt;Random&gt;()</c> and <c>Activator.CreateInstance(typeof(Random), ...)</c>: a creation by reflection.</summary>
    private static void AnalyzeReflectionCreation(OperationAnalysisContext context, RandomSymbols symbols, INamedTypeSymbol activator)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "CreateInstance" || !SymbolEqualityComparer.Default.Equals(method.ContainingType, activator))
        {
            return;
        }

        ITypeSymbol? created = method.IsGenericMethod && method.TypeArguments.Length == 1
            ? method.TypeArguments[0]
            : invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == 0)?.Value is ITypeOfOperation typeOf ? typeOf.TypeOperand : null;
        if (created is null || created.TypeKind == TypeKind.Error
            || !CreatesRandom(created, symbols, IncludesAllSubclasses(context, invocation.Syntax.SyntaxTree), depth: 0))
        {
            return;
        }

        var text = Whitespace.Replace(invocation.Syntax.ToString(), " ").Trim();
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SystemRandomCreated,
            invocation.Syntax.GetLocation(),
            text.Length > MaxArgumentTextLength + 30 ? "Activator.CreateInstance(...)" : text));
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, RandomSymbols symbols)
    {
        var operation = context.Operation;
        var type = operation.Type;
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return;
        }

        var includeAll = IncludesAllSubclasses(context, operation.Syntax.SyntaxTree);
        if (!CreatesRandom(type, symbols, includeAll, depth: 0))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SystemRandomCreated,
            operation.Syntax.GetLocation(),
            DescribeCreation(operation, type)));
    }

    private static bool CreatesRandom(ITypeSymbol type, RandomSymbols symbols, bool includeAll, int depth)
    {
        if (type is ITypeParameterSymbol typeParameter)
        {
            // new T() where T : Random (directly or through another type parameter) may create a Random.
            if (depth > 8)
            {
                return false;
            }

            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                if (CreatesRandom(constraint, symbols, includeAll, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        if (symbols.IsRandom(type))
        {
            return true;
        }

        return symbols.IsSubclassOfRandom(type) && (includeAll || symbols.IsDeclaredInCompilation(type));
    }

    private static bool IncludesAllSubclasses(OperationAnalysisContext context, SyntaxTree tree) =>
        context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(IncludeAllSubclassesOption, out var value)
        && bool.TryParse(value.Trim(), out var enabled)
        && enabled;

    /// <summary>A short form for the message: <c>new Random(42)</c>, <c>new Random(...)</c>, <c>new T()</c>.</summary>
    private static string DescribeCreation(IOperation operation, ITypeSymbol type)
    {
        var typeName = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var arguments = operation.Syntax is BaseObjectCreationExpressionSyntax { ArgumentList: { } list }
            ? Whitespace.Replace(list.ToString(), " ").Trim()
            : "()";
        if (arguments.Length > MaxArgumentTextLength)
        {
            arguments = "(...)";
        }

        return "new " + typeName + arguments;
    }
}
