using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RandomPurity.Analyzers.Prefilter;

namespace RandomPurity.Analyzers;

/// <summary>
/// RP0007: a seed for <c>new Random(...)</c>, <c>PrngKey.Create(...)</c> or <c>PrngKey.FromWords(...)</c> that comes
/// from a source no run can repeat: the clock, a tick count, a GUID, <c>Random.Shared</c>, an unseeded
/// <c>Random</c>, <c>RandomNumberGenerator</c>, or a per-process randomized hash. The walk goes through conversions,
/// arithmetic, casts and calls such as <c>GetHashCode</c>; a seed drawn from a generator held in a variable or field
/// (<c>new Random(parent.Next())</c>, the split idiom) and a seed stored in a local first are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IrreproducibleSeedAnalyzer : DiagnosticAnalyzer
{
    private const int MaxDepth = 32;

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.IrreproducibleSeed);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var random = RandomSymbols.Create(start.Compilation);
            if (random is null)
            {
                return;
            }

            var sources = new SeedSources(random);
            var filter = MemberFilter.Get(start.Compilation, start.CancellationToken);

            // A seed is reported where it is consumed: `new Random(...)` (spelt, aliased or target-typed) or a key factory.
            MemberFilter.ForCandidateMembers(
                start,
                member => filter.Mentions(member.Symbol, MemberFilter.RandomType | NameIndex.ImplicitNew, member.CancellationToken),
                member => member.RegisterOperationAction(context => AnalyzeCreation(context, sources), OperationKind.ObjectCreation));
            if (sources.PrngKey is not null)
            {
                MemberFilter.ForCandidateMembers(
                    start,
                    member => filter.Mentions(member.Symbol, MemberFilter.KeyFactory, member.CancellationToken),
                    member => member.RegisterOperationAction(context => AnalyzeInvocation(context, sources), OperationKind.Invocation));
            }
        });
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, SeedSources sources)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (sources.Random.IsRandom(creation.Type))
        {
            AnalyzeSeeds(context, creation.Arguments, sources);
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, SeedSources sources)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method is { IsStatic: true, Name: "Create" or "FromWords" }
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, sources.PrngKey))
        {
            AnalyzeSeeds(context, invocation.Arguments, sources);
        }
    }

    private static void AnalyzeSeeds(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, SeedSources sources)
    {
        foreach (var argument in arguments)
        {
            // The PrngImpl argument of PrngKey.Create is a choice of algorithm, not a seed.
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter?.Type.TypeKind == TypeKind.Enum)
            {
                continue;
            }

            var source = sources.Find(argument.Value, 0);
            if (source is not null)
            {
                // The argument's expression, not the bound value: `unchecked(...)` and parentheses are not operations.
                var seedSyntax = argument.Value.Syntax;
                for (var node = seedSyntax; node is not null && node != argument.Parent?.Syntax; node = node.Parent)
                {
                    if (node is ArgumentSyntax { Expression: { } expression })
                    {
                        seedSyntax = expression;
                        break;
                    }
                }

                context.ReportDiagnostic(Diagnostic.Create(Descriptors.IrreproducibleSeed, seedSyntax.GetLocation(), source));
                return;
            }
        }
    }

    /// <summary>The irreproducible sources, resolved once per compilation, and the walk that finds them.</summary>
    private sealed class SeedSources
    {
        private readonly Dictionary<ISymbol, string> _properties = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, string> _methods = new(SymbolEqualityComparer.Default);
        private readonly INamedTypeSymbol? _stopwatch;
        private readonly INamedTypeSymbol? _timeProvider;
        private readonly INamedTypeSymbol? _randomNumberGenerator;
        private readonly INamedTypeSymbol? _hashCode;
        private readonly ISymbol? _stringGetHashCode;

        public SeedSources(RandomSymbols random)
        {
            Random = random;
            var compilation = random.Compilation;
            PrngKey = compilation.GetTypeByMetadataName("RandomPurity.PrngKey");
            AddProperties(compilation.GetTypeByMetadataName("System.DateTime"), "the clock ('DateTime.{0}')", "Now", "UtcNow", "Today");
            AddProperties(compilation.GetTypeByMetadataName("System.DateTimeOffset"), "the clock ('DateTimeOffset.{0}')", "Now", "UtcNow");
            AddProperties(compilation.GetTypeByMetadataName("System.Environment"), "a tick count ('Environment.{0}')", "TickCount", "TickCount64");
            AddProperties(compilation.GetTypeByMetadataName("System.Environment"), "the process ID ('Environment.{0}')", "ProcessId");
            AddMethods(compilation.GetTypeByMetadataName("System.Guid"), "'Guid.{0}()'", "NewGuid");
            _stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
            AddMethods(_stopwatch, "a tick count ('Stopwatch.{0}()')", "GetTimestamp");
            AddProperties(_stopwatch, "a stopwatch ('Stopwatch.{0}')", "Elapsed", "ElapsedTicks", "ElapsedMilliseconds");
            _timeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
            _randomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
            _hashCode = compilation.GetTypeByMetadataName("System.HashCode");
            foreach (var member in compilation.GetSpecialType(SpecialType.System_String).GetMembers(nameof(GetHashCode)))
            {
                if (member is IMethodSymbol { Parameters.Length: 0 })
                {
                    _stringGetHashCode = member;
                }
            }

            if (random.Shared is { } shared)
            {
                _properties[shared] = "'Random.Shared'";
            }
        }

        public RandomSymbols Random { get; }

        public INamedTypeSymbol? PrngKey { get; }

        /// <summary>Describes the first irreproducible source inside <paramref name="operation"/>, or null.</summary>
        public string? Find(IOperation? operation, int depth)
        {
            if (operation is null || depth > MaxDepth || operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }

            switch (operation)
            {
                case IPropertyReferenceOperation property:
                    if (_properties.TryGetValue(property.Property.OriginalDefinition, out var propertySource))
                    {
                        return propertySource;
                    }

                    if (IsOn(property.Property, _randomNumberGenerator))
                    {
                        return "'RandomNumberGenerator'";
                    }

                    break;

                case IInvocationOperation invocation:
                    var source = Describe(invocation);
                    if (source is not null)
                    {
                        return source;
                    }

                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                var source = Find(child, depth + 1);
                if (source is not null)
                {
                    return source;
                }
            }

            return null;
        }

        private string? Describe(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod.OriginalDefinition;
            if (_methods.TryGetValue(method, out var source))
            {
                return source;
            }

            if (IsOn(method, _randomNumberGenerator))
            {
                return "'RandomNumberGenerator'";
            }

            if (IsOn(method, _timeProvider) && method.Name is "GetUtcNow" or "GetLocalNow" or "GetTimestamp" or "GetElapsedTime")
            {
                return "the clock ('TimeProvider." + method.Name + "()')";
            }

            if (SymbolEqualityComparer.Default.Equals(method, _stringGetHashCode))
            {
                return "'string.GetHashCode()', which .NET randomizes per process";
            }

            if (_hashCode is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _hashCode))
            {
                return "'HashCode." + method.Name + "', which .NET randomizes per process";
            }

            // new Random().Next(): a generator seeded from the OS, used once. A generator held in a variable or a
            // field (parent.Next()) is the split idiom and reproducible when the parent is.
            var instance = invocation.Instance;
            while (instance is IConversionOperation or IParenthesizedOperation)
            {
                instance = instance is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)instance).Operand;
            }

            if (instance is IObjectCreationOperation { Arguments.Length: 0 } creation
                && (Random.IsRandom(creation.Type) || Random.IsSubclassOfRandom(creation.Type)))
            {
                return "an unseeded Random ('new " + creation.Type!.Name + "()')";
            }

            return null;
        }

        private static bool IsOn(ISymbol member, INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            var depth = 0;
            for (var current = member.ContainingType; current is not null && depth < 64; current = current.BaseType, depth++)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type))
                {
                    return true;
                }
            }

            return false;
        }

        private void AddProperties(INamedTypeSymbol? type, string format, params string[] names)
        {
            foreach (var name in names)
            {
                foreach (var member in type?.GetMembers(name) ?? ImmutableArray<ISymbol>.Empty)
                {
                    if (member is IPropertySymbol)
                    {
                        _properties[member] = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, name);
                    }
                }
            }
        }

        private void AddMethods(INamedTypeSymbol? type, string format, params string[] names)
        {
            foreach (var name in names)
            {
                foreach (var member in type?.GetMembers(name) ?? ImmutableArray<ISymbol>.Empty)
                {
                    if (member is IMethodSymbol)
                    {
                        _methods[member] = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, name);
                    }
                }
            }
        }
    }
}
