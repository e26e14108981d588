using System;

namespace RandomPurity;

/// <summary>
/// Marks a method or parameter that only inspects a key (logging, hashing), so that the RandomPurity analyzers
/// do not count passing the key to it as consuming it. Recognised by name, so a project may declare its own.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter)]
public sealed class PreservesKeyAttribute : Attribute
{
}
