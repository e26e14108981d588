using System;
using System.Linq;
using RandomPurity;

namespace LegacyDice;

/// <summary>A deck of cards shuffled with whatever generator the caller passes in.</summary>
internal static class Deck
{
    private static readonly string[] Suits = ["S", "H", "D", "C"];
    private static readonly string[] Ranks = ["A", "2", "3", "4", "5", "6", "7", "8", "9", "T", "J", "Q", "K"];

    public static string[] Standard() => Suits.SelectMany(suit => Ranks.Select(rank => rank + suit)).ToArray();

    /// <summary>Shuffles in place with the caller's generator (a Random passed as a parameter).</summary>
    public static void Shuffle(string[] cards, PrngKey random) => random.Shuffle<string>(cards);

    /// <summary>Draws a hand with replacement, as a "lucky dip".</summary>
    public static string[] LuckyDip(string[] cards, int count, PrngKey random) => random.Choice<string>(cards, count);

    /// <summary>The old way to shuffle that everyone copied from a forum.</summary>
    public static string[] ShuffleByGuid(string[] cards, PrngKey key)
    {
        var shuffled = cards.ToArray();
        key.Shuffle<string>(shuffled);
        return shuffled;
    }

    /// <summary>.NET 10's LINQ shuffle: convenient, and silently global.</summary>
    public static string[] ShuffleWithLinq(string[] cards, PrngKey key)
    {
        var shuffled = cards.ToArray();
        key.Shuffle<string>(shuffled);
        return shuffled;
    }
}
