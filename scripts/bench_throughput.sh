#!/usr/bin/env bash
# Whole-process throughput of the `dyad` binary (the "Whole process" and "Model sizes and load
# time" sections of BENCHMARKS.md).
#
# It builds the release binary, builds the fixed throughput corpus (every UD English-EWT sentence
# plus the gold-set sentences, 20 per document, repeated REPEAT times; see scripts/make_corpus.py,
# which at the time of writing finds no gold files, as BENCHMARKS.md notes),
# then measures with GNU time (`/usr/bin/time -v`):
#   1. `dyad code` on the corpus with --threads 1 and --threads 2: wall time, sentences/s, peak RSS;
#   2. `dyad parse` on one thread over the EWT test text (one sentence per paragraph, PARSE_REPEAT
#      copies): tokens/s;
#   3. process startup + model load: `dyad parse` and `dyad code` on a one-line input, under
#      hyperfine when it is installed, otherwise a loop of STARTUP_RUNS runs;
# and prints the model and binary sizes.
#
# GNU time is not always installed (the shell's `time` keyword cannot report memory): when
# /usr/bin/time is missing, this script installs the Debian/Ubuntu package `time` with apt-get.
#
# Usage: scripts/bench_throughput.sh            (from anywhere; paths are relative to the repo)
# Environment: UD (default ../shared/ud/en_ewt), REPEAT (2), PARSE_REPEAT (4), STARTUP_RUNS (10),
#              CARGO_TARGET_DIR (default target). The data under ../shared is read only here, to
#              build the corpus; nothing is copied into the repository.
# Results are printed and also written to bench/out/throughput.txt.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
UD="${UD:-../shared/ud/en_ewt}"
REPEAT="${REPEAT:-2}"
PARSE_REPEAT="${PARSE_REPEAT:-4}"
STARTUP_RUNS="${STARTUP_RUNS:-10}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
DYAD="$TARGET/release/dyad"
OUT="bench/out"
mkdir -p "$OUT"
REPORT="$OUT/throughput.txt"
: > "$REPORT"

say() { echo "$*" | tee -a "$REPORT"; }

if [ ! -x /usr/bin/time ]; then
    echo "GNU time (/usr/bin/time) is missing: installing the 'time' package with apt-get" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y time >&2; else sudo apt-get install -y time >&2; fi
fi

# Prints "<wall seconds> <peak RSS kB> <user+system CPU seconds>" from a GNU time -v log. The CPU
# time matters on a shared machine: when other work holds the cores, wall time grows but CPU time
# does not, so sentences per CPU-second is the steadier figure.
time_stats() {
    awk -F': ' '
        /Elapsed \(wall clock\) time/ {
            n = split($2, p, ":"); s = 0
            for (i = 1; i <= n; i++) s = s * 60 + p[i]
            wall = s
        }
        /Maximum resident set size/ { rss = $2 }
        /User time \(seconds\)|System time \(seconds\)/ { cpu += $2 }
        END { printf "%.3f %d %.2f\n", wall, rss, cpu }' "$1"
}

echo "building release binary..." >&2
cargo build --release -p dyad-cli >&2

say "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
say "load average before runs: $(cut -d' ' -f1-3 /proc/loadavg)"
say "binary: $DYAD ($(stat -c %s "$DYAD") bytes)"
# The models as they were when the binary was built (other work may retrain them later).
say "== embedded model sizes =="
for f in crates/dyad-nlp/models/*.bin; do
    say "$(stat -c '%s' "$f") bytes  $f  (sha256 $(sha256sum "$f" | cut -c1-12), modified $(date -u -r "$f" +%Y-%m-%dT%H:%MZ))"
done
say "$(du -cb crates/dyad-dict/data/*.txt | tail -n1 | cut -f1) bytes  crates/dyad-dict/data/*.txt (embedded dictionaries)"

echo "building corpus (REPEAT=$REPEAT)..." >&2
python3 scripts/make_corpus.py --ud "$UD" --repeat "$REPEAT" > "$OUT/corpus.jsonl" 2> "$OUT/corpus.log"
say "corpus: $OUT/corpus.jsonl, $(cat "$OUT/corpus.log"), $(stat -c %s "$OUT/corpus.jsonl") bytes"

say ""
say "== dyad code =="
for threads in 1 2; do
    log="$OUT/code-t$threads.time"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -v -o "$log" "$DYAD" code "$OUT/corpus.jsonl" --threads "$threads" -o /dev/null 2> "$OUT/code-t$threads.err"
    read -r wall rss cpu < <(time_stats "$log")
    summary="$(grep 'sentences/s' "$OUT/code-t$threads.err" | tail -n1)"
    sentences="$(echo "$summary" | sed -n 's/.* \([0-9][0-9]*\) sentences,.*/\1/p')"
    reported="$(echo "$summary" | sed -n 's/.*(\([0-9.]*\) sentences\/s).*/\1/p')"
    per_wall="$(awk -v n="$sentences" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')"
    per_cpu="$(awk -v n="$sentences" -v c="$cpu" 'BEGIN { printf "%.0f", n / c }')"
    say "threads=$threads: $sentences sentences, wall ${wall} s, ${per_wall} sentences/s (wall), ${reported} sentences/s (dyad summary), CPU ${cpu} s (${per_cpu} sentences per CPU-second), peak RSS $((rss / 1024)) MiB, 1-min load before: $load"
    say "  command: /usr/bin/time -v $DYAD code $OUT/corpus.jsonl --threads $threads -o /dev/null"
    say "  summary: $summary"
done

say ""
say "== dyad parse, 1 thread, EWT test text =="
# One sentence per paragraph, so that dyad splits no more than the treebank does.
test_conllu="$(ls "$UD"/*-ud-test.conllu | head -n1)"
: > "$OUT/ewt-test.txt"
for _ in $(seq "$PARSE_REPEAT"); do
    sed -n 's/^# text = //p' "$test_conllu" | awk '{ print $0; print "" }' >> "$OUT/ewt-test.txt"
done
log="$OUT/parse.time"
/usr/bin/time -v -o "$log" "$DYAD" parse --threads 1 --format conllu "$OUT/ewt-test.txt" > "$OUT/ewt-test.conllu"
read -r wall rss cpu < <(time_stats "$log")
# Word lines only (an integer ID); dyad writes no multiword-token ranges, but skip them if it does.
tokens="$(awk -F'\t' '$1 ~ /^[0-9]+$/' "$OUT/ewt-test.conllu" | wc -l)"
say "input: $test_conllu text, $PARSE_REPEAT copies, $(stat -c %s "$OUT/ewt-test.txt") bytes"
say "$tokens tokens, wall ${wall} s, $(awk -v n="$tokens" -v w="$wall" 'BEGIN { printf "%.0f", n / w }') tokens/s (wall, including startup), CPU ${cpu} s ($(awk -v n="$tokens" -v c="$cpu" 'BEGIN { printf "%.0f", n / c }') tokens per CPU-second), peak RSS $((rss / 1024)) MiB"
say "  command: /usr/bin/time -v $DYAD parse --threads 1 --format conllu $OUT/ewt-test.txt > $OUT/ewt-test.conllu"

say ""
say "== startup + model load =="
# `dyad parse` loads the tagger, lemmatizer and parser; `dyad code` also parses the embedded
# dictionaries and builds the coder. Each is timed on a one-line input.
echo "The minister met the ambassador in Cairo on Monday." > "$OUT/one-line.txt"
echo '{"id": "one", "date": "2010-06-15", "text": "The minister met the ambassador in Cairo on Monday."}' > "$OUT/one-line.jsonl"
startup() {
    local label="$1"
    shift
    if command -v hyperfine > /dev/null; then
        hyperfine --warmup 2 --runs "$STARTUP_RUNS" --output null "$*" | tee -a "$REPORT"
        say "  command: hyperfine --warmup 2 --runs $STARTUP_RUNS --output null '$*'"
    else
        "$@" > /dev/null 2>&1 # warm the page cache
        local times="$OUT/startup-$label.times"
        : > "$times"
        for _ in $(seq "$STARTUP_RUNS"); do
            local start end
            start="$(date +%s.%N)"
            "$@" > /dev/null 2>&1
            end="$(date +%s.%N)"
            awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f\n", b - a }' >> "$times"
        done
        say "$label: $(sort -n "$times" | awk '{ t[NR] = $1; s += $1 } END {
            printf "%d runs: mean %.0f ms, min %.0f ms, median %.0f ms, max %.0f ms", NR, 1000 * s / NR, 1000 * t[1], 1000 * t[int((NR + 1) / 2)], 1000 * t[NR] }')"
        say "  command: loop of $STARTUP_RUNS runs of '$*' (hyperfine not installed)"
    fi
    /usr/bin/time -v -o "$OUT/startup-$label.time" "$@" > /dev/null 2>&1
    read -r _ rss _ < <(time_stats "$OUT/startup-$label.time")
    say "  peak RSS of one run: $((rss / 1024)) MiB"
}
startup parse "$DYAD" parse --threads 1 "$OUT/one-line.txt"
startup code "$DYAD" code --threads 1 -q "$OUT/one-line.jsonl" -o /dev/null
