#!/usr/bin/env bash
# Statistical quality of RandomPurity's derived streams with dieharder (Debian package `dieharder`).
#   bash tests/quality/run.sh            the full battery on every stream, both modes: many hours; on demand, resumable
#   bash tests/quality/run.sh --quick    a fast seeded subset (what CI runs, time-capped)
#   STREAMS="foldin" IMPLS="legacy" JOBS=2 bash tests/quality/run.sh    a subset of the streams and modes, 2 jobs at once
# Each stream is fed as raw 32-bit words on standard input (-g 200); -Y 1 re-runs ambiguous (WEAK) tests with
# more samples to resolve them. A stream passes when every test produced its assessments and none FAILed. Results go to tests/quality/results/.
#
# The full battery is every test and ntuple that `dieharder -a` runs, at its default sizes, one dieharder process per
# test (79 jobs per stream, diehard_sums left out: see below). Job k reads the stream from word k * STRIDE (StreamGen
# --from), so each test reads its own stretch, 32 GiB apart, and together they span the first 2.5 TiB of the stream.
# A job's log is written to results/full/<stream>-<mode>/<k>-<test>.txt when it ends; finished jobs are not run again,
# so an interrupted battery resumes where it stopped. tests/quality/summarize.sh counts the results.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
gen="$here/StreamGen/bin/Release/net10.0/StreamGen"
STRIDE=$(( (1 << 33) + 5 ))

# What `dieharder -a` runs, in its order: "test [ntuple]". sts_serial (102) reports ntuples 1 to 16 in one run.
# diehard_sums (14) is labelled "Do Not Use" by dieharder itself (dieharder -l): its statistic is known to be wrong,
# and -Y 1 drives any generator, the reference ones included, to FAILED on it. It is not run.
battery=(0 1 2 3 4 5 6 7 8 9 10 11 12 13 15 16 17 100 101 102)
for n in $(seq 1 12); do battery+=("200 $n"); done
for n in 2 3 4 5; do battery+=("201 $n"); done
for n in 2 3 4 5; do battery+=("202 $n"); done
for n in $(seq 0 32); do battery+=("203 $n"); done
battery+=(204 205 206 207 208 209)

# result_dir <stream> <mode>: where a stream's job logs go (the AES reference runs once, not per mode).
result_dir() {
  if [ "$1" = aes_ctr ]; then echo "$here/results/full/aes_ctr-reference"; else echo "$here/results/full/$1-$2"; fi
}

# One job of the full battery: run_job <stream> <mode> <k>.
run_job() {
  local stream=$1 impl=$2 k=$3
  read -r t n <<<"${battery[$k]}"
  local sel=(-d "$t"); [ -n "${n:-}" ] && sel+=(-n "$n")
  local log; log="$(result_dir "$stream" "$impl")/$(printf '%02d' "$k")-$t${n:+-$n}.txt"
  [ -s "$log" ] && return 0
  # AES-128-CTR goes through the same standard-input path as our streams; its job k counts from the IV k * 2^64.
  local source
  if [ "$stream" = aes_ctr ]; then source="openssl aes-128-ctr from IV $k * 2^64"; else
    source="StreamGen $stream $impl 0 --from $((k * STRIDE))"; fi
  local start=$SECONDS
  if [ "$stream" = aes_ctr ]; then
    openssl enc -aes-128-ctr -K 000102030405060708090a0b0c0d0e0f -iv "$(printf '%016x' "$k")0000000000000000" -nosalt \
      -in /dev/zero 2>/dev/null
  else
    "$gen" "$stream" "$impl" 0 --from $((k * STRIDE))
  fi | dieharder -g 200 "${sel[@]}" -Y 1 > "$log.part" 2>&1 || true
  if grep -qE 'PASSED|WEAK|FAILED' "$log.part"; then
    echo "# job $k: $source; $((SECONDS - start)) s" >> "$log.part"
    mv "$log.part" "$log"
  else
    echo "job $stream $impl $k (${battery[$k]}) gave no result; see $log.part" >&2
  fi
}

if [ "${1:-}" = --job ]; then run_job "$2" "$3" "$4"; exit 0; fi

mode="${1:-full}"
command -v dieharder >/dev/null || { echo "dieharder is not installed (apt-get install dieharder)"; exit 2; }
dotnet build "$here/StreamGen" -c Release --nologo -v quiet >/dev/null

read -r -a streams <<<"${STREAMS:-foldin splittree leftchain siblings parentchild seeds bulk}"
read -r -a impls <<<"${IMPLS:-partitionable legacy}"

# --from must give the tail of the whole stream: compare a stretch that starts past the first split tree (2^24 words),
# in the 260th left chain and in the middle of a bulk chunk with the same words read from the start. Both stretches
# must be complete (4,000,000 bytes each) and each generator must exit 0 (it does when head closes the pipe): a
# generator that dies gives a short or empty stretch, and two empty stretches would otherwise compare equal.
check_from() {
  local K=16986169 size=4000000 tmp rc
  tmp="$(mktemp -d)"
  for impl in "${impls[@]}"; do
    for stream in "${streams[@]}"; do
      [ "$stream" = aes_ctr ] && continue
      set +e
      "$gen" "$stream" "$impl" 0 --from $K | head -c $size > "$tmp/from"; rc="${PIPESTATUS[*]}"
      "$gen" "$stream" "$impl" 0 | tail -c +$((4 * K + 1)) | head -c $size > "$tmp/tail"; rc="$rc ${PIPESTATUS[*]}"
      set -e
      # tail may end on the closed pipe (141, SIGPIPE) when head has read enough; everything else must exit 0.
      if [[ ! "$rc" =~ ^0\ 0\ 0\ (0|141)\ 0$ ]] || [ "$(stat -c %s "$tmp/from")" -ne $size ] ||
         [ "$(stat -c %s "$tmp/tail")" -ne $size ]; then
        echo "StreamGen $stream $impl: the --from check did not run (exit codes $rc; $(stat -c %s "$tmp/from") and" \
          "$(stat -c %s "$tmp/tail") of $size bytes)" >&2; rm -rf "$tmp"; exit 1
      fi
      cmp -s "$tmp/from" "$tmp/tail" || { echo "StreamGen $stream $impl --from $K is not the tail of the stream" >&2; rm -rf "$tmp"; exit 1; }
    done
  done
  rm -rf "$tmp"
  echo "StreamGen --from $K: the tail of the stream for ${streams[*]} (${impls[*]})"
}
check_from

if [ "$mode" != "--quick" ]; then
  jobs_list=(); dirs=()
  for stream in "${streams[@]}"; do
    for impl in "${impls[@]}"; do
      [ "$stream" = aes_ctr ] && [ "$impl" != "${impls[0]}" ] && continue
      dirs+=("$(result_dir "$stream" "$impl")"); mkdir -p "${dirs[-1]}"
      for k in "${!battery[@]}"; do jobs_list+=("$stream $impl $k"); done
    done
  done
  printf '%s\n' "${jobs_list[@]}" | xargs -P "${JOBS:-$(nproc)}" -L 1 bash "$0" --job
  bash "$here/summarize.sh" "${dirs[@]}"
  # A job that gave no assessment left only its .part log: the battery is not complete (and not passed) until it has.
  missing=0
  for d in "${dirs[@]}"; do missing=$((missing + ${#battery[@]} - $(find "$d" -maxdepth 1 -name '*.txt' | wc -l))); done
  [ "$missing" -eq 0 ] || { echo "$missing jobs gave no result (see the .part logs); run again to resume" >&2; exit 1; }
  exit 0
fi

# The quick subset: birthdays, diehard runs, STS monobit, on StreamGen's seed 0 from word 0, so CI is repeatable; -S
# only seeds dieharder's own generators (and dieharder 3.31.1 does not fix even those), not standard input.
# A stream passes only when every test ran: dieharder and the generator exit 0 and each test printed its expected
# number of final assessments (birthdays 1, runs 2 (up and down), monobit 1; with -Y 1 a WEAK result re-runs the test,
# so the last lines of a test are its final verdicts), none FAILED. dieharder exits 0 with no assessment at all when
# its input ends (stdin_input_raw: Error: EOF), which is why the count is checked.
out="$here/results"
failed=0; weak=0; passed=0; dead=0
declare -A names=([0]=diehard_birthdays [15]=diehard_runs [100]=sts_monobit) expected=([0]=1 [15]=2 [100]=1)
for impl in "${impls[@]}"; do
  for stream in "${streams[@]}"; do
    log="$out/$stream-$impl.txt"
    : > "$log"
    p=0; w=0; f=0; problems=()
    for t in 0 15 100; do
      set +e
      "$gen" "$stream" "$impl" 0 | dieharder -g 200 -d "$t" -Y 1 -S 12345 > "$log.part" 2>&1
      rc="${PIPESTATUS[*]}"
      set -e
      cat "$log.part" >> "$log"
      lines=$(grep -E "^ *${names[$t]}\|.*\| *(PASSED|WEAK|FAILED) *$" "$log.part" || true)
      n=$(printf '%s' "$lines" | grep -c . || true)
      final=$(printf '%s\n' "$lines" | tail -n "${expected[$t]}")
      w=$((w + $(printf '%s' "$lines" | grep -c 'WEAK' || true)))
      if [ "$rc" != "0 0" ] || [ "$n" -lt "${expected[$t]}" ] || printf '%s' "$final" | grep -q 'WEAK'; then
        problems+=("${names[$t]}: exit codes $rc, $n assessments (expected ${expected[$t]} final)")
        continue
      fi
      p=$((p + $(printf '%s' "$final" | grep -c 'PASSED' || true)))
      f=$((f + $(printf '%s' "$final" | grep -c 'FAILED' || true)))
    done
    rm -f "$log.part"
    passed=$((passed + p)); weak=$((weak + w)); failed=$((failed + f)); dead=$((dead + ${#problems[@]}))
    printf '%-12s %-14s passed %3d  weak %2d  failed %2d%s\n' "$stream" "$impl" "$p" "$w" "$f" \
      "$([ ${#problems[@]} -eq 0 ] || printf '  DID NOT RUN: %s' "${problems[*]}")"
  done
done
echo "dieharder: $passed passed, $failed failed, $weak weak (resolved by -Y 1), $dead tests that did not run"
[ "$failed" -eq 0 ] && [ "$dead" -eq 0 ] && [ "$passed" -eq $(( ${#impls[@]} * ${#streams[@]} * 4 )) ]
