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
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# first_pass LOG...: "p-value assessment" of each test/ntuple's first pass, sorted by p-value. dieharder's -Y 1 prints
# every line of a test again, with the larger p-sample count, on each re-run; the smallest count is the first pass (all
# its lines where a test prints two p-values per ntuple, as sts_serial and diehard_runs do).
first_pass() {
  cat "$@" | awk -F'|' '
    NF >= 6 && $1 !~ /^#/ && $1 !~ /diehard_sums/ && $6 ~ /PASSED|WEAK|FAILED/ {
      name = $1; gsub(/ /, "", name); k = name "/" ($2 + 0); n++; key[n] = k; ps[n] = $4 + 0; pv[n] = $5 + 0
      verdict[n] = $6; gsub(/ /, "", verdict[n])
      if (!(k in least) || ps[n] < least[k]) least[k] = ps[n]
    }
    END { for (i = 1; i <= n; i++) if (ps[i] == least[key[i]]) print pv[i], verdict[i] }' | sort -g
}

# Q(lambda), the Kolmogorov distribution's tail, with Stephens' effective size; lambda < 0.3 gives 1 (the series
# converges slowly there).
kolmogorov='function q(ne, d,   l, s, sign, j) {
  l = (sqrt(ne) + 0.12 + 0.11 / sqrt(ne)) * d; if (l < 0.3) return 1
  sign = 1; for (j = 1; j <= 100; j++) { s += sign * 2 * exp(-2 * j * j * l * l); sign = -sign }
  return s > 1 ? 1 : s < 0 ? 0 : s }'
# ks FILE: the Kolmogorov-Smirnov p-value of the sorted p-values in FILE (first column) against U(0, 1).
ks() {
  [ -s "$1" ] || { printf "%6s" "-"; return; }
  awk "$kolmogorov"'{ n++; p[n] = $1 } END {
    for (i = 1; i <= n; i++) { a = i / n - p[i]; b = p[i] - (i - 1) / n; if (a > d) d = a; if (b > d) d = b }
    printf "%6.3f", q(n, d) }' "$1"
}
# ks2 A B: the two-sample Kolmogorov-Smirnov p-value of two files of sorted p-values (first column).
ks2() {
  [ -s "$1" ] && [ -s "$2" ] || { printf "%6s" "-"; return; }
  awk "$kolmogorov"'FNR == 1 { f++ } f == 1 { a[++n] = $1 } f == 2 { b[++m] = $1 } END {
    i = 1; j = 1
    while (i <= n && j <= m) {
      x = a[i] <= b[j] ? a[i] : b[j]
      while (i <= n && a[i] <= x) i++
      while (j <= m && b[j] <= x) j++
      e = (i - 1) / n - (j - 1) / m; if (e < 0) e = -e; if (e > d) d = e
    }
    printf "%6.3f", q(n * m / (n + m), d) }' "$1" "$2"
}

reference="$here/results/full/aes_ctr-reference"
: > "$work/reference"; : > "$work/pooled"
if compgen -G "$reference/*.txt" >/dev/null; then first_pass "$reference"/*.txt > "$work/reference"; fi
printf '%-26s %5s %8s %6s %9s %8s %7s %6s %6s %8s\n' results jobs p-values WEAK "<.01|>.99" expected FAILED "KS p" "vs AES" "time(s)"
# row LABEL JOBS FIRST-PASS-FILE LOG...: one line of the table.
row() {
  local label=$1 jobs=$2 first=$3; shift 3
  local failed seconds
  failed=$(cat "$@" | awk -F'|' 'NF >= 6 && $1 !~ /^#/ && $1 !~ /diehard_sums/ && $6 ~ /FAILED/' | wc -l)
  seconds=$(cat "$@" | awk '/^# job .*; [0-9]+ s$/ { t += $(NF - 1) } END { print t + 0 }')
  awk -v label="$label" -v jobs="$jobs" -v failed="$failed" -v ks="$(ks "$first")" -v ks2="$(ks2 "$first" "$work/reference")" \
    -v seconds="$seconds" '{ n++; if ($2 == "WEAK") weak++; if ($1 < 0.01 || $1 > 0.99) extreme++ } END {
    printf "%-26s %5d %8d %6d %9d %8.1f %7d %s %s %8d\n", label, jobs, n, weak, extreme, n * 0.02, failed, ks, ks2, seconds }' "$first"
}
all=()
for arg in "$@"; do
  if [ -d "$arg" ]; then files=("$arg"/*.txt); [ -e "${files[0]}" ] || continue; else files=("$arg"); fi
  label=$(basename "$arg")
  first_pass "${files[@]}" > "$work/one"
  row "$label" "${#files[@]}" "$work/one" "${files[@]}"
  if [ "$label" != aes_ctr-reference ]; then cat "$work/one" >> "$work/pooled"; all+=("${files[@]}"); fi
done
if [ $# -gt 1 ]; then
  sort -g "$work/pooled" -o "$work/pooled"
  row "all but the reference" "${#all[@]}" "$work/pooled" "${all[@]}"
fi

# Is WEAK more frequent than chance? For the pooled first-pass p-values: the binomial tail P(>= k WEAK of n) at
# dieharder's nominal 1%, and Fisher's exact test (two-sided) of our WEAK count against the reference's, the same for
# the p-values outside [0.01, 0.99] (2% nominal). Log-factorials make both exact.
rates() {
  [ -s "$work/pooled" ] || return 0
  awk -v rn="$(wc -l < "$work/reference")" -v rw="$(awk '$2 == "WEAK"' "$work/reference" | wc -l)" \
      -v rx="$(awk '$1 < 0.01 || $1 > 0.99' "$work/reference" | wc -l)" '
    function lf(x) { return lfact[x] }
    function lc(n, k) { return lf(n) - lf(k) - lf(n - k) }
    function tail(k, n, p,   i, s) { for (i = k; i <= n; i++) s += exp(lc(n, i) + i * log(p) + (n - i) * log(1 - p)); return s }
    function fisher(a, n1, c, n2,   K, x, p0, s, px) {
      K = a + c; p0 = exp(lc(n1, a) + lc(n2, c) - lc(n1 + n2, K))
      for (x = (K > n2 ? K - n2 : 0); x <= (K < n1 ? K : n1); x++) {
        px = exp(lc(n1, x) + lc(n2, K - x) - lc(n1 + n2, K)); if (px <= p0 * (1 + 1e-7)) s += px }
      return s > 1 ? 1 : s }
    { n++; if ($2 == "WEAK") w++; if ($1 < 0.01 || $1 > 0.99) x++ }
    END {
      lfact[0] = 0; for (i = 1; i <= n + rn; i++) lfact[i] = lfact[i - 1] + log(i)
      printf "WEAK: %d of %d (%.1f%%); P(>= %d) at 1%% = %.3f", w, n, 100 * w / n, w, tail(w, n, 0.01)
      if (rn > 0) printf "; reference %d of %d, Fisher p = %.2f", rw, rn, fisher(w, n, rw, rn)
      printf "\noutside [.01, .99]: %d of %d (%.1f%%); P(>= %d) at 2%% = %.3f", x, n, 100 * x / n, x, tail(x, n, 0.02)
      if (rn > 0) printf "; reference %d of %d, Fisher p = %.2f", rx, rn, fisher(x, n, rx, rn)
      printf "\n" }' "$work/pooled"
}
if [ $# -gt 1 ]; then rates; fi
