#!/usr/bin/env bash
# Runs SupportDesk's search benchmarks and the tantivy / SQLite FTS5 baselines on the same generated
# tickets and queries, and prints the numbers side by side.
#
#   Benchmarks/run-search-comparison.sh           # 10k and 100k tickets
#   Benchmarks/run-search-comparison.sh --large   # also 1M tickets (minutes, several GB of memory)
#   Benchmarks/run-search-comparison.sh --quick   # 10k tickets, fewer baseline queries: a check in ~30 s
#
# Steps: release build of support-desk-benchmarks; `--export-corpus` writes the corpus (tickets.jsonl,
# queries.jsonl) to .build/search-corpus; the Swift benchmarks `search.*` run; Scripts/baselines.py runs
# tantivy and FTS5 (tantivy is installed into Benchmarks/.venv from Scripts/requirements.txt when the
# python3 on PATH does not have it); Scripts/compare.py prints the table. Raw JSON lines stay in
# .build/search-comparison/*.jsonl. Everything runs on one core at a time (no parallel steps).
set -euo pipefail
cd "$(dirname "$0")"

large=""
quick=""
tickets=100000
for argument in "$@"; do
    case "$argument" in
        --large) large="--large"; tickets=1000000 ;;
        --quick) quick=1; tickets=10000 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "unknown argument $argument (see --help)" >&2; exit 2 ;;
    esac
done

corpus=.build/search-corpus
results=.build/search-comparison
mkdir -p "$results"

echo "== building support-desk-benchmarks (release)" >&2
swift build -c release --product support-desk-benchmarks >&2
binary="$(swift build -c release --show-bin-path)/support-desk-benchmarks"

echo "== exporting $tickets tickets and the query set to $corpus" >&2
"$binary" --export-corpus "$corpus" --tickets "$tickets"

python=python3
if ! "$python" -c 'import tantivy' 2>/dev/null; then
    if [ ! -x .venv/bin/python ]; then
        echo "== installing tantivy into Benchmarks/.venv" >&2
        python3 -m venv .venv
        .venv/bin/pip install --quiet -r Scripts/requirements.txt
    fi
    python=.venv/bin/python
fi

echo "== SupportDesk search benchmarks" >&2
if [ -n "$quick" ]; then
    : > "$results/search.jsonl"
    for name in search.tickets.10k search.suggest search.eval.dev; do
        "$binary" --filter "$name" | tee -a "$results/search.jsonl"
    done
else
    "$binary" --filter search. $large | tee "$results/search.jsonl"
fi

echo "== tantivy and SQLite FTS5 baselines" >&2
if [ -n "$quick" ]; then
    "$python" Scripts/baselines.py --corpus "$corpus" --sizes 10000 --queries-per-kind 200 --repeats 1 --passes 1 \
        | tee "$results/baselines.jsonl"
else
    "$python" Scripts/baselines.py --corpus "$corpus" --sizes 10000,100000 | tee "$results/baselines.jsonl"
fi
if [ -n "$large" ]; then
    # FTS5 takes ~0.1 s per OR query at 1M tickets: 200 queries of each kind, one timed run each.
    "$python" Scripts/baselines.py --corpus "$corpus" --sizes 1000000 --skip-suggest \
        --queries-per-kind 200 --repeats 1 --passes 1 | tee -a "$results/baselines.jsonl"
fi

echo
echo "== side by side ($(nproc) cores, $(uname -m), $(swift --version 2>/dev/null | head -1))"
"$python" Scripts/compare.py "$results/search.jsonl" "$results/baselines.jsonl"
