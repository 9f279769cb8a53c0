#!/usr/bin/env python3
"""Prints benchmark JSON lines of several engines side by side.

Reads files of JSON lines ({"name", "metric", "value", "unit"}) written by `support-desk-benchmarks` and
`baselines.py`. A name is `<engine>.<suite>` (`search.tickets.100k`, `tantivy.tickets.100k`,
`fts5.suggest`); rows are (suite, metric), columns are engines, in the order given by --engines.

usage: compare.py [--engines search,tantivy,fts5] [--markdown] [--only REGEX] FILE...
"""

import argparse
import json
import re
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--engines", default="search,tantivy,fts5")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table (for Documentation/)")
    parser.add_argument("--only", help="keep rows whose 'suite metric' matches this regular expression")
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    engines = arguments.engines.split(",")
    rows = {}  # (suite, metric) -> {engine: (value, unit)}
    order = []
    for path in arguments.files:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if not line.startswith("{"):
                    continue
                try:
                    record = json.loads(line)
                    engine, suite = record["name"].split(".", 1)
                except (json.JSONDecodeError, KeyError, ValueError):
                    continue
                if engine not in engines:
                    continue
                key = (suite, record["metric"])
                if arguments.only and not re.search(arguments.only, f"{suite} {record['metric']}"):
                    continue
                if key not in rows:
                    rows[key] = {}
                    order.append(key)
                rows[key][engine] = (record["value"], record.get("unit", ""))
    if not rows:
        print("compare.py: no measurements found", file=sys.stderr)
        return 1
    # Group rows by suite (in order of first appearance), keeping each suite's metrics in their order.
    suites = list(dict.fromkeys(suite for suite, _ in order))
    order.sort(key=lambda key: suites.index(key[0]))
    if arguments.markdown:
        print("| suite | metric | " + " | ".join(engines) + " | unit |")
        print("|---|---|" + "---:|" * len(engines) + "---|")
        for suite, metric in order:
            cells = rows[(suite, metric)]
            unit = next(iter(cells.values()))[1]
            values = " | ".join(format_value(cells[e][0]) if e in cells else "—" for e in engines)
            print(f"| {suite} | {metric} | {values} | {unit} |")
        return 0
    width = max(len(f"{suite}  {metric}") for suite, metric in order) + 2
    print(f"{'suite  metric':<{width}}" + "".join(f"{engine:>14}" for engine in engines) + "  unit")
    previous = None
    for suite, metric in order:
        if previous is not None and suite != previous:
            print()
        previous = suite
        cells = rows[(suite, metric)]
        unit = next(iter(cells.values()))[1]
        values = "".join(f"{format_value(cells[e][0]) if e in cells else '—':>14}" for e in engines)
        print(f"{suite + '  ' + metric:<{width}}{values}  {unit}")
    return 0


def format_value(value):
    if value == 0:
        return "0"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.4f}"


if __name__ == "__main__":
    sys.exit(main())
