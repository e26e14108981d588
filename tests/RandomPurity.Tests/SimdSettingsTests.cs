using System;
using System.Runtime.Intrinsics;
using Xunit;

namespace RandomPurity.Tests;

/// <summary>
/// test.sh runs this suite again with DOTNET_EnableHWIntrinsic=0 and with DOTNET_EnableAVX512=0: these facts fail if a
/// switch is set but did not reach the JIT (so those runs would silently test the default width again).
/// </summary>
public class SimdSettingsTests
{
    [Fact]
    public void HardwareIntrinsicSwitchTookEffect()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0")
        {
            Assert.False(Vector128.IsHardwareAccelerated);
            Assert.Equal(SimdWidth.Scalar, SimdWidth.Best);
        }
    }

    [Fact]
    public void Avx512SwitchTookEffect()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0")
        {
            Assert.False(Vector512.IsHardwareAccelerated);
            Assert.NotEqual(512, SimdWidth.Best);
        }
    }

    [Fact]
    public void KernelsUseTheWidestAcceleratedWidth()
    {
#if RUNTIME_NETSTANDARD
        Assert.Equal(SimdWidth.Scalar, SimdWidth.Best);
#else
        int expected = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
        Assert.Equal(expected, SimdWidth.Best);
        Assert.Equal(expected, SimdWidth.Current);
#endif
    }
}
