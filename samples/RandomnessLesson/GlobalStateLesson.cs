using System;
using System.Globalization;
using RandomPurity;

namespace RandomnessLesson;

/// <summary>(a) NumPy's global seeded generator versus explicit keys that are split before each draw.</summary>
internal static class GlobalStateLesson
{
    // The NumPy style: one hidden generator for the whole program, re-seeded to get "reproducibility".
    private static Random s_global = new(0);

    private static void Seed(int seed) => s_global = new Random(seed);

    private static double GlobalUniform() => s_global.NextDouble();

    public static void Run()
    {
        Console.WriteLine("(a) Hidden global state versus explicit keys");
        Console.WriteLine("  NumPy style: seed(0) once, then draw. Each value depends on how many draws came before:");
        Seed(0);
        Console.WriteLine("    " + string.Join(", ", Draws(GlobalUniform, 3)));
        Console.WriteLine("  ...and re-seeding inside a loop silently repeats the same number every iteration:");
        var repeated = new string[3];
        for (int i = 0; i < repeated.Length; i++)
        {
            Seed(0); // the classic mistake: "make it reproducible" by resetting the global generator
            repeated[i] = Format(GlobalUniform());
        }

        Console.WriteLine("    " + string.Join(", ", repeated));

        Console.WriteLine("  Explicit keys: a draw is a function of the key alone, so these are JAX's own numbers.");
        foreach (var impl in new[] { PrngImpl.Threefry2x32, PrngImpl.Threefry2x32Legacy })
        {
            var key = PrngKey.Create(0, impl);
            var (next, sub) = key.Clone().Split();
            var (_, sub2) = next.Split();
            Console.WriteLine($"    {Name(impl)}:");
            Console.WriteLine($"      uniform(key(0))                 = {Format(key.UniformSingle())}");
            Console.WriteLine($"      key, sub = split(key(0)); uniform(sub) = {Format(sub.UniformSingle())}");
            Console.WriteLine($"      key, sub = split(key);    normal(sub)  = {Format(sub2.NormalSingle())}");
        }

        Console.WriteLine("    (JAX >= 0.5: 0.947667 and 0.00729382; JAX <= 0.4.38: 0.41845703 and 0.10536897)");
    }

    private static string[] Draws(Func<double> draw, int count)
    {
        var values = new string[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = Format(draw());
        }

        return values;
    }

    internal static string Name(PrngImpl impl) =>
        impl == PrngImpl.Threefry2x32 ? "partitionable (JAX >= 0.5 default)" : "legacy (JAX <= 0.4.38 default)";

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
