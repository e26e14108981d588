using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RandomPurity.Benchmarks;

/// <summary>
/// The speed a program meets: in this one fresh process (no BenchmarkDotNet warm-up), each bulk member is called
/// <c>calls</c> times next to the System.Random code a user would otherwise write, the two alternating call by call,
/// and every call is timed. Prints the first call, the median of the later calls and the total of each side, and the
/// speed-up time(System.Random) / time(RandomPurity) (above 1: RandomPurity is faster, as in RESULTS.md) against the
/// target. <c>--fresh --dry</c> (CI) makes two small calls per member and fails only when something throws; <c>--calls n</c>
/// sets the number of calls, <c>--only text</c> runs the members whose name contains it, <c>--calls-detail</c> prints
/// every call's time.
/// </summary>
internal static class FreshProcess
{
    private sealed record Member(string Name, double Target, Action<int> Baseline, Action<int> Candidate);

    internal static int Run(string[] args)
    {
        bool dry = args.Contains("--dry");
        int calls = dry ? 2 : 60;
        int index = Array.IndexOf(args, "--calls");
        if (index >= 0 && index + 1 < args.Length)
        {
            calls = int.Parse(args[index + 1], CultureInfo.InvariantCulture);
        }

        int scale = dry ? 64 : 1;
        bool cpu = !args.Contains("--wall") && ThreadClock.IsAvailable;
        string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        Console.WriteLine(
            $"fresh process: {calls} calls per member, {Environment.ProcessorCount} cores, load {load}, .NET {Environment.Version}, " +
            $"Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, " +
            $"TieredCompilation={Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "default"}, " +
            $"TieredPGO={Environment.GetEnvironmentVariable("DOTNET_TieredPGO") ?? "default"}, " +
            $"clock: {(cpu ? "this thread's CPU time (other processes do not count; --wall for elapsed time)" : "elapsed time")}");
        Console.WriteLine(
            "speed-up = time(System.Random) / time(RandomPurity), > 1: RandomPurity faster; 'later' = median of calls 2..n; " +
            "'its JIT' = JIT time within RandomPurity's first call; met = 'later' and 'total' both at the target");
        Console.WriteLine();
        Console.WriteLine(
            $"{"member",-26} {"Random 1st ms",13} {"RP 1st ms",10} {"its JIT",7} {"Random later",12} {"RP later",10} {"1st",6} {"later",6} {"total",6} {"target",6}  result");

        int only = Array.IndexOf(args, "--only");
        string? filter = only >= 0 && only + 1 < args.Length ? args[only + 1] : null;
        bool allMet = true;
        foreach (Member member in Members(scale))
        {
            if (filter is not null && !member.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var baseline = new double[calls];
            var candidate = new double[calls];
            double jit = 0;
            for (int call = 0; call < calls; call++)
            {
                // Alternating, so that a burst of load from elsewhere hits both sides.
                baseline[call] = Time(member.Baseline, call, cpu);
                TimeSpan jitBefore = JitInfo.GetCompilationTime(currentThread: true);
                candidate[call] = Time(member.Candidate, call, cpu);
                if (call == 0)
                {
                    jit = (JitInfo.GetCompilationTime(currentThread: true) - jitBefore).TotalMilliseconds;
                }
            }

            double baselineLater = Median(baseline.Skip(1)), candidateLater = Median(candidate.Skip(1));
            double first = baseline[0] / candidate[0];
            double later = baselineLater / candidateLater;
            double total = baseline.Sum() / candidate.Sum();
            bool met = later >= member.Target && total >= member.Target;
            allMet &= met;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{member.Name,-26} {baseline[0],13:F3} {candidate[0],10:F3} {jit,7:F1} {baselineLater,12:F3} {candidateLater,10:F3} " +
                $"{first,6:F2} {later,6:F2} {total,6:F2} {member.Target,6:F2}  {(dry ? "(dry run)" : met ? "met" : "MISSED")}"));
            if (args.Contains("--calls-detail"))
            {
                Console.WriteLine("  RP ms per call: " + string.Join(' ', candidate.Select(t => t.ToString("F2", CultureInfo.InvariantCulture))));
                Console.WriteLine("  Random ms per call: " + string.Join(' ', baseline.Select(t => t.ToString("F2", CultureInfo.InvariantCulture))));
            }
        }

        Console.WriteLine();
        Console.WriteLine(dry ? "dry run: every member ran" : allMet ? "every target met" : "some targets MISSED");
        return dry || allMet ? 0 : 2;
    }

    private static IEnumerable<Member> Members(int scale)
    {
        var random = new Random();
        PrngKey partitionable = PrngKey.Create(1), legacy = PrngKey.Create(1, PrngImpl.Threefry2x32Legacy);

        // 4 MiB of bits per call: key.FoldIn(i).Bits(words) against NextBytes.
        int words = (1 << 20) / scale;
        var bytes = new byte[4 * words];
        var uints = new uint[words];
        yield return new Member("bits, partitionable 4 MiB", 0.55,
            _ => random.NextBytes(bytes), i => partitionable.FoldIn(unchecked((uint)i)).Bits(uints));
        yield return new Member("bits, legacy 4 MiB", 1.1,
            _ => random.NextBytes(bytes), i => legacy.FoldIn(unchecked((uint)i)).Bits(uints));

        int n = (1 << 20) / scale;
        var floats = new float[n];
        yield return new Member("uniform float32, 1M", 3.0,
            _ => Baselines.FillNextSingle(random, floats), i => partitionable.FoldIn(unchecked((uint)i)).Uniform(floats.AsSpan()));

        var doubles = new double[n];
        yield return new Member("uniform float64, 1M", 3.0,
            _ =>
            {
                for (int j = 0; j < doubles.Length; j++)
                {
                    doubles[j] = random.NextDouble();
                }
            },
            i => partitionable.FoldIn(unchecked((uint)i)).Uniform(doubles.AsSpan()));

        yield return new Member("normal float32, 1M", 1.5,
            _ => FillBoxMuller(random, floats), i => partitionable.FoldIn(unchecked((uint)i)).Normal(floats.AsSpan()));

        var ints = new int[n];
        yield return new Member("Integers(0, 1000), 1M", 1.0,
            _ =>
            {
                for (int j = 0; j < ints.Length; j++)
                {
                    ints[j] = random.Next(0, 1000);
                }
            },
            i => partitionable.FoldIn(unchecked((uint)i)).Integers(ints.AsSpan(), 0, 1000));

        int draws = (1 << 18) / scale;
        float sink = 0;
        yield return new Member("Split()+UniformSingle(), 256K", 0.10,
            _ =>
            {
                for (int j = 0; j < draws; j++)
                {
                    sink += random.NextSingle();
                }
            },
            i =>
            {
                PrngKey key = partitionable.FoldIn(unchecked((uint)i));
                for (int j = 0; j < draws; j++)
                {
                    (PrngKey next, PrngKey sub) = key.Split();
                    sink += sub.UniformSingle();
                    key = next;
                }
            });
        GC.KeepAlive(sink);
    }

    /// <summary>The Box-Muller loop of <see cref="NormalSingleBenchmarks"/>.</summary>
    private static void FillBoxMuller(Random random, float[] values)
    {
        for (int i = 0; i < values.Length; i += 2)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            double theta = 2.0 * Math.PI * u2;
            values[i] = (float)(r * Math.Cos(theta));
            values[i + 1] = (float)(r * Math.Sin(theta));
        }
    }

    private static double Time(Action<int> action, int call, bool cpu)
    {
        if (cpu)
        {
            double before = ThreadClock.Milliseconds();
            action(call);
            return ThreadClock.Milliseconds() - before;
        }

        long start = Stopwatch.GetTimestamp();
        action(call);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>The calling thread's CPU time (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID), nanosecond resolution).</summary>
    private static class ThreadClock
    {
        private const int ThreadCpuTimeId = 3;

        internal static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Probe();

        internal static double Milliseconds()
        {
            _ = ClockGetTime(ThreadCpuTimeId, out TimeSpec time);
            return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
        }

        private static bool Probe()
        {
            try
            {
                return ClockGetTime(ThreadCpuTimeId, out _) == 0;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
