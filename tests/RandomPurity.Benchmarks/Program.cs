using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RandomPurity.Benchmarks;

public static class Program
{
    /// <summary>Runs the selected benchmarks (or, with <c>--fresh</c>, <see cref="FreshProcess"/>); exits with 1 when one failed (threw) or nothing ran, so CI's dry run can fail.</summary>
    public static int Main(string[] args)
    {
        if (args.Contains("--fresh"))
        {
            return FreshProcess.Run(args);
        }

        Summary[] summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args).ToArray();
        bool failed = summaries.Length == 0
            || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
