#!/usr/bin/env bash
# Summarises full-battery results (the directories tests/quality/results/full/<stream>-<mode>/ by default, or logs): for
# each, the jobs done (of 79), the first-pass p-values (each test/ntuple's lines at its smallest p-sample count, i.e.
# before -Y 1 re-runs), how many of them dieharder called WEAK (p < 0.005 or p > 0.995: 1% by chance), how many fell
# outside [0.01, 0.99] (2% by chance), and the FAILED assessments after re-runs. diehard_sums ("Do Not Use" per
# dieharder -l) is left out, as in run.sh. "KS p" tests the first-pass p-values against U(0, 1) (Kolmogorov-Smirnov,
# Stephens' asymptotic form), "vs AES" compares them with the first-pass p-values of the AES-128-CTR reference
# (results/full/aes_ctr-reference, two-sample Kolmogorov-Smirnov), where that has run: dieharder's p-values are not all
# exactly uniform, for a good generator either. The last row pools all the results given but the reference.
#   bash tests/quality/summarize.sh [dir-or-log ...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -gt 0 ] || set -- "$here"/results/full/*/
printf '%-26s %5s %8s %6s %9s %8s %7s %6s %6s %8s\n' results jobs p-values WEAK "<.01|>.99" expected FAILED "KS p" "vs AES" "time(s)"
pooled=$(mktemp); trap 'rm -f "$pooled" "$pooled".*' EXIT
# ks: reads sorted p-values, prints the Kolmogorov-Smirnov p-value against U(0, 1).
ks() {
  awk '{ n++; p[n] = $1 } END {
    if (n == 0) { printf "%6s", "-"; exit }
    for (i = 1; i <= n; i++) { a = i / n - p[i]; b = p[i] - (i - 1) / n; if (a > d) d = a; if (b > d) d = b }
    l = (sqrt(n) + 0.12 + 0.11 / sqrt(n)) * d; q = 0; sign = 1
    for (j = 1; j <= 100; j++) { q += sign * 2 * exp(-2 * j * j * l * l); sign = -sign }
    if (l < 0.3) q = 1
    if (q > 1) q = 1; if (q < 0) q = 0
    printf "%6.3f", q }'
}
# ks2 A B: two sorted files of p-values; prints the two-sample Kolmogorov-Smirnov p-value.
ks2() {
  [ -s "$1" ] && [ -s "$2" ] || { printf "%6s" "-"; return; }
  awk 'FNR == 1 { f++ } f == 1 { a[++n] = $1 } f == 2 { b[++m] = $1 } END {
    i = 1; j = 1
    while (i <= n && j <= m) {
      x = a[i] <= b[j] ? a[i] : b[j]
      while (i <= n && a[i] <= x) i++
      while (j <= m && b[j] <= x) j++
      e = (i - 1) / n - (j - 1) / m; if (e < 0) e = -e; if (e > d) d = e
    }
    ne = n * m / (n + m); l = (sqrt(ne) + 0.12 + 0.11 / sqrt(ne)) * d; q = 0; sign = 1
    for (k = 1; k <= 100; k++) { q += sign * 2 * exp(-2 * k * k * l * l); sign = -sign }
    if (l < 0.3) q = 1
    if (q > 1) q = 1; if (q < 0) q = 0
    printf "%6.3f", q }' "$1" "$2"
}
# first_pass LOG...: the first-pass p-values of the logs, sorted.
first_pass() {
  cat "$@" | awk -F'|' '
    NF >= 6 && $1 !~ /^#/ && $1 !~ /diehard_sums/ && $6 ~ /PASSED|WEAK|FAILED/ {
      name = $1; gsub(/ /, "", name); k = name "/" ($2 + 0); n++; key[n] = k; ps[n] = $4 + 0; pv[n] = $5 + 0
      if (!(k in least) || ps[n] < least[k]) least[k] = ps[n]
    }
    END { for (i = 1; i <= n; i++) if (ps[i] == least[key[i]]) print pv[i] }' | sort -g
}
reference="$here/results/full/aes_ctr-reference"
ref="$pooled.ref"; : > "$ref"
if [ -d "$reference" ] && compgen -G "$reference/*.txt" >/dev/null; then first_pass "$reference"/*.txt > "$ref"; fi
ours="$pooled.ours"; : > "$ours"
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
  touch "$pooled.one"
  if [ "$label" != aes_ctr-reference ]; then
    cat "$pooled.one" >> "$pooled"
    read -r -a counts <<<"$(cut -d'|' -f2 <<<"$line")"
    for i in "${!counts[@]}"; do total[i]=$((total[i] + counts[i])); done
  fi
  sort -g "$pooled.one" -o "$pooled.one"
  printf '%s %s %s %s\n' "$(cut -d'|' -f1 <<<"$line")" "$(ks < "$pooled.one")" "$(ks2 "$pooled.one" "$ref")" \
    "$(cut -d'|' -f3 <<<"$line")"
  rm -f "$pooled.one"
done
if [ $# -gt 1 ]; then
  printf '%-26s %5d %8d %6d %9d %8.1f %7d %s %s %8d\n' "all but the reference" "${total[0]}" "${total[1]}" "${total[2]}" "${total[3]}" \
    "$(awk -v n="${total[1]}" 'BEGIN { print n * 0.02 }')" "${total[4]}" "$(sort -g "$pooled" | ks)" "$(sort -g "$pooled" > "$ours"; ks2 "$ours" "$ref")" \
    "${total[5]}"
fi
