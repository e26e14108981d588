using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using System;
using System.Collections.Generic;

namespace RandomPurity.Analyzers.Tests;

/// <summary>
/// C# 7.3 set-up for the key-rule tests. The shared verifiers turn nullable annotations on for every compilation,
/// which C# 7.3 rejects (CS8630); this turns them off again for tests that pin the language version.
/// </summary>
internal static class KeyRulesLanguage
{
    public static void WithoutNullable(this List<Func<Solution, ProjectId, Solution>> transforms)
    {
        transforms.Add(static (solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Disable));
        });
    }
}
