// The lesson RandomPurity grew from (JAX's "Pseudo Random Numbers" tutorial), in C#.
// Run: dotnet run --project samples/RandomnessLesson
using System;
using RandomPurity;

namespace RandomnessLesson;

public static class Program
{
    public static void Main()
    {
        GlobalStateLesson.Run();
        Console.WriteLine();
        ThreadsLesson.Run();
        Console.WriteLine();
        GeneratorObjectLesson.Run();
    }
}
