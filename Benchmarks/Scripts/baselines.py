#!/usr/bin/env python3
"""Baselines for SupportDesk search: tantivy and SQLite FTS5 on the same tickets and queries.

Reads the corpus written by `support-desk-benchmarks --export-corpus DIR` (tickets.jsonl, queries.jsonl),
builds a tantivy index (Russian Snowball stemmer and stop words, like Lucene's RussianAnalyzer) and a
SQLite FTS5 table (`unicode61 remove_diacritics 2`), and prints the same JSON lines as the Swift benchmarks
(`{"metric": ..., "name": ..., "unit": ..., "value": ...}`), with names starting `tantivy.` and `fts5.`:

  <engine>.tickets.<size>  build (tickets/s), memory.rss_per_ticket (bytes),
                           query.<kind>.p50 / .p99 (ms), query.<kind>.topic_hit@10 (ratio)
                           for the kinds plain, typo, prefix, layout
  <engine>.suggest         latency.p50 / latency.p99 (us) over every query of queries.jsonl,
                           latency.<kind>.p99; the catalog's topics indexed as documents;
                           generated.recall@3 (and per kind): the query's source topic in the top 3
  <engine>.eval.dev        mrr, recall@1, recall@3 (and per kind) on the search-eval dev set

How each engine is asked (the best a developer would configure, told the kind of query where it helps):
  tantivy  terms from its analyzer, OR-ed over summary^2, description, comments; `typo` queries use fuzzy
           terms (Levenshtein 1, transposition 1) for words of 5+ letters; `prefix` queries make the last
           word a prefix term. It has no keyboard-layout or transliteration repair.
  fts5     words OR-ed, ranked by bm25 (summary 2, description 1, comments 1); `prefix` queries end with
           `word*` (prefix index on 3 and 4 characters). No stemmer for Russian, no typo tolerance.
           `query.plain_and.*` also times the plain queries with FTS5's default (all words required).
  Topic suggestion does not know the kind: tantivy gets exact + fuzzy (5+ letters) + last-word prefix terms
  over title^3, keywords^2, description (Russian and English fields with their stemmers); FTS5 gets the
  words OR-ed with the last one as a prefix, bm25 weights title 3, keywords 2, description 1.

One core: tantivy's writer runs one thread; queries run one at a time. Times are CPU time of the process
(`build`: tickets per CPU second, all threads; `build.wall`: per wall-clock second), each query the best of
3 runs after one untimed run, as in the Swift benchmarks (the machine is shared: wall-clock tails there
measure the scheduler). Times include the Python binding's overhead for building a query and collecting
the top 10 (fetching stored fields is not timed).

usage: baselines.py --corpus DIR [--sizes 10000,100000] [--engines tantivy,fts5] [--repeats 3] [--passes 3]
                    [--queries-per-kind N] [--skip-tickets | --skip-suggest]
                    [--eval ../shared/search-eval/dev.jsonl] [--catalog Sources/.../twin-help-center.json]
"""

import argparse
import gc
import json
import os
import re
import sqlite3
import sys
import time

try:
    import tantivy
except ImportError:  # reported per engine below
    tantivy = None

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_CATALOG = os.path.join(REPO, "Sources", "SupportDesk", "Resources", "twin-help-center.json")
DEFAULT_EVAL = os.path.join(REPO, "..", "shared", "search-eval", "dev.jsonl")
TICKET_KINDS = ["plain", "typo", "prefix", "layout"]
# Extra runs of one engine: (kind as reported, kind of the generated queries it uses).
EXTRA_KINDS = {"fts5": [("plain_and", "plain")]}
WORD = re.compile(r"\w+", re.UNICODE)


# ----------------------------------------------------------------------------------------------- output

def emit(name, metric, value, unit):
    """Prints one measurement the way the Swift harness does (sorted keys, compact)."""
    line = {"metric": metric, "name": name, "unit": unit, "value": round(float(value), 6)}
    print(json.dumps(line, sort_keys=True, ensure_ascii=False, separators=(",", ":")), flush=True)


def percentile(samples, p):
    """The p-th percentile by the nearest-rank method (as the Swift harness computes it)."""
    if not samples:
        return 0.0
    ordered = sorted(samples)
    # ceil(p/100 * n) - 1 in integers (p is a whole number of percent)
    rank = max(0, min(len(ordered) - 1, -(-(p * len(ordered)) // 100) - 1))
    return ordered[rank]


def size_label(count):
    """10000 -> 10k, 100000 -> 100k, 1000000 -> 1m (the Swift benchmarks' names)."""
    if count % 1_000_000 == 0:
        return f"{count // 1_000_000}m"
    if count % 1000 == 0:
        return f"{count // 1000}k"
    return str(count)


def rss_bytes():
    """Resident set size of this process (Linux /proc/self/statm), 0 elsewhere."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def fail(message):
    print(f"baselines.py: {message}", file=sys.stderr)
    sys.exit(2)


# ----------------------------------------------------------------------------------------------- input

def read_jsonl(path, limit=None):
    rows = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if limit is not None and len(rows) >= limit:
                    break
                line = line.strip()
                if not line:
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as error:
                    fail(f"{path}:{number}: not JSON: {error}")
    except OSError as error:
        fail(f"cannot read {path}: {error}")
    return rows


def catalog_topics(path):
    """The catalog's topics as documents: id, category, title/description/keywords in ru and en."""
    try:
        with open(path, encoding="utf-8") as handle:
            catalog = json.load(handle)
    except (OSError, json.JSONDecodeError) as error:
        fail(f"cannot read the catalog {path}: {error}")
    topics = []
    for category in catalog.get("categories", []):
        for topic in category.get("topics", []):
            keywords = topic.get("keywords", {})
            topics.append({
                "id": topic["id"],
                "category": category["id"],
                "title_ru": topic["title"].get("ru", ""),
                "title_en": topic["title"].get("en", ""),
                "description_ru": topic["description"].get("ru", ""),
                "description_en": topic["description"].get("en", ""),
                "keywords_ru": " ; ".join(keywords.get("ru", [])),
                "keywords_en": " ; ".join(keywords.get("en", [])),
            })
    if not topics:
        fail(f"the catalog {path} has no topics")
    return topics


def words(text):
    return WORD.findall(text.lower())


# ----------------------------------------------------------------------------------------------- quality

def evaluate(name, rank, queries):
    """MRR, Recall@1 and Recall@3 overall and per kind; `rank(q)` returns topic ids best first."""
    by_kind = {}
    totals = {"mrr": 0.0, "r1": 0, "r3": 0}
    for query in queries:
        ranked = rank(query["q"])[:10]
        accepted = set(query["topics"])
        reciprocal = 0.0
        for position, topic in enumerate(ranked, 1):
            if topic in accepted:
                reciprocal = 1.0 / position
                break
        stats = by_kind.setdefault(query.get("kind", "?"), {"n": 0, "mrr": 0.0, "r1": 0, "r3": 0})
        for bucket in (totals, stats):
            bucket["mrr"] += reciprocal
            bucket["r1"] += reciprocal == 1.0
            bucket["r3"] += reciprocal >= 1.0 / 3
        stats["n"] += 1
    count = max(1, len(queries))
    emit(name, "mrr", totals["mrr"] / count, "ratio")
    emit(name, "recall@1", totals["r1"] / count, "ratio")
    emit(name, "recall@3", totals["r3"] / count, "ratio")
    for kind in sorted(by_kind):
        stats = by_kind[kind]
        emit(name, f"mrr.{kind}", stats["mrr"] / stats["n"], "ratio")
        emit(name, f"recall@3.{kind}", stats["r3"] / stats["n"], "ratio")


REPEATS = 3
PASSES = 3


def time_queries(run, texts, repeats=None, passes=None):
    """Each query's CPU time (seconds): its best over `passes` passes over all the queries, each pass timing
    `repeats` runs of every query after one untimed run.

    CPU time of the process (all threads), not wall-clock time: the machine is shared, and wall-clock
    latencies there mostly measure the scheduler. A query's runs are spread over the passes so that a slow
    phase of the machine does not cover all of them. The Swift benchmarks measure the same way
    (CPUTime.bestOfPasses in CPUTime.swift).
    """
    repeats = REPEATS if repeats is None else repeats
    passes = PASSES if passes is None else passes
    samples = [None] * len(texts)
    clock = time.process_time_ns
    gc.collect()
    gc.disable()  # no collector pauses inside the timed loop (the Swift side has none either)
    try:
        for _ in range(max(1, passes)):
            for position, text in enumerate(texts):
                run(text)
                best = samples[position]
                for _ in range(max(1, repeats)):
                    start = clock()
                    run(text)
                    elapsed = clock() - start
                    best = elapsed if best is None else min(best, elapsed)
                samples[position] = best
    finally:
        gc.enable()
    return [sample / 1e9 for sample in samples]


# ----------------------------------------------------------------------------------------------- tantivy

class Tantivy:
    name = "tantivy"

    def __init__(self):
        self.ru, self.en = self.analyzer("russian"), self.analyzer("english")

    @staticmethod
    def analyzer(language):
        """Lucene's RussianAnalyzer / EnglishAnalyzer in tantivy: words, lowercase, stop words, Snowball."""
        return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                .filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
                .filter(tantivy.Filter.stopword(language)).filter(tantivy.Filter.stemmer(language)).build())

    def _index(self, schema):
        index = tantivy.Index(schema)  # in RAM, like the Swift index
        index.register_tokenizer("ru_stem", self.analyzer("russian"))
        index.register_tokenizer("en_stem", self.analyzer("english"))
        return index

    # Ticket search ------------------------------------------------------------------------------

    TICKET_FIELDS = (("summary", 2.0), ("description", 1.0), ("comments", 1.0))

    def build_tickets(self, tickets):
        builder = tantivy.SchemaBuilder()
        builder.add_unsigned_field("doc", stored=True)
        for field, _ in self.TICKET_FIELDS:
            builder.add_text_field(field, tokenizer_name="ru_stem")
        self.schema = builder.build()
        self.index = self._index(self.schema)
        writer = self.index.writer(heap_size=200_000_000, num_threads=1)
        for number, ticket in enumerate(tickets):
            writer.add_document(tantivy.Document(
                doc=number, summary=ticket["summary"], description=ticket["description"],
                comments="\n".join(ticket["comments"])))
        writer.commit()
        writer.wait_merging_threads()
        del writer
        self.index.reload()
        self.searcher = self.index.searcher()

    def _terms(self, fields, analyzer_for, text, fuzzy=False, prefix_last=False, fuzzy_min=5):
        query = tantivy.Query
        raw = words(text)
        clauses = []
        for field, boost in fields:
            analyzer = analyzer_for(field)
            tokens = analyzer.analyze(" ".join(raw[:-1]) if prefix_last else text)
            for token in tokens:
                clauses.append(query.boost_query(query.term_query(self.schema, field, token), boost))
                if fuzzy and len(token) >= fuzzy_min:
                    clauses.append(query.boost_query(
                        query.fuzzy_term_query(self.schema, field, token, distance=1, transposition_cost_one=True),
                        boost * 0.5))
            if prefix_last and raw:
                # The stemmer folds ё to е in whole words; do the same for the unfinished one.
                unfinished = raw[-1].replace("ё", "е")
                clauses.append(query.boost_query(
                    query.fuzzy_term_query(self.schema, field, unfinished, distance=0, prefix=True), boost * 0.5))
        if not clauses:
            return query.empty_query()
        return query.boolean_query([(tantivy.Occur.Should, clause) for clause in clauses])

    def ticket_query(self, kind, text):
        q = self._terms(self.TICKET_FIELDS, lambda _: self.ru, text,
                        fuzzy=kind == "typo", prefix_last=kind == "prefix")
        return [address for _, address in self.searcher.search(q, limit=10, count=False).hits]

    def ticket_numbers(self, addresses):
        return [self.searcher.doc(address)["doc"][0] for address in addresses]

    # Topic suggestion --------------------------------------------------------------------------

    TOPIC_FIELDS = (("title_ru", 3.0), ("keywords_ru", 2.0), ("description_ru", 1.0),
                    ("title_en", 3.0), ("keywords_en", 2.0), ("description_en", 1.0))

    def build_topics(self, topics):
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        for field, _ in self.TOPIC_FIELDS:
            builder.add_text_field(field, tokenizer_name="ru_stem" if field.endswith("_ru") else "en_stem")
        self.schema = builder.build()
        self.index = self._index(self.schema)
        writer = self.index.writer(heap_size=50_000_000, num_threads=1)
        for topic in topics:
            writer.add_document(tantivy.Document(**{key: topic[key] for key in ["id"] + [f for f, _ in self.TOPIC_FIELDS]}))
        writer.commit()
        writer.wait_merging_threads()
        del writer
        self.index.reload()
        self.searcher = self.index.searcher()

    def suggest(self, text):
        q = self._terms(self.TOPIC_FIELDS, lambda field: self.ru if field.endswith("_ru") else self.en, text,
                        fuzzy=True, prefix_last=True)
        return self.searcher.search(q, limit=10, count=False).hits

    def suggest_topics(self, text):
        return [self.searcher.doc(address)["id"][0] for _, address in self.suggest(text)]


# ----------------------------------------------------------------------------------------------- FTS5

def fts5_match(text, prefix_last, conjunction=False):
    """An FTS5 MATCH expression: the words quoted and OR-ed (AND-ed: FTS5's default), the last one a prefix
    when asked."""
    tokens = words(text)
    if not tokens:
        return None
    quoted = ['"' + token.replace('"', '""') + '"' for token in tokens]
    if prefix_last:
        quoted[-1] += "*"
    return (" AND " if conjunction else " OR ").join(quoted)


class FTS5:
    name = "fts5"

    def build_tickets(self, tickets):
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE tickets USING fts5(summary, description, comments, "
            "tokenize='unicode61 remove_diacritics 2', prefix='3 4')")
        with self.db:
            self.db.executemany(
                "INSERT INTO tickets(rowid, summary, description, comments) VALUES (?, ?, ?, ?)",
                ((number + 1, t["summary"], t["description"], "\n".join(t["comments"]))
                 for number, t in enumerate(tickets)))
        self.db.execute("INSERT INTO tickets(tickets) VALUES ('optimize')")

    def ticket_query(self, kind, text):
        expression = fts5_match(text, prefix_last=kind == "prefix", conjunction=kind == "plain_and")
        if expression is None:
            return []
        return [row[0] for row in self.db.execute(
            "SELECT rowid FROM tickets WHERE tickets MATCH ? ORDER BY bm25(tickets, 2.0, 1.0, 1.0) LIMIT 10",
            (expression,))]

    def ticket_numbers(self, rowids):
        return [rowid - 1 for rowid in rowids]

    def index_bytes(self):
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        return pages * self.db.execute("PRAGMA page_size").fetchone()[0]

    def build_topics(self, topics):
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE topics USING fts5(id UNINDEXED, title, keywords, description, "
            "tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')")
        with self.db:
            self.db.executemany(
                "INSERT INTO topics(id, title, keywords, description) VALUES (?, ?, ?, ?)",
                ((t["id"], t["title_ru"] + " \n" + t["title_en"], t["keywords_ru"] + " \n" + t["keywords_en"],
                  t["description_ru"] + " \n" + t["description_en"]) for t in topics))

    def suggest(self, text):
        expression = fts5_match(text, prefix_last=True)
        if expression is None:
            return []
        return self.db.execute(
            "SELECT id FROM topics WHERE topics MATCH ? ORDER BY bm25(topics, 0.0, 3.0, 2.0, 1.0) LIMIT 10",
            (expression,)).fetchall()

    def suggest_topics(self, text):
        return [row[0] for row in self.suggest(text)]


# ----------------------------------------------------------------------------------------------- runs

def run_tickets(engine, tickets, queries, size, per_kind=0):
    name = f"{engine.name}.tickets.{size_label(size)}"
    subset = tickets[:size]
    gc.collect()
    before = rss_bytes()
    cpu_start = time.process_time()
    start = time.perf_counter()
    engine.build_tickets(subset)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    gc.collect()
    emit(name, "build", size / cpu_seconds, "tickets/s")
    emit(name, "build.wall", size / seconds, "tickets/s")
    emit(name, "memory.rss_per_ticket", (rss_bytes() - before) / size, "bytes")
    if hasattr(engine, "index_bytes"):
        emit(name, "memory.index_per_ticket", engine.index_bytes() / size, "bytes")
    for kind, source in [(k, k) for k in TICKET_KINDS] + EXTRA_KINDS.get(engine.name, []):
        of_kind = [q for q in queries if q["kind"] == source]
        if per_kind > 0:
            of_kind = of_kind[:per_kind]
        if not of_kind:
            continue
        texts = [q["q"] for q in of_kind]
        samples = time_queries(lambda text: engine.ticket_query(kind, text), texts)
        emit(name, f"query.{kind}.p50", percentile(samples, 50) * 1000, "ms")
        emit(name, f"query.{kind}.p99", percentile(samples, 99) * 1000, "ms")
        hits = 0
        for query in of_kind:
            numbers = engine.ticket_numbers(engine.ticket_query(kind, query["q"]))
            hits += any(subset[number]["topic"] == query["topic"] for number in numbers)
        emit(name, f"query.{kind}.topic_hit@10", hits / len(of_kind), "ratio")


def run_suggest(engine, topics, queries, dev):
    engine.build_topics(topics)
    texts = [q["q"] for q in queries]
    samples = time_queries(engine.suggest, texts)
    name = f"{engine.name}.suggest"
    emit(name, "latency.p50", percentile(samples, 50) * 1e6, "us")
    emit(name, "latency.p99", percentile(samples, 99) * 1e6, "us")
    for kind in dict.fromkeys(q["kind"] for q in queries):
        of_kind = [sample for sample, q in zip(samples, queries) if q["kind"] == kind]
        emit(name, f"latency.{kind}.p99", percentile(of_kind, 99) * 1e6, "us")
    found = {}
    for query in queries:
        found.setdefault(query["kind"], []).append(query["topic"] in engine.suggest_topics(query["q"])[:3])
    emit(name, "generated.recall@3", sum(sum(v) for v in found.values()) / max(1, len(queries)), "ratio")
    for kind, flags in found.items():
        emit(name, f"generated.recall@3.{kind}", sum(flags) / len(flags), "ratio")
    if dev:
        evaluate(f"{engine.name}.eval.dev", engine.suggest_topics, dev)


def main():
    global REPEATS, PASSES
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="directory written by --export-corpus")
    parser.add_argument("--sizes", default="10000,100000", help="ticket counts, comma-separated")
    parser.add_argument("--engines", default="tantivy,fts5")
    parser.add_argument("--catalog", default=DEFAULT_CATALOG)
    parser.add_argument("--eval", default=DEFAULT_EVAL, help="search-eval JSONL for MRR/Recall ('' to skip)")
    parser.add_argument("--skip-tickets", action="store_true", help="only topic suggestion and quality")
    parser.add_argument("--repeats", type=int, default=REPEATS, help="timed runs per query (the best counts)")
    parser.add_argument("--passes", type=int, default=PASSES,
                        help="passes over the queries, each with --repeats runs per query (the best counts)")
    parser.add_argument("--queries-per-kind", type=int, default=0,
                        help="time only the first N ticket queries of each kind (0: all; for 1M-ticket runs)")
    parser.add_argument("--skip-suggest", action="store_true", help="only ticket search")
    arguments = parser.parse_args()
    REPEATS = max(1, arguments.repeats)
    PASSES = max(1, arguments.passes)

    try:
        sizes = sorted({int(size.replace("_", "")) for size in arguments.sizes.split(",") if size})
    except ValueError:
        fail(f"--sizes must be numbers, got {arguments.sizes!r}")
    engines = []
    for engine in arguments.engines.split(","):
        if engine == "tantivy":
            if tantivy is None:
                fail("the Python package tantivy is missing: pip install -r Benchmarks/Scripts/requirements.txt")
            engines.append(Tantivy)
        elif engine == "fts5":
            engines.append(FTS5)
        else:
            fail(f"unknown engine {engine!r} (tantivy, fts5)")
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(a)")
    except sqlite3.OperationalError:
        if FTS5 in engines:
            fail(f"this Python's SQLite {sqlite3.sqlite_version} has no FTS5")

    queries = read_jsonl(os.path.join(arguments.corpus, "queries.jsonl"))
    topics = catalog_topics(arguments.catalog)
    dev = read_jsonl(arguments.eval) if arguments.eval and os.path.exists(arguments.eval) else []
    if arguments.eval and not dev:
        print(f"baselines.py: no eval set at {arguments.eval}; skipping MRR/Recall", file=sys.stderr)

    if not arguments.skip_tickets and sizes:
        tickets = read_jsonl(os.path.join(arguments.corpus, "tickets.jsonl"), limit=max(sizes))
        if len(tickets) < max(sizes):
            fail(f"the corpus has {len(tickets)} tickets, fewer than {max(sizes)}: export more with --tickets")
        for size in sizes:
            for engine_type in engines:
                engine = engine_type()
                run_tickets(engine, tickets, queries, size, arguments.queries_per_kind)
                del engine
                gc.collect()
    if not arguments.skip_suggest:
        for engine_type in engines:
            run_suggest(engine_type(), topics, queries, dev)


if __name__ == "__main__":
    main()
