using System;
using System.Collections.Generic;

namespace LegacyDice;

/// <summary>A dice table that owns its generator: the classic "Random field seeded in a constructor".</summary>
internal sealed class DiceGame
{
    private readonly Random _random;

    public DiceGame(int seed)
    {
        _random = new Random(seed);
    }

    public int Roll(int sides) => _random.Next(1, sides + 1);

    public IReadOnlyList<int> RollMany(int count, int sides)
    {
        var rolls = new int[count];
        for (var i = 0; i < count; i++)
        {
            rolls[i] = Roll(sides);
        }

        return rolls;
    }

    /// <summary>A second table for a side game, seeded from this table's generator (the split idiom).</summary>
    public DiceGame SpawnSideTable() => new(_random.Next());

    /// <summary>Critical hits: a 5% chance per roll.</summary>
    public bool IsCritical() => _random.NextDouble() < 0.05;
}
