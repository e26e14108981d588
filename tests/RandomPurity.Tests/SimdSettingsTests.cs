using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Xunit;
using Xunit.Abstractions;

namespace RandomPurity.Tests;

/// <summary>
/// test.sh runs this suite again with DOTNET_EnableHWIntrinsic=0 and with DOTNET_EnableAVX512=0. In every configuration
/// these facts compare the library's dispatcher (SimdWidth) with sources it does not read: the CPU's flags in
/// /proc/cpuinfo, the ISA classes (Sse2, Avx2, Avx512F, AdvSimd) and Vector128/256/512.IsHardwareAccelerated. The
/// environment variables only say which answer is expected: a switch that is set but did not reach the JIT fails, and so
/// does a dispatcher that picks a width the hardware does not have, or misses one it has.
/// </summary>
public class SimdSettingsTests
{
    private static readonly bool HardwareIntrinsicsOff = Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0";
    private static readonly bool Avx512Off = HardwareIntrinsicsOff || Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0";
    private static readonly bool X64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;
    private static readonly bool Arm64 = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    private readonly ITestOutputHelper _output;

    public SimdSettingsTests(ITestOutputHelper output) => _output = output;

    /// <summary>The CPU's feature flags from /proc/cpuinfo ("flags" on x86, "Features" on arm64); null where there is none.</summary>
    private static string[]? CpuFlags()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return null;
        }

        string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal) || l.StartsWith("Features", StringComparison.Ordinal));
        return line?.Substring(line.IndexOf(':') + 1).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void HardwareIntrinsicSwitchTookEffect()
    {
        // Every x64 CPU has SSE2 and every arm64 CPU AdvSIMD: the 128-bit ISA is on exactly when the switch is not 0.
        Assert.True(X64 || Arm64, $"unexpected architecture {RuntimeInformation.ProcessArchitecture}");
        bool expected = !HardwareIntrinsicsOff;
        Assert.Equal(expected, X64 ? Sse2.IsSupported : AdvSimd.IsSupported);
        Assert.Equal(expected, Vector128.IsHardwareAccelerated);
        if (!expected)
        {
            Assert.False(Vector256.IsHardwareAccelerated);
            Assert.False(Vector512.IsHardwareAccelerated);
        }

        int hardware = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
#if RUNTIME_NETSTANDARD
        Assert.Equal(SimdWidth.Scalar, SimdWidth.Best);
#else
        Assert.Equal(hardware, SimdWidth.Best);
        Assert.Equal(expected, SimdWidth.Best != SimdWidth.Scalar);
#endif
        _output.WriteLine($"DOTNET_EnableHWIntrinsic={(HardwareIntrinsicsOff ? "0" : "unset")}: widest accelerated width {hardware}, library width {SimdWidth.Best}");
    }

    [Fact]
    public void Avx512SwitchTookEffect()
    {
        // AVX-512F is usable exactly when the CPU lists it and neither switch turned it off (x64 only).
        string[]? flags = CpuFlags();
        bool cpuHasAvx512 = X64 && (flags?.Contains("avx512f") ?? Avx512F.IsSupported);
        Assert.Equal(cpuHasAvx512 && !Avx512Off, Avx512F.IsSupported);
        if (Avx512Off)
        {
            Assert.False(Vector512.IsHardwareAccelerated);
            Assert.NotEqual(512, SimdWidth.Best);
        }

        // Vector512 can be accelerated only with AVX-512 (the JIT may still prefer 256 bits on CPUs that throttle).
        Assert.True(Avx512F.IsSupported || !Vector512.IsHardwareAccelerated);
#if !RUNTIME_NETSTANDARD
        Assert.Equal(Vector512.IsHardwareAccelerated, SimdWidth.Best == 512);
#endif
        _output.WriteLine($"CPU lists avx512f: {cpuHasAvx512}; DOTNET_EnableAVX512 off: {Avx512Off}; Avx512F.IsSupported {Avx512F.IsSupported}; " +
                          $"Vector512.IsHardwareAccelerated {Vector512.IsHardwareAccelerated}");
    }

    [Fact]
    public void Avx2IsUsedWhereTheCpuHasIt()
    {
        // Vector256 is accelerated on x64 exactly with AVX2 (which the CPU lists unless the switch hides it).
        string[]? flags = CpuFlags();
        bool cpuHasAvx2 = X64 && (flags?.Contains("avx2") ?? Avx2.IsSupported);
        Assert.Equal(cpuHasAvx2 && !HardwareIntrinsicsOff, Avx2.IsSupported);
        Assert.Equal(X64 && Avx2.IsSupported, Vector256.IsHardwareAccelerated);
    }

    [Fact]
    public void KernelsUseTheWidestAcceleratedWidth()
    {
#if RUNTIME_NETSTANDARD
        Assert.Equal(SimdWidth.Scalar, SimdWidth.Best);
        Assert.Empty(Widths.Vector);
#else
        int expected = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
        Assert.Equal(expected, SimdWidth.Best);
        Assert.Equal(expected, SimdWidth.Current);
#endif
    }

    /// <summary>
    /// The width tests (BulkWidthTests, CounterStreamWidthTests) run every width in Widths.Vector: exactly the widths
    /// the hardware accelerates, read independently of the dispatcher, which must offer exactly those. A width this
    /// machine does not have is named in the output (its kernels are not run here).
    /// </summary>
    [Theory]
    [InlineData(128)]
    [InlineData(256)]
    [InlineData(512)]
    public void WidthTestsRunExactlyTheWidthsTheHardwareHas(int width)
    {
        bool hardware = Widths.Accelerated(width);
#if RUNTIME_NETSTANDARD
        Assert.False(SimdWidth.IsAvailable(width));
        Assert.DoesNotContain(width, Widths.Vector);
        _output.WriteLine($"{width}-bit kernels: not in the netstandard2.0 build (scalar loops only)");
#else
        Assert.Equal(hardware, SimdWidth.IsAvailable(width));
        Assert.Equal(hardware, Widths.Vector.Contains(width));
        if (hardware)
        {
            using (SimdWidth.Use(width))
            {
                Assert.Equal(width, SimdWidth.Current);
            }
        }
        else
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => SimdWidth.Use(width));
        }

        _output.WriteLine(hardware
            ? $"{width}-bit kernels: tested (Vector{width}.IsHardwareAccelerated)"
            : $"{width}-bit kernels: NOT TESTED on this machine: Vector{width}.IsHardwareAccelerated is false" +
              (HardwareIntrinsicsOff ? " (DOTNET_EnableHWIntrinsic=0)" : width == 512 && Avx512Off ? " (DOTNET_EnableAVX512=0)" : " (the hardware does not have it)"));
#endif
    }
}
