#!/usr/bin/env bash
# Summarises full-battery logs (tests/quality/results/full/*.txt by default): for each log, the first-pass p-values
# (each test/ntuple's lines at its smallest p-sample count, i.e. before -Y 1 re-runs), how many of them dieharder
# called WEAK (p < 0.005 or p > 0.995: 1% by chance), how many fell outside [0.01, 0.99] (2% by chance), and the FAILED
# assessments after re-runs. diehard_sums ("Do Not Use" per dieharder -l) is left out, as in run.sh.
#   bash tests/quality/summarize.sh [log ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -gt 0 ] || set -- "$here"/results/full/*.txt
printf '%-34s %7s %6s %9s %8s %8s\n' log p-values WEAK "<.01|>.99" "expected" FAILED
for log in "$@"; do
  awk -F'|' '
    NF >= 6 && $1 !~ /^#/ && $1 !~ /diehard_sums/ && $6 ~ /PASSED|WEAK|FAILED/ {
      name = $1; gsub(/ /, "", name); ntup = $2 + 0; ps = $4 + 0; p = $5 + 0; a = $6; gsub(/ /, "", a)
      n++; key[n] = name "/" ntup; psamples[n] = ps; pvalue[n] = p; verdict[n] = a
      if (!(name "/" ntup in least) || ps < least[name "/" ntup]) least[name "/" ntup] = ps
      if (a == "FAILED") failed++
    }
    END {
      for (i = 1; i <= n; i++) {
        if (psamples[i] != least[key[i]]) continue
        first++
        if (verdict[i] == "WEAK") weak++
        if (pvalue[i] < 0.01 || pvalue[i] > 0.99) extreme++
      }
      file = FILENAME; sub(/.*\//, "", file)
      printf "%-34s %7d %6d %9d %8.1f %8d\n", file, first, weak, extreme, first * 0.02, failed
    }' "$log"
done
