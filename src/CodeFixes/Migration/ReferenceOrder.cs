using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.FindSymbols;

namespace RandomPurity.CodeFixes.Migration;

/// <summary>
/// <see cref="SymbolFinder.FindReferencesAsync(Microsoft.CodeAnalysis.ISymbol, Microsoft.CodeAnalysis.Solution, System.Threading.CancellationToken)"/>
/// searches documents in parallel, so its locations come in a different order from run to run. Fixes visit them in
/// source order instead (file path, then project, then position): names such as <c>sub2</c> and the order of inserted
/// statements must not depend on thread timing.
/// </summary>
internal static class ReferenceOrder
{
    public static IEnumerable<ReferenceLocation> InSourceOrder(IEnumerable<ReferencedSymbol> references) =>
        references.SelectMany(reference => reference.Locations)
            .OrderBy(location => location.Document.FilePath ?? location.Document.Name, StringComparer.Ordinal)
            .ThenBy(location => location.Document.Project.Name, StringComparer.Ordinal)
            .ThenBy(location => location.Document.Project.Id.Id)
            .ThenBy(location => location.Location.SourceSpan.Start)
            .ThenBy(location => location.Location.SourceSpan.Length);
}
