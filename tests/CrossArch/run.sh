#!/usr/bin/env bash
# The same bits on every machine, proven: tests/CrossArch prints a SHA-256 digest of every bulk and scalar sampler
# family (catalogue, stateful wrappers and System.Random adapter included) in both modes; this script runs it on
#   x64 (or the host) with SIMD, the same with DOTNET_EnableHWIntrinsic=0 (the scalar loops), and
#   linux-arm64 (AdvSimd, 128-bit) self-contained under qemu-user,
# and fails unless all three print the same digests. Needs the Debian packages qemu-user, libc6-arm64-cross and
# libstdc++6-arm64-cross (test.sh installs them when missing and root); the arm64 runtime pack comes from NuGet at
# restore time. RP_CROSSARCH_ARM64=0 leaves the arm64 run out (it then compares the two host runs only).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$here" -c Release --nologo -v quiet -o "$out/host" > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
runs=(simd no-simd)
dotnet "$out/host/CrossArch.dll" > "$out/simd.txt"
DOTNET_EnableHWIntrinsic=0 dotnet "$out/host/CrossArch.dll" > "$out/no-simd.txt"

if [ "${RP_CROSSARCH_ARM64:-1}" != 0 ]; then
  command -v qemu-aarch64 >/dev/null && [ -e /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ] ||
    { echo "qemu-aarch64 or the arm64 loader is missing: apt-get install qemu-user libc6-arm64-cross libstdc++6-arm64-cross"; exit 1; }
  # Restore first (the only step that downloads: the linux-arm64 runtime and host packs), then publish offline.
  dotnet restore "$here" -r linux-arm64 --nologo -v quiet -p:SelfContained=true > "$out/restore.log" 2>&1 || { cat "$out/restore.log"; exit 1; }
  dotnet publish "$here" -c Release -r linux-arm64 --self-contained --no-restore --nologo -v quiet -o "$out/arm64" \
    > "$out/publish.log" 2>&1 || { cat "$out/publish.log"; exit 1; }
  DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 qemu-aarch64 -L /usr/aarch64-linux-gnu "$out/arm64/CrossArch" > "$out/arm64.txt"
  runs+=(arm64)
fi

status=0
for run in "${runs[@]}"; do
  head -n 1 "$out/$run.txt" | sed "s/^/$run: /"
  grep -v '^#' "$out/$run.txt" > "$out/$run.digests"
  # Every run must have printed every family and its closing line: 'all <n> <digest>' with n digest lines before it.
  n=$(grep -c . "$out/$run.digests" || true)
  last=$(tail -n 1 "$out/$run.digests")
  if [[ ! "$last" =~ ^all\ ([0-9]+)\ [0-9a-f]{64}$ ]] || [ "${BASH_REMATCH[1]}" -ne $((n - 1)) ] || [ "$n" -lt 200 ]; then
    echo "!! $run: incomplete output ($n lines, last: $last)"; status=1
  fi
done
for run in "${runs[@]:1}"; do
  if ! diff -q "$out/simd.digests" "$out/$run.digests" > /dev/null; then
    echo "!! $run differs from simd:"; diff "$out/simd.digests" "$out/$run.digests" | head -n 40; status=1
  fi
done
[ "$status" -eq 0 ] && echo "cross-arch: $(($(grep -c . "$out/simd.digests") - 1)) sampler digests identical on ${runs[*]} ($(tail -n 1 "$out/simd.digests" | cut -d' ' -f3))"
exit "$status"
