using System;
using System.Collections.Generic;
using RandomPurity;

namespace LegacyDice;

/// <summary>A dice table that owns its generator: the classic "Random field seeded in a constructor".</summary>
internal sealed class DiceGame
{
    private readonly StatefulPrng _random;

    public DiceGame(int seed)
    {
        _random = new StatefulPrng(PrngKey.Create(seed));
    }

    public int Roll(int sides) => _random.UnbiasedInt32(1, sides + 1);

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
    public DiceGame SpawnSideTable() => new(_random.UnbiasedInt32(0, int.MaxValue));

    /// <summary>Critical hits: a 5% chance per roll.</summary>
    public bool IsCritical() => _random.Uniform() < 0.05;
}
