using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RandomPurity.Analyzers.Prefilter;

/// <summary>
/// The cheap facts every rule checks before it asks for an operation tree (issue 19: cost on ordinary code). Built
/// once per compilation and shared by all the analyzers: the names that can matter to each rule, indexed per syntax
/// tree by <see cref="NameIndex"/>, and the types that can hold a key. A member whose declaration holds none of a
/// rule's names gets no operation action from that rule, so the compiler never binds it for RandomPurity.
/// </summary>
internal sealed class MemberFilter
{
    /// <summary><c>Random</c>, a subclass of it declared in the compilation, or any using alias.</summary>
    public const int RandomType = 1;

    /// <summary><c>Shared</c> (<c>Random.Shared</c>).</summary>
    public const int Shared = 1 << 1;

    /// <summary><c>Shuffle</c>.</summary>
    public const int Shuffle = 1 << 2;

    /// <summary><c>NewGuid</c>.</summary>
    public const int NewGuid = 1 << 3;

    /// <summary><c>CreateInstance</c> (<c>Activator</c>).</summary>
    public const int CreateInstance = 1 << 4;

    /// <summary><c>Create</c> and <c>FromWords</c>: the key factories.</summary>
    public const int KeyFactory = 1 << 5;

    /// <summary>The name of any member declared on <c>PrngKey</c>.</summary>
    public const int KeyMember = 1 << 6;

    /// <summary>A name through which a key-holding value can enter a body (see <see cref="MayHoldKeys"/>).</summary>
    public const int KeyName = 1 << 7;

    /// <summary><c>where</c>: a local function may constrain its own type parameter (<c>new T()</c> with <c>T : Random</c>).</summary>
    public const int Where = 1 << 8;

    private static readonly ConditionalWeakTable<Compilation, Lazy<MemberFilter>> s_filters = new();

    private static readonly SymbolKind[] s_memberKinds = [SymbolKind.Method, SymbolKind.Field, SymbolKind.Property, SymbolKind.Event];

    private readonly HashSet<INamedTypeSymbol> _keyTypes = new(SymbolEqualityComparer.Default);

    private bool _hasUsingStatic;

    private MemberFilter(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["Random"] = RandomType,
            ["Shared"] = Shared,
            ["Shuffle"] = Shuffle,
            ["NewGuid"] = NewGuid,
            ["CreateInstance"] = CreateInstance,
            ["Create"] = KeyFactory,
            ["FromWords"] = KeyFactory,
            ["where"] = Where,
        };

        // An alias can spell any type under another name (`using Rng = System.Random;`, `using K = RandomPurity.PrngKey;`).
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.TryGetRoot(out var root) || (root = tree.GetRoot(cancellationToken)) is not null)
            {
                AddAliases(root, names);
            }
        }

        var random = compilation.GetTypeByMetadataName("System.Random");
        var prngKey = compilation.GetTypeByMetadataName("RandomPurity.PrngKey");
        var sourceTypes = new List<INamedTypeSymbol>();
        CollectTypes(compilation.Assembly.GlobalNamespace, sourceTypes, cancellationToken);
        if (random is not null)
        {
            foreach (var type in sourceTypes)
            {
                if (DerivesFrom(type, random))
                {
                    Or(names, type.Name, RandomType);
                }
            }
        }

        if (prngKey is not null)
        {
            HasKeys = true;
            foreach (var member in prngKey.GetMembers())
            {
                Or(names, member.Name, KeyMember);
            }

            ComputeKeyTypes(compilation, prngKey, sourceTypes, names, cancellationToken);
        }

        Index = new NameIndex(names);
    }

    /// <summary>True when the compilation references <c>RandomPurity.PrngKey</c>.</summary>
    public bool HasKeys { get; }

    public NameIndex Index { get; }

    public static MemberFilter Get(Compilation compilation, CancellationToken cancellationToken) =>
        s_filters.GetValue(compilation, c => new Lazy<MemberFilter>(() => new MemberFilter(c, cancellationToken), LazyThreadSafetyMode.PublicationOnly)).Value;

    /// <summary>
    /// Registers <paramref name="register"/> for each member (method, accessor, field, property, event) that passes
    /// <paramref name="isCandidate"/>: operation actions registered there run on that member's bodies only.
    /// </summary>
    public static void ForCandidateMembers(CompilationStartAnalysisContext start, Func<SymbolStartAnalysisContext, bool> isCandidate, Action<SymbolStartAnalysisContext> register)
    {
        foreach (var kind in s_memberKinds)
        {
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    if (isCandidate(symbolStart))
                    {
                        register(symbolStart);
                    }
                },
                kind);
        }
    }

    /// <summary>True when a declaration of <paramref name="symbol"/> holds a name in <paramref name="mask"/>.</summary>
    public bool Mentions(ISymbol symbol, int mask, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (Index.Contains(reference.SyntaxTree, reference.Span, mask, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False only when no operation in the member's bodies (lambdas and local functions included) can have a type that
    /// holds a key. A value of such a type reaches a body through its signature, through <c>this</c> of a type that
    /// holds keys, or through a name: a type that holds keys (spelt, or via an alias), or a static member (a factory,
    /// an extension method, a static field) whose signature mentions one. An instance member of such a type needs a
    /// receiver, which is itself one of these. "Holds keys" is closed over fields, properties, method signatures,
    /// base types and interfaces, so implicit calls (Deconstruct, GetEnumerator, operators, conversions) are covered.
    /// </summary>
    public bool MayHoldKeys(ISymbol member, CancellationToken cancellationToken)
    {
        if (!HasKeys)
        {
            return false;
        }

        // `this` of a type that holds keys; a static member reaches its type's static members by (listed) name.
        if ((!member.IsStatic && IsKeyType(member.ContainingType)) || SignatureMentionsKeys(member))
        {
            return true;
        }

        if (member is IMethodSymbol { AssociatedSymbol: { } associated } && SignatureMentionsKeys(associated))
        {
            return true;
        }

        return Mentions(member, KeyName, cancellationToken);
    }

    private bool SignatureMentionsKeys(ISymbol member)
    {
        switch (member)
        {
            case IMethodSymbol method:
                return MentionsKeyType(method.ReturnType, 0) || ParametersMentionKeys(method.Parameters);
            case IPropertySymbol property:
                return MentionsKeyType(property.Type, 0) || ParametersMentionKeys(property.Parameters);
            case IFieldSymbol field:
                return MentionsKeyType(field.Type, 0);
            case IEventSymbol @event:
                return MentionsKeyType(@event.Type, 0);
            default:
                return false;
        }
    }

    private bool ParametersMentionKeys(IEnumerable<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (MentionsKeyType(parameter.Type, 0))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsKeyType(INamedTypeSymbol? type) => type is not null && _keyTypes.Contains(type.OriginalDefinition);

    /// <summary>Structural: the type is, or is built from (array, pointer, type argument, tuple element, outer type), a type that holds keys.</summary>
    private bool MentionsKeyType(ITypeSymbol? type, int depth)
    {
        if (type is null || depth > 16)
        {
            return false;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return MentionsKeyType(array.ElementType, depth + 1);
            case IPointerTypeSymbol pointer:
                return MentionsKeyType(pointer.PointedAtType, depth + 1);
            case IFunctionPointerTypeSymbol functionPointer:
                return MentionsKeyType(functionPointer.Signature.ReturnType, depth + 1) || ParametersMentionKeys(functionPointer.Signature.Parameters);
            case INamedTypeSymbol named:
                if (_keyTypes.Contains(named.OriginalDefinition))
                {
                    return true;
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (MentionsKeyType(argument, depth + 1))
                    {
                        return true;
                    }
                }

                return named.ContainingType is { } outer && MentionsKeyType(outer, depth + 1);
            default:
                return false;
        }
    }

    private void ComputeKeyTypes(Compilation compilation, INamedTypeSymbol prngKey, List<INamedTypeSymbol> sourceTypes, Dictionary<string, int> names, CancellationToken cancellationToken)
    {
        _keyTypes.Add(prngKey);
        var candidates = new List<INamedTypeSymbol>(sourceTypes);

        // Referenced assemblies that can mention PrngKey in a signature: the runtime itself and those that reference it
        // (directly or through another such assembly).
        var keyAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { prngKey.ContainingAssembly.Identity.Name };
        var referenced = new List<IAssemblySymbol>();
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
            {
                referenced.Add(assembly);
            }
        }

        var addedAssembly = true;
        var scanned = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);

        // The runtime's own types (StatefulPrng, PrngKey's static factories) when it is a reference, not this source.
        if (!SymbolEqualityComparer.Default.Equals(prngKey.ContainingAssembly, compilation.Assembly))
        {
            scanned.Add(prngKey.ContainingAssembly);
            CollectTypes(prngKey.ContainingAssembly.GlobalNamespace, candidates, cancellationToken);
        }
        while (addedAssembly)
        {
            addedAssembly = false;
            foreach (var assembly in referenced)
            {
                if (scanned.Contains(assembly) || !ReferencesAny(assembly, keyAssemblies))
                {
                    continue;
                }

                scanned.Add(assembly);
                keyAssemblies.Add(assembly.Identity.Name);
                CollectTypes(assembly.GlobalNamespace, candidates, cancellationToken);
                addedAssembly = true;
            }
        }

        var changed = true;
        for (var round = 0; changed && round < 32; round++)
        {
            changed = false;
            foreach (var type in candidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!_keyTypes.Contains(type.OriginalDefinition) && TypeHoldsKeys(type))
                {
                    _keyTypes.Add(type.OriginalDefinition);
                    changed = true;
                }
            }
        }

        names["PrngKey"] = names.TryGetValue("PrngKey", out var existing) ? existing | KeyName : KeyName;
        foreach (var type in candidates)
        {
            if (!_keyTypes.Contains(type.OriginalDefinition))
            {
                continue;
            }

            Or(names, type.Name, KeyName);

            // Static members are reached by name; instance members need a receiver that already holds keys. A static
            // member of a referenced type (PrngKey.Split, PrngKey.Create) is spelt with its type's name, unless it is
            // an extension method or the compilation has a `using static`: only then does its own name count (so
            // every `text.Split(',')` is not a candidate). A source type's own static members may be named bare.
            var inSource = SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly);
            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic && SignatureMentionsKeys(member)
                    && (inSource || _hasUsingStatic || member is IMethodSymbol { IsExtensionMethod: true }))
                {
                    Or(names, member.Name, KeyName);
                }
            }
        }
    }

    private bool TypeHoldsKeys(INamedTypeSymbol type)
    {
        if (MentionsKeyType(type.BaseType, 0))
        {
            return true;
        }

        foreach (var @interface in type.Interfaces)
        {
            if (MentionsKeyType(@interface, 0))
            {
                return true;
            }
        }

        foreach (var member in type.GetMembers())
        {
            if (member is not INamedTypeSymbol && SignatureMentionsKeys(member))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReferencesAny(IAssemblySymbol assembly, HashSet<string> names)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (names.Contains(identity.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void CollectTypes(INamespaceSymbol @namespace, List<INamedTypeSymbol> types, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in @namespace.GetMembers())
        {
            if (member is INamespaceSymbol nested)
            {
                CollectTypes(nested, types, cancellationToken);
            }
            else if (member is INamedTypeSymbol type)
            {
                CollectNested(type, types);
            }
        }
    }

    private static void CollectNested(INamedTypeSymbol type, List<INamedTypeSymbol> types)
    {
        types.Add(type);
        foreach (var nested in type.GetTypeMembers())
        {
            CollectNested(nested, types);
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        var depth = 0;
        for (var current = type.BaseType; current is not null && depth < 64; current = current.BaseType, depth++)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private void AddAliases(SyntaxNode root, Dictionary<string, int> names)
    {
        IEnumerable<UsingDirectiveSyntax> usings;
        IEnumerable<MemberDeclarationSyntax> members;
        switch (root)
        {
            case CompilationUnitSyntax unit:
                usings = unit.Usings;
                members = unit.Members;
                break;
            case BaseNamespaceDeclarationSyntax @namespace:
                usings = @namespace.Usings;
                members = @namespace.Members;
                break;
            default:
                return;
        }

        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias)
            {
                Or(names, alias.Name.Identifier.ValueText, RandomType | KeyName);
            }

            if (directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword))
            {
                _hasUsingStatic = true;
            }
        }

        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax)
            {
                AddAliases(member, names);
            }
        }
    }

    private static void Or(Dictionary<string, int> names, string name, int mask) =>
        names[name] = names.TryGetValue(name, out var existing) ? existing | mask : mask;
}
