using System;
using RandomPurity;

namespace RandomnessLesson;

/// <summary>(c) The "Generator object" style: a seeded Random passed around still hides state.</summary>
internal static class GeneratorObjectLesson
{
    public static void Run()
    {
        Console.WriteLine("(c) Passing a seeded generator object around still hides state");
        Console.WriteLine($"    Random passed around, without logging: {Simulate(new Random(7), log: false)}");
        Console.WriteLine($"    Random passed around, with logging:    {Simulate(new Random(7), log: true)}   <- adding a log line changed the result");
        var key = PrngKey.Create(7);
        Console.WriteLine($"    PrngKey threaded, without logging:     {Simulate(key.Clone(), log: false)}");
        Console.WriteLine($"    PrngKey threaded, with logging:        {Simulate(key.Clone(), log: true)}   <- each consumer has its own subkey");
    }

    // Legacy: every consumer mutates the one generator, so a new consumer shifts all the later draws.
    private static string Simulate(Random rng, bool log)
    {
        int wind = rng.Next(0, 100);
        if (log)
        {
            _ = rng.Next(); // e.g. a debugging helper that samples "just to print something"
        }

        int rain = rng.Next(0, 100);
        return $"wind={wind,2} rain={rain,2}";
    }

    // Explicit: each consumer gets its own subkey; a new consumer takes a new subkey and changes nothing else.
    private static string Simulate(PrngKey key, bool log)
    {
        var subkeys = key.Split(3);
        int wind = subkeys[0].Int32(0, 100);
        if (log)
        {
            _ = subkeys[2].Int32(0, int.MaxValue);
        }

        int rain = subkeys[1].Int32(0, 100);
        return $"wind={wind,2} rain={rain,2}";
    }
}
