#!/usr/bin/env bash
# Benchmark: asyncfix against ruff on the same Python files (DESIGN §7).
#
#   Benchmarks/run.sh [DIR]        default: CPython 3.13's standard library, without site-packages
#   RUNS=5 ROUNDS=5 Benchmarks/run.sh
#
# Prints the file set (files, bytes), the parse-only throughput of PythonSyntax in MB/s per core
# (lexing + parsing, one thread, files already in memory, median of ROUNDS rounds), then for
# `asyncfix check` and `ruff check --no-cache --select ASYNC` the median over RUNS runs of CPU
# seconds (user + sys), wall seconds and peak resident memory, and asyncfix/ruff ratios. The
# tools' runs alternate.
# Both tools get the same explicit list of files, after `--` (asyncfix reads paths after it
# without its argument parser, which is quadratic in the number of paths); output to /dev/null.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

dir="${1:-/root/.pyenv/versions/3.13.0/lib/python3.13}"
runs="${RUNS:-5}"
rounds="${ROUNDS:-5}"
[[ -d "$dir" ]] || { echo "error: $dir: not a directory" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The file set: every *.py below DIR, without site-packages, in a stable order.
find "$dir" -name site-packages -prune -o -type f -name '*.py' -print | LC_ALL=C sort > "$work/files"
file_count=$(wc -l < "$work/files")
byte_count=$(tr '\n' '\0' < "$work/files" | xargs -0 cat | wc -c)
[[ "$file_count" -gt 0 ]] || { echo "error: no .py files under $dir" >&2; exit 2; }
mapfile -t files < "$work/files"

echo "== building asyncfix (release)"
swift build -c release --scratch-path .build-release --product asyncfix 2>&1 | tail -n 1
swift build -c release --scratch-path .build-release --product asyncfix-bench 2>&1 | tail -n 1
bin="$(swift build -c release --scratch-path .build-release --show-bin-path)"

if [[ ! -x Benchmarks/.venv/bin/ruff ]]; then
  echo "== installing ruff into Benchmarks/.venv"
  python3 -m venv Benchmarks/.venv
  Benchmarks/.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
  Benchmarks/.venv/bin/python -m pip install --quiet ruff
fi
ruff="$root/Benchmarks/.venv/bin/ruff"

if [[ ! -x /usr/bin/time ]]; then
  echo "== installing GNU time"
  apt-get update >/dev/null && apt-get install -y time >/dev/null
fi

median() { LC_ALL=C sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# sample NAME COMMAND...: runs the command once, appends user+sys, wall and max RSS (KB) to
# NAME's samples.
sample() {
  local name="$1"; shift
  local status=0
  /usr/bin/time -f '%U %S %e %M' -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || status=$?
  if (( status > 1 )); then
    echo "warning: $name exited $status: $(head -c 300 "$work/stderr")" >&2
  fi
  # GNU time writes "Command exited with non-zero status N" first: the figures are the last line.
  tail -n 1 "$work/time" | awk '{ printf "%.3f %.3f %d\n", $1 + $2, $3, $4 }' >> "$work/$name.samples"
}

# summarise NAME: the medians of NAME's samples.
summarise() {
  local name="$1"
  cpu[$name]=$(cut -d' ' -f1 "$work/$name.samples" | median)
  wall[$name]=$(cut -d' ' -f2 "$work/$name.samples" | median)
  rss[$name]=$(cut -d' ' -f3 "$work/$name.samples" | median)
}

declare -A cpu wall rss
echo "== measuring ($runs runs each)"
# The two tools take turns, run by run: on a shared machine the load drifts, and turns give
# both the same share of it (all of one tool's runs, then all of the other's, did not).
: > "$work/asyncfix.samples"
: > "$work/ruff.samples"
for ((run = 0; run < runs; run++)); do
  sample asyncfix "$bin/asyncfix" check --quiet --color never -- "${files[@]}"
  sample ruff "$ruff" check --no-cache --isolated --select ASYNC --output-format concise -- "${files[@]}"
done
summarise asyncfix
summarise ruff

echo "== parse-only throughput ($rounds rounds)"
"$bin/asyncfix-bench" --rounds "$rounds" "$work/files" | tee "$work/parse"
parse_rate=$(sed -n 's/.*mb_per_s_per_core=\([0-9.]*\).*/\1/p' "$work/parse")

echo
echo "files:   $file_count (under $dir, without site-packages)"
echo "bytes:   $byte_count ($(awk -v b="$byte_count" 'BEGIN { printf "%.1f", b / 1e6 }') MB)"
echo "cores:   $(nproc)"
echo "asyncfix $("$bin/asyncfix" --version), $("$ruff" --version)"
echo "parse-only throughput: $parse_rate MB/s per core"
echo
printf '%-36s %10s %10s %14s\n' "command (median of $runs)" "CPU s" "wall s" "peak RSS MB"
for name in asyncfix ruff; do
  label="asyncfix check"
  [[ $name == ruff ]] && label="ruff check --select ASYNC"
  printf '%-36s %10.3f %10.3f %14.1f\n' "$label" "${cpu[$name]}" "${wall[$name]}" "$(awk -v k="${rss[$name]}" 'BEGIN { print k / 1024 }')"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
printf '%-36s %10s %10s %14s\n' "ratio asyncfix / ruff" "$(ratio "${cpu[asyncfix]}" "${cpu[ruff]}")" \
  "$(ratio "${wall[asyncfix]}" "${wall[ruff]}")" "$(ratio "${rss[asyncfix]}" "${rss[ruff]}")"
