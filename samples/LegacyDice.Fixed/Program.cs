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
        PrngKey sub4;
        var seed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2024;

        var game = new DiceGame(seed);
        Console.WriteLine("Rolls (d6): " + string.Join(" ", game.RollMany(8, 6)));
        Console.WriteLine("Critical: " + game.IsCritical().ToString(CultureInfo.InvariantCulture));

        var side = game.SpawnSideTable();
        Console.WriteLine("Side table (d20): " + string.Join(" ", side.RollMany(4, 20)));

        var dealer = PrngKey.Create(seed + 1);
        PrngKey sub;
        var cards = Deck.Standard();
        (dealer, sub) = dealer.Split();
        Deck.Shuffle(cards, sub);
        Console.WriteLine("Hand: " + string.Join(" ", cards.Take(5)));
        (dealer, sub) = dealer.Split();
        Console.WriteLine("Lucky dip: " + string.Join(" ", Deck.LuckyDip(cards, 3, sub)));

        // A child generator for the loot table, drawn from the dealer so that it replays with the seed.
        (dealer, var loot) = dealer.Split();
        var buffer = new byte[8];
        (loot, sub) = loot.Split();
        sub.Bits(buffer);
        Console.WriteLine("Loot id: " + Convert.ToHexString(buffer));
        (loot, sub) = loot.Split();
        Console.WriteLine("Gold: " + sub.Int64(0, 1_000_000_000_000L).ToString(CultureInfo.InvariantCulture));

        // Everything below is different on every run.
        var banter = PrngKey.FromEntropy();
        PrngKey sub2;
        var weather = PrngKey.Create(Environment.TickCount);
        PrngKey sub3;
        string[] lines = ["Nice roll!", "The dice are cold tonight.", "Fortune favours the bold."];
        (banter, sub2) = banter.Split();
        Console.Error.WriteLine("Table talk: " + lines[sub2.Int32(0, lines.Length)]);
        (weather, sub3) = weather.Split();
        Console.Error.WriteLine("Weather: " + (sub3.Uniform() < 0.5 ? "rain" : "sun"));
        (key, sub4) = key.Split();
        Console.Error.WriteLine("House die: " + sub4.Int32(1, 7).ToString(CultureInfo.InvariantCulture));
        (key, var sub5) = key.Split();
        Console.Error.WriteLine("Guid shuffle: " + string.Join(" ", Deck.ShuffleByGuid(cards, sub5).Take(3)));
        (key, var sub6) = key.Split();
        Console.Error.WriteLine("LINQ shuffle: " + string.Join(" ", Deck.ShuffleWithLinq(cards, sub6).Take(3)));
        return 0;
    }
}
