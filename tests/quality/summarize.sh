#!/usr/bin/env bash
# Summarises full-battery results (the directories tests/quality/results/full/<stream>-<mode>/ by default, or logs): for
# each, the jobs done (of 79), the first-pass p-values (each test/ntuple's lines at its smallest p-sample count, i.e.
# before -Y 1 re-runs), how many of them dieharder called WEAK (p < 0.005 or p > 0.995: 1% by chance), how many fell
# outside [0.01, 0.99] (2% by chance), and the FAILED assessments after re-runs. diehard_sums ("Do Not Use" per
# dieharder -l) is left out, as in run.sh.
#   bash tests/quality/summarize.sh [dir-or-log ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -gt 0 ] || set -- "$here"/results/full/*/
printf '%-26s %5s %8s %6s %9s %8s %7s %8s\n' results jobs p-values WEAK "<.01|>.99" expected FAILED "time(s)"
for arg in "$@"; do
  if [ -d "$arg" ]; then
    files=("$arg"/*.txt); [ -e "${files[0]}" ] || continue
    label=$(basename "$arg")
  else
    files=("$arg"); label=$(basename "$arg")
  fi
  cat "${files[@]}" | awk -F'|' -v label="$label" -v jobs="${#files[@]}" '
    /^# job .*; [0-9]+ s$/ { t += $0 ~ /; [0-9]+ s$/ ? substr($0, match($0, /; [0-9]+ s$/) + 2) + 0 : 0 }
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
      printf "%-26s %5d %8d %6d %9d %8.1f %7d %8d\n", label, jobs, first, weak, extreme, first * 0.02, failed, t
    }'
done
