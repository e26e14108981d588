using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RandomPurity.CodeFixes.Migration;

/// <summary>Checks every migration makes before it rewrites: names, expression trees, public surface, interfaces.</summary>
internal static class MigrationChecks
{
    /// <summary>True when <paramref name="name"/> binds to <paramref name="expected"/> at the position, or to nothing yet (a using is then added).</summary>
    public static bool BindsToOrFree(SemanticModel model, int position, string name, INamedTypeSymbol expected)
    {
        var found = model.LookupNamespacesAndTypes(position, name: name);
        return found.IsEmpty || (found.Length == 1 && SymbolEqualityComparer.Default.Equals(found[0], expected));
    }

    /// <summary>True inside a lambda converted to an expression tree (or to nothing the compiler could bind): no rewrite there.</summary>
    public static bool InExpressionTree(SemanticModel model, SyntaxNode node, MigrationSymbols symbols, CancellationToken cancellationToken) =>
        node.Ancestors().OfType<AnonymousFunctionExpressionSyntax>().Any(lambda =>
            model.GetTypeInfo(lambda, cancellationToken).ConvertedType is not { } converted
            || SymbolEqualityComparer.Default.Equals(converted.OriginalDefinition, symbols.Expression));

    /// <summary>
    /// A member other assemblies can call keeps its signature: visible outside (public or protected up the chain of
    /// containing types) in a library. An application's members have no callers outside the solution.
    /// </summary>
    public static bool IsPublicSurface(ISymbol member, Project project)
    {
        if (project.CompilationOptions?.OutputKind != OutputKind.DynamicallyLinkedLibrary)
        {
            return false;
        }

        for (ISymbol? current = member; current is not null and not INamespaceSymbol; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A type whose purpose is to adapt <c>System.Random</c>: it derives from <c>Random</c>, or every member that uses
    /// its <c>Random</c> field only forwards to it (<c>public int Next(int max) =&gt; _random.Next(max);</c>), the wrapper
    /// a library keeps for backward-compatible streams. Users suppress RP0001 there; a fix would change the stream the
    /// type exists to provide, so none is offered.
    /// </summary>
    public static bool AdaptsRandom(SemanticModel model, IFieldSymbol field, MigrationSymbols symbols, CancellationToken cancellationToken)
    {
        for (var type = field.ContainingType?.BaseType; type is not null; type = type.BaseType)
        {
            if (symbols.IsRandom(type))
            {
                return true;
            }
        }

        if (field.ContainingType?.DeclaringSyntaxReferences.Length != 1
            || field.ContainingType.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
            || declaration.SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        var forwarders = 0;
        foreach (var member in declaration.Members)
        {
            if (member is ConstructorDeclarationSyntax or FieldDeclarationSyntax
                || !member.DescendantNodes().OfType<IdentifierNameSyntax>().Any(name => name.Identifier.ValueText == field.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, field)))
            {
                continue;
            }

            if (!Forwards(member, field))
            {
                return false;
            }

            forwarders++;
        }

        return forwarders > 0;
    }

    /// <summary><c>M(a, b) =&gt; _field.X(a, b);</c> (or a block returning or calling that): the member only passes its parameters on.</summary>
    private static bool Forwards(MemberDeclarationSyntax member, IFieldSymbol field)
    {
        var (parameters, body) = member switch
        {
            MethodDeclarationSyntax method => (method.ParameterList.Parameters, (SyntaxNode?)method.ExpressionBody?.Expression ?? method.Body),
            PropertyDeclarationSyntax property => (default(SeparatedSyntaxList<ParameterSyntax>), (SyntaxNode?)property.ExpressionBody?.Expression),
            _ => (default(SeparatedSyntaxList<ParameterSyntax>), null),
        };
        if (body is BlockSyntax { Statements.Count: 1 } block)
        {
            body = block.Statements[0] switch
            {
                ReturnStatementSyntax { Expression: { } returned } => returned,
                ExpressionStatementSyntax statement => statement.Expression,
                _ => null,
            };
        }

        var receiver = (body as InvocationExpressionSyntax)?.Expression is MemberAccessExpressionSyntax access ? access.Expression : null;
        var name = receiver switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self => self.Name.Identifier.ValueText,
            _ => null,
        };
        return body is InvocationExpressionSyntax call
               && name == field.Name
               && call.ArgumentList.Arguments.Count == parameters.Count
               && call.ArgumentList.Arguments.Select(argument => (argument.Expression as IdentifierNameSyntax)?.Identifier.ValueText)
                   .SequenceEqual(parameters.Select(parameter => (string?)parameter.Identifier.ValueText));
    }

    /// <summary>True when the method implements a member of an interface of its type (implicitly or explicitly).</summary>
    public static bool ImplementsInterfaceMember(IMethodSymbol method)
    {
        if (!method.ExplicitInterfaceImplementations.IsEmpty)
        {
            return true;
        }

        foreach (var type in method.ContainingType.AllInterfaces)
        {
            foreach (var member in type.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] SerializationMemberAttributes =
    {
        "System.Runtime.Serialization.DataMemberAttribute",
        "System.Text.Json.Serialization.JsonIncludeAttribute",
        "System.Text.Json.Serialization.JsonPropertyNameAttribute",
        "Newtonsoft.Json.JsonPropertyAttribute",
        "System.Xml.Serialization.XmlElementAttribute",
        "ProtoBuf.ProtoMemberAttribute",
        "MessagePack.KeyAttribute",
    };

    /// <summary>
    /// True for a field a serializer writes: marked as a data member (<c>[DataMember]</c>, <c>[JsonInclude]</c>, ...), or a
    /// field of a <c>[Serializable]</c> type that is not <c>[NonSerialized]</c>. Its type must stay <c>System.Random</c>
    /// (a <c>StatefulPrng</c> or a <c>Random</c> subclass in its place fails at run time, not at compile time).
    /// </summary>
    public static bool IsSerializedField(IFieldSymbol field)
    {
        var attributes = field.GetAttributes().Select(attribute => attribute.AttributeClass?.ToDisplayString()).ToList();
        if (attributes.Exists(name => name is not null && System.Array.IndexOf(SerializationMemberAttributes, name) >= 0))
        {
            return true;
        }

        return field.ContainingType.IsSerializable && !field.IsStatic
               && !attributes.Contains("System.NonSerializedAttribute")
               && !field.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax().Parent?.Parent is FieldDeclarationSyntax declaration
                   && declaration.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => attribute.Name.ToString() is "NonSerialized" or "System.NonSerialized" or "NonSerializedAttribute"));
    }
}
