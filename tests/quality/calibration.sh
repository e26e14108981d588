#!/usr/bin/env bash
# Calibration of dieharder's WEAK verdicts for the tests that came out WEAK in the partial full battery: each test is run
# many times, first pass only (no -Y), on independent stretches of our derived streams (different StreamGen seeds) and
# of the AES-128-CTR reference fed through the same standard-input path (different openssl -K keys). The p-value
# distributions are then compared (tail counts, KS against uniform, Fisher exact test of our tail counts against AES's).
#   bash tests/quality/calibration.sh                 all runs (about an hour on a loaded 2-core machine), then the summary
#   RUNS=10 RUNS_SPHERE=30 bash tests/quality/calibration.sh    a shorter run
#   bash tests/quality/calibration.sh --summary       only the summary of the logs already there
# Logs: results/calibration/logs/<test>/<stream>-<run>.txt; summary: results/calibration/summary.txt. A run whose log
# exists is not repeated, so an interrupted or extended experiment (larger RUNS) resumes where it stopped.
# Everything runs under nice -n 19.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

# ---- parameters ---------------------------------------------------------------------------------------------------
STREAMS="${STREAMS:-splittree foldin leftchain aes_ctr}"  # StreamGen streams, and aes_ctr (openssl, the reference)
MODE="${MODE:-partitionable}"                            # PrngImpl mode of the StreamGen streams
RUNS="${RUNS:-55}"                                       # runs per test and stream
RUNS_SPHERE="${RUNS_SPHERE:-150}"                        # runs of diehard_2dsphere (about a second each)
JOBS="${JOBS:-2}"                                        # runs in parallel
DEADLINE="${DEADLINE:-0}"                                # if > 0: start no run after this many seconds
OUT="${OUT:-$here/results/calibration}"
# One entry per test: label | dieharder arguments | runs | ntuples cycled over the runs (run r uses the
# ((r - 1) mod count)-th; "-" = the test's default). Parameters are cut from dieharder's defaults so a run takes
# seconds (defaults: sts_serial -t 100000; rgb_minimum_distance -p 1000; diehard_opso -p 100; marsaglia_tsang_gcd
# -t 10000000; rgb_bitdist -t 100000; rgb_lagged_sum -t 1000000); diehard_2dsphere keeps its defaults (8000 x 100).
TESTS=(
  "diehard_2dsphere|-d 11|$RUNS_SPHERE|-"
  "sts_serial|-d 102 -t 20000|$RUNS|-"
  "rgb_minimum_distance|-d 201 -p 100|$RUNS|2 3 4 5"
  "diehard_opso|-d 5 -p 25|$RUNS|-"
  "marsaglia_tsang_gcd|-d 17 -t 250000 -p 50|$RUNS|-"
  "rgb_bitdist|-d 200 -t 10000|$RUNS|1 2 3 4 5 6 7 8 9 10 11 12"
  "rgb_lagged_sum|-d 203 -t 20000|$RUNS|$(seq -s ' ' 0 32)"
)
# Seeds: test number t (1-based position in TESTS) and run r give StreamGen seed 1000 t + r and the AES key
# printf '%016x%016x' t r (IV 0), so every run reads a different stretch of output. (dieharder's -S plays no part: the
# data come from standard input, and dieharder 3.31.1 does not fix its own generators' seed with -S either.)
# ----------------------------------------------------------------------------------------------------------------------

gen="$here/StreamGen/bin/Release/net10.0/StreamGen"

one() { # one run: test number, run, stream
  local t=$1 r=$2 stream=$3 label args runs ntuples
  IFS='|' read -r label args runs ntuples <<<"${TESTS[$((t - 1))]}"
  local log="$OUT/logs/$label/$stream-$r.txt"
  [ -s "$log" ] && return 0
  if [ "${END_TIME:-0}" -gt 0 ] && [ "$(date +%s)" -ge "$END_TIME" ]; then return 0; fi
  local -a sel; read -r -a sel <<<"$args"
  if [ "$ntuples" != "-" ]; then
    local -a nt; read -r -a nt <<<"$ntuples"
    sel+=(-n "${nt[$(((r - 1) % ${#nt[@]}))]}")
  fi
  local seed=$((1000 * t + r))
  mkdir -p "$OUT/logs/$label"
  if [ "$stream" = aes_ctr ]; then
    nice -n 19 openssl enc -aes-128-ctr -K "$(printf '%016x%016x' "$t" "$r")" -iv 00000000000000000000000000000000 \
        -nosalt -in /dev/zero 2>/dev/null | nice -n 19 dieharder -g 200 "${sel[@]}" > "$log.tmp" 2>&1 || true
  else
    nice -n 19 "$gen" "$stream" "$MODE" "$seed" | nice -n 19 dieharder -g 200 "${sel[@]}" > "$log.tmp" 2>&1 || true
  fi
  # Keep the log only if dieharder printed an assessment (an interrupted run is redone next time).
  if grep -qE '\|[[:space:]]*(PASSED|WEAK|FAILED)' "$log.tmp"; then mv "$log.tmp" "$log"; else rm -f "$log.tmp"; fi
}

summary() {
  python3 - "$OUT" "${#TESTS[@]}" "${TESTS[@]}" <<'PY' | tee "$OUT/summary.txt"
import math, os, sys
out = sys.argv[1]; ntests = int(sys.argv[2]); tests = [t.split('|')[0] for t in sys.argv[3:3 + ntests]]
streams = os.environ.get('STREAMS', 'splittree foldin leftchain aes_ctr').split()
ref = 'aes_ctr'

def pvalues(test, stream):
    d = os.path.join(out, 'logs', test); runs = 0; ps = []
    if not os.path.isdir(d): return 0, ps
    for f in sorted(os.listdir(d)):
        if not (f.startswith(stream + '-') and f.endswith('.txt')): continue
        runs += 1
        for line in open(os.path.join(d, f)):
            c = line.split('|')
            if len(c) >= 6 and c[5].strip() in ('PASSED', 'WEAK', 'FAILED'): ps.append(float(c[4]))
    return runs, ps

def ks(ps):  # one-sample KS against U(0,1); asymptotic p-value with Stephens' small-sample correction
    n = len(ps)
    if n == 0: return float('nan'), float('nan')
    x = sorted(ps); d = max(max((i + 1) / n - v, v - i / n) for i, v in enumerate(x))
    lam = (math.sqrt(n) + 0.12 + 0.11 / math.sqrt(n)) * d
    q = 2 * sum((-1) ** (k - 1) * math.exp(-2 * k * k * lam * lam) for k in range(1, 101))
    return d, min(max(q, 0.0), 1.0)

def lchoose(n, k): return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)

def fisher(a, n1, b, n2):  # 2x2 exact test: a of n1 (ours) against b of n2 (reference); (two-sided, one-sided ours > ref)
    k = a + b; lo, hi = max(0, k - n2), min(k, n1)
    if n1 == 0 or n2 == 0: return float('nan'), float('nan')
    pr = {x: math.exp(lchoose(n1, x) + lchoose(n2, k - x) - lchoose(n1 + n2, k)) for x in range(lo, hi + 1)}
    two = sum(p for p in pr.values() if p <= pr[a] * (1 + 1e-9)); one = sum(p for x, p in pr.items() if x >= a)
    return min(two, 1.0), min(one, 1.0)

def binom_upper(k, n, p):  # P(X >= k), X ~ Bin(n, p)
    return sum(math.exp(lchoose(n, i) + i * math.log(p) + (n - i) * math.log1p(-p)) for i in range(k, n + 1)) if n else float('nan')

weak = lambda p: p < 0.005 or p > 0.995
out2 = lambda p: p < 0.01 or p > 0.99
print('First-pass p-values (no -Y); WEAK = p < 0.005 or p > 0.995 (1% by chance); out = outside [0.01, 0.99] (2%).')
print('KS p: one-sample KS of the p-values against U(0,1) (lines of one run are not independent for sts_serial).')
print('Fisher: two-sided exact test of the stream\'s WEAK (out) count against the aes_ctr count for the same test.\n')
hdr = f"{'test':<21}{'stream':<10}{'runs':>5}{'p-vals':>7}{'WEAK':>6}{'out':>5}{'<0.1':>6}{'>0.9':>6}{'mean p':>8}{'KS D':>7}{'KS p':>8}{'Fisher WEAK':>12}{'Fisher out':>11}"
print(hdr); print('-' * len(hdr))
tot = {s: [0, 0, 0, 0] for s in streams}  # p-values, WEAK, out, runs
allp = {s: [] for s in streams}
for test in tests:
    rr, rp = pvalues(test, ref)
    for s in streams:
        runs, ps = pvalues(test, s)
        if not ps: continue
        w = sum(map(weak, ps)); o = sum(map(out2, ps)); d, kp = ks(ps)
        tot[s][0] += len(ps); tot[s][1] += w; tot[s][2] += o; tot[s][3] += runs; allp[s] += ps
        fw = fo = ''
        if s != ref and rp:
            fw = f"{fisher(w, len(ps), sum(map(weak, rp)), len(rp))[0]:.3f}"; fo = f"{fisher(o, len(ps), sum(map(out2, rp)), len(rp))[0]:.3f}"
        print(f"{test:<21}{s:<10}{runs:>5}{len(ps):>7}{w:>6}{o:>5}{sum(p < 0.1 for p in ps):>6}{sum(p > 0.9 for p in ps):>6}"
              f"{sum(ps) / len(ps):>8.3f}{d:>7.3f}{kp:>8.3f}{fw:>12}{fo:>11}")
    print()
print('All tests pooled')
print(f"{'stream':<10}{'runs':>6}{'p-vals':>7}{'WEAK':>6}{'WEAK %':>7}{'P(>=WEAK|1%)':>13}{'out':>5}{'out %':>6}{'KS p':>8}{'Fisher WEAK 2s/1s':>19}{'Fisher out 2s/1s':>18}")
n2, w2, o2 = tot[ref][0], tot[ref][1], tot[ref][2]
for s in streams:
    n, w, o, runs = tot[s]
    if not n: continue
    fw = fo = ''
    if s != ref and n2:
        a, b = fisher(w, n, w2, n2); fw = f"{a:.3f}/{b:.3f}"; a, b = fisher(o, n, o2, n2); fo = f"{a:.3f}/{b:.3f}"
    print(f"{s:<10}{runs:>6}{n:>7}{w:>6}{100 * w / n:>7.2f}{binom_upper(w, n, 0.01):>13.3f}{o:>5}{100 * o / n:>6.2f}{ks(allp[s])[1]:>8.3f}{fw:>19}{fo:>18}")
ours = [s for s in streams if s != ref]
def together(title, names):
    c = {s: [0, 0, 0] for s in streams}
    for test in names:
        for s in streams:
            ps = pvalues(test, s)[1]; c[s][0] += len(ps); c[s][1] += sum(map(weak, ps)); c[s][2] += sum(map(out2, ps))
    n = sum(c[s][0] for s in ours); w = sum(c[s][1] for s in ours); o = sum(c[s][2] for s in ours); n2, w2, o2 = c[ref]
    if not (n and n2): return
    print(f"\n{title}: our streams WEAK {w}/{n} ({100 * w / n:.2f}%), out {o}/{n} ({100 * o / n:.2f}%); "
          f"aes_ctr WEAK {w2}/{n2} ({100 * w2 / n2:.2f}%), out {o2}/{n2} ({100 * o2 / n2:.2f}%)")
    print(f"  Fisher, ours against aes_ctr: WEAK two-sided p = {fisher(w, n, w2, n2)[0]:.3f}, one-sided (ours more) p = {fisher(w, n, w2, n2)[1]:.3f}; "
          f"out two-sided p = {fisher(o, n, o2, n2)[0]:.3f}, one-sided p = {fisher(o, n, o2, n2)[1]:.3f}")
    for s in ours:
        a, b = fisher(c[s][1], c[s][0], w2, n2); e, f = fisher(c[s][2], c[s][0], o2, n2)
        print(f"  {s:<10} WEAK {c[s][1]}/{c[s][0]}, out {c[s][2]}/{c[s][0]}: Fisher against aes_ctr WEAK p = {a:.3f} (one-sided {b:.3f}), out p = {e:.3f} (one-sided {f:.3f})")
together('All tests', tests)
together('Without sts_serial (30 correlated p-values per run, and miscalibrated at -t 20000 for AES too)', [t for t in tests if t != 'sts_serial'])
PY
}

if [ "${1:-}" = "--one" ]; then one "$2" "$3" "$4"; exit 0; fi
mkdir -p "$OUT"
if [ "${1:-}" != "--summary" ]; then
  command -v dieharder >/dev/null || { echo "dieharder is not installed (apt-get install dieharder)"; exit 2; }
  nice -n 19 dotnet build "$here/StreamGen" -c Release --nologo -v quiet >/dev/null
  END_TIME=0; [ "$DEADLINE" -gt 0 ] && END_TIME=$(($(date +%s) + DEADLINE))
  export STREAMS MODE RUNS RUNS_SPHERE END_TIME OUT
  # Round robin: run 1 of every test and stream, then run 2, ..., so a cut-short experiment stays balanced.
  max=$RUNS; [ "$RUNS_SPHERE" -gt "$max" ] && max=$RUNS_SPHERE
  for r in $(seq 1 "$max"); do
    for t in $(seq 1 "${#TESTS[@]}"); do
      IFS='|' read -r _ _ runs _ <<<"${TESTS[$((t - 1))]}"
      [ "$r" -le "$runs" ] || continue
      for s in $STREAMS; do echo "$t $r $s"; done
    done
  done | xargs -P "$JOBS" -L 1 bash "$0" --one
fi
export STREAMS
summary
