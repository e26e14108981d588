using System;
using System.Globalization;
using System.Linq;

namespace LegacyDice;

/// <summary>
/// Rolls dice, shuffles cards and mints loot identifiers. Everything derived from the seed goes to standard output
/// and repeats exactly from run to run; the parts that draw from irreproducible sources go to standard error.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var seed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2024;

        var game = new DiceGame(seed);
        Console.WriteLine("Rolls (d6): " + string.Join(" ", game.RollMany(8, 6)));
        Console.WriteLine("Critical: " + game.IsCritical().ToString(CultureInfo.InvariantCulture));

        var side = game.SpawnSideTable();
        Console.WriteLine("Side table (d20): " + string.Join(" ", side.RollMany(4, 20)));

        var dealer = new Random(seed + 1);
        var cards = Deck.Standard();
        Deck.Shuffle(cards, dealer);
        Console.WriteLine("Hand: " + string.Join(" ", cards.Take(5)));
        Console.WriteLine("Lucky dip: " + string.Join(" ", Deck.LuckyDip(cards, 3, dealer)));

        // A child generator for the loot table, drawn from the dealer so that it replays with the seed.
        var loot = new Random(dealer.Next());
        var buffer = new byte[8];
        loot.NextBytes(buffer);
        Console.WriteLine("Loot id: " + Convert.ToHexString(buffer));
        Console.WriteLine("Gold: " + loot.NextInt64(1_000_000_000_000L).ToString(CultureInfo.InvariantCulture));

        // Everything below is different on every run.
        var banter = new Random();
        var weather = new Random(Environment.TickCount);
        string[] lines = ["Nice roll!", "The dice are cold tonight.", "Fortune favours the bold."];
        Console.Error.WriteLine("Table talk: " + lines[banter.Next(lines.Length)]);
        Console.Error.WriteLine("Weather: " + (weather.NextDouble() < 0.5 ? "rain" : "sun"));
        Console.Error.WriteLine("House die: " + Random.Shared.Next(1, 7).ToString(CultureInfo.InvariantCulture));
        Console.Error.WriteLine("Guid shuffle: " + string.Join(" ", Deck.ShuffleByGuid(cards).Take(3)));
        Console.Error.WriteLine("LINQ shuffle: " + string.Join(" ", Deck.ShuffleWithLinq(cards).Take(3)));
        return 0;
    }
}
