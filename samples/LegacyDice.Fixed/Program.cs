using System;
using System.Globalization;
using System.Linq;
using RandomPurity;

namespace LegacyDice;

/// <summary>
/// Rolls dice, shuffles cards and mints loot identifiers. Everything derived from the seed goes to standard output
/// and repeats exactly from run to run; the parts that draw from irreproducible sources go to standard error.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var key = PrngKey.FromEntropy();
        PrngKey sub;
        var seed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2024;

        var game = new DiceGame(seed);
        Console.WriteLine("Rolls (d6): " + string.Join(" ", game.RollMany(8, 6)));
        Console.WriteLine("Critical: " + game.IsCritical().ToString(CultureInfo.InvariantCulture));

        var side = game.SpawnSideTable();
        Console.WriteLine("Side table (d20): " + string.Join(" ", side.RollMany(4, 20)));

        var dealer = PrngKey.Create(seed + 1);
        PrngKey sub4;
        var cards = Deck.Standard();
        (dealer, sub4) = dealer.Split();
        Deck.Shuffle(cards, sub4);
        Console.WriteLine("Hand: " + string.Join(" ", cards.Take(5)));
        (dealer, sub4) = dealer.Split();
        Console.WriteLine("Lucky dip: " + string.Join(" ", Deck.LuckyDip(cards, 3, sub4)));

        // A child generator for the loot table, drawn from the dealer so that it replays with the seed.
        (dealer, var loot) = dealer.Split();
        var buffer = new byte[8];
        (loot, sub4) = loot.Split();
        sub4.Bits(buffer);
        Console.WriteLine("Loot id: " + Convert.ToHexString(buffer));
        Console.WriteLine("Gold: " + loot.UnbiasedInt64(0, 1_000_000_000_000L).ToString(CultureInfo.InvariantCulture));

        // Everything below is different on every run.
        var banter = PrngKey.FromEntropy();
        string[] lines = ["Nice roll!", "The dice are cold tonight.", "Fortune favours the bold."];
        Console.Error.WriteLine("Table talk: " + lines[banter.UnbiasedInt32(0, lines.Length)]);
        Console.Error.WriteLine("Weather: " + (PrngKey.Create(Environment.TickCount).Uniform() < 0.5 ? "rain" : "sun"));
        (key, sub) = key.Split();
        Console.Error.WriteLine("House die: " + sub.UnbiasedInt32(1, 7).ToString(CultureInfo.InvariantCulture));
        (key, var sub2) = key.Split();
        Console.Error.WriteLine("Guid shuffle: " + string.Join(" ", Deck.ShuffleByGuid(cards, sub2).Take(3)));
        (key, var sub3) = key.Split();
        Console.Error.WriteLine("LINQ shuffle: " + string.Join(" ", Deck.ShuffleWithLinq(cards, sub3).Take(3)));
        return 0;
    }
}
