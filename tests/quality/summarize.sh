#!/usr/bin/env bash
# Summarises full-battery results (the directories tests/quality/results/full/<stream>-<mode>/ by default, or logs): for
# each, the jobs done (of 79), the first-pass p-values (each test/ntuple's lines at its smallest p-sample count, i.e.
# before -Y 1 re-runs), how many of them dieharder called WEAK (p < 0.005 or p > 0.995: 1% by chance), how many fell
# outside [0.01, 0.99] (2% by chance), and the FAILED assessments after re-runs. diehard_sums ("Do Not Use" per
# dieharder -l) is left out, as in run.sh. "KS p" tests the first-pass p-values against U(0, 1) (Kolmogorov-Smirnov,
# Stephens' asymptotic form); the last row pools all the results given.
#   bash tests/quality/summarize.sh [dir-or-log ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -gt 0 ] || set -- "$here"/results/full/*/
printf '%-26s %5s %8s %6s %9s %8s %7s %6s %8s\n' results jobs p-values WEAK "<.01|>.99" expected FAILED "KS p" "time(s)"
pooled=$(mktemp); trap 'rm -f "$pooled" "$pooled".*' EXIT
# ks: reads sorted p-values, prints the Kolmogorov-Smirnov p-value against U(0, 1).
ks() {
  awk '{ n++; p[n] = $1 } END {
    if (n == 0) { printf "%6s", "-"; exit }
    for (i = 1; i <= n; i++) { a = i / n - p[i]; b = p[i] - (i - 1) / n; if (a > d) d = a; if (b > d) d = b }
    l = (sqrt(n) + 0.12 + 0.11 / sqrt(n)) * d; q = 0; sign = 1
    for (j = 1; j <= 100; j++) { q += sign * 2 * exp(-2 * j * j * l * l); sign = -sign }
    if (q > 1) q = 1; if (q < 0) q = 0
    printf "%6.3f", q }'
}
total=(0 0 0 0 0 0)
for arg in "$@"; do
  if [ -d "$arg" ]; then
    files=("$arg"/*.txt); [ -e "${files[0]}" ] || continue
    label=$(basename "$arg")
  else
    files=("$arg"); label=$(basename "$arg")
  fi
  line=$(cat "${files[@]}" | awk -F'|' -v label="$label" -v jobs="${#files[@]}" -v pv="$pooled.one" '
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
        first++; print pvalue[i] > pv
        if (verdict[i] == "WEAK") weak++
        if (pvalue[i] < 0.01 || pvalue[i] > 0.99) extreme++
      }
      printf "%-26s %5d %8d %6d %9d %8.1f %7d", label, jobs, first, weak, extreme, first * 0.02, failed
      printf "|%d %d %d %d %d %d|%8d\n", jobs, first, weak, extreme, failed, t, t
    }')
  touch "$pooled.one"; cat "$pooled.one" >> "$pooled"
  read -r -a counts <<<"$(cut -d'|' -f2 <<<"$line")"
  for i in "${!counts[@]}"; do total[i]=$((total[i] + counts[i])); done
  printf '%s %s %s\n' "$(cut -d'|' -f1 <<<"$line")" "$(sort -g "$pooled.one" | ks)" "$(cut -d'|' -f3 <<<"$line")"
  rm -f "$pooled.one"
done
if [ $# -gt 1 ]; then
  printf '%-26s %5d %8d %6d %9d %8.1f %7d %s %8d\n' all "${total[0]}" "${total[1]}" "${total[2]}" "${total[3]}" \
    "$(awk -v n="${total[1]}" 'BEGIN { print n * 0.02 }')" "${total[4]}" "$(sort -g "$pooled" | ks)" "${total[5]}"
fi
