#!/usr/bin/env python3
"""Checks the shipped help-center catalog (or another catalog file) against the catalog format.

Usage: Tests/Scripts/check-catalog.py [path/to/catalog.json]
Prints every problem with its JSON path and exits 1 when there is any; exits 0 and prints a summary otherwise.
The Swift loader (`support-desk catalog lint`) is the authority; this script is a quick check for catalog
authors that needs only Python 3.
"""
import json
import re
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent.parent / "Sources/SupportDesk/Resources/twin-help-center.json"

EXPECTED = {
    "chats": ["chat-dialog", "chat-statistics", "chat-channel"],
    "calls": ["call-campaign", "call-problem", "telephony"],
    "scenarios": ["scenario-save", "scenario-logic"],
    "reports": ["report-generation", "report-data"],
    "mailings": ["mailing-run", "mailing-setup"],
    "account": ["account-access", "account-billing"],
    "integrations": ["integration-crm", "integration-api"],
    "suggestions": ["suggestion"],
}
COMMON_IDS = ["accountNumber", "summary", "description", "attachments"]
LOCALES = ["ru", "en"]
KINDS = {"text", "textarea", "integer", "decimal", "date", "email", "phone", "url", "identifier",
         "select", "multiselect", "checkbox", "attachments"}
TEXTUAL = {"text", "textarea", "identifier", "email", "phone", "url"}
NUMERIC = {"integer", "decimal"}
# Which constraint keys fit which kinds.
CONSTRAINTS = {
    "minLength": TEXTUAL, "maxLength": TEXTUAL, "pattern": TEXTUAL,
    "min": NUMERIC, "max": NUMERIC,
    "minDate": {"date"}, "maxDate": {"date"},
    "minSelections": {"multiselect"}, "maxSelections": {"multiselect"},
    "maxFiles": {"attachments"}, "maxFileSize": {"attachments"}, "maxTotalSize": {"attachments"},
    "allowedTypes": {"attachments"},
}
FIELD_KEYS = {"id", "kind", "label", "hint", "required", "options", "visibleWhen", "requiredWhen"} | set(CONSTRAINTS)
LOWER_CAMEL = re.compile(r"[a-z][a-zA-Z0-9]*\Z")
KEBAB = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*\Z")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
MEDIA_TYPE = re.compile(r"[a-z]+/([a-z0-9.+-]+|\*)\Z")
# The portable pattern subset: literals, ., classes, \d \w \s (and escaped punctuation), groups,
# alternation and the quantifiers * + ? {m} {m,n}. Anything else (anchors, lookaround, backreferences,
# lazy or possessive quantifiers, named groups, \b, flags) is rejected.
PATTERN_FORBIDDEN = [
    (re.compile(r"(?<!\\)[\^$]"), "anchors are not needed (the whole value is matched)"),
    (re.compile(r"\(\?"), "special groups ((?:…), lookaround, flags) are not in the subset"),
    (re.compile(r"\\[1-9bBAZzpPkQE]"), "backreferences, \\b and similar escapes are not in the subset"),
    (re.compile(r"[*+?}]\?|[*+?}]\+"), "lazy or possessive quantifiers are not in the subset"),
]
ESCAPE = re.compile(r"\\(.)")

problems = []


def problem(path, message):
    problems.append(f"{path}: {message}")


def check_localized(value, path, allow_empty=False):
    if not isinstance(value, dict):
        problem(path, "must be an object with “ru” and “en”")
        return
    for locale in LOCALES:
        text = value.get(locale)
        if not isinstance(text, str) or (not allow_empty and not text.strip()):
            problem(f"{path}.{locale}", "missing or empty text")


def check_pattern(pattern, path):
    if not isinstance(pattern, str) or not pattern:
        problem(path, "must be a non-empty string")
        return
    for regex, why in PATTERN_FORBIDDEN:
        if regex.search(pattern):
            problem(path, f"“{pattern}”: {why}")
    for escaped in ESCAPE.findall(pattern):
        if escaped not in "dws" and escaped.isalnum():
            problem(path, f"“{pattern}”: escape \\{escaped} is not in the subset (use \\d \\w \\s or escape punctuation)")
    try:
        re.compile(pattern)
    except re.error as error:
        problem(path, f"“{pattern}” is not a valid regular expression: {error}")


def check_condition(cond, path, fields, self_id, option_values):
    """Checks a condition; `fields` maps field ids of the form to kinds."""
    if not isinstance(cond, dict) or not cond:
        problem(path, "a condition must be a non-empty object")
        return
    if "all" in cond or "any" in cond:
        key = "all" if "all" in cond else "any"
        parts = cond[key]
        if len(cond) != 1 or not isinstance(parts, list) or not parts:
            problem(path, f"“{key}” must be the only key and hold a non-empty list")
            return
        for i, part in enumerate(parts):
            check_condition(part, f"{path}.{key}[{i}]", fields, self_id, option_values)
        return
    if "not" in cond:
        if len(cond) != 1:
            problem(path, "“not” must be the only key")
        check_condition(cond["not"], f"{path}.not", fields, self_id, option_values)
        return
    target = cond.get("field")
    tests = [k for k in ("equals", "in", "filled") if k in cond]
    if set(cond) - {"field", "equals", "in", "filled"} or len(tests) != 1:
        problem(path, "needs “field” and exactly one of “equals”, “in”, “filled”")
        return
    if target not in fields:
        problem(f"{path}.field", f"names “{target}”, which is not a field of this form")
        return
    if target == self_id:
        problem(f"{path}.field", "a field's condition cannot read the field itself")
    kind = fields[target]
    test = tests[0]
    if test == "filled":
        if not isinstance(cond["filled"], bool):
            problem(f"{path}.filled", "must be true or false")
        return
    values = [cond["equals"]] if test == "equals" else cond["in"]
    if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
        problem(f"{path}.{test}", "must be a string (equals) or a non-empty list of strings (in)")
        return
    if kind in ("select", "multiselect"):
        for v in values:
            if v not in option_values[target]:
                problem(f"{path}.{test}", f"“{v}” is not an option of “{target}”")
    elif kind == "checkbox":
        for v in values:
            if v not in ("true", "false"):
                problem(f"{path}.{test}", f"a checkbox compares with “true” or “false”, not “{v}”")
    elif kind == "attachments":
        problem(path, "attachments can only be tested with “filled”")


def check_field(f, path, used_kinds):
    if not isinstance(f, dict):
        problem(path, "a field must be an object")
        return None
    for key in set(f) - FIELD_KEYS:
        problem(f"{path}.{key}", "unknown field key")
    fid = f.get("id")
    if not isinstance(fid, str) or not LOWER_CAMEL.match(fid):
        problem(f"{path}.id", f"“{fid}” must be lowerCamelCase")
    kind = f.get("kind")
    if kind not in KINDS:
        problem(f"{path}.kind", f"unknown kind “{kind}”")
    else:
        used_kinds.add(kind)
    check_localized(f.get("label"), f"{path}.label")
    check_localized(f.get("hint"), f"{path}.hint")
    if not isinstance(f.get("required"), bool):
        problem(f"{path}.required", "must be true or false")
    for key, kinds in CONSTRAINTS.items():
        if key in f and kind in KINDS and kind not in kinds:
            problem(f"{path}.{key}", f"does not apply to kind “{kind}”")
    for key in ("minLength", "maxLength", "minSelections", "maxSelections", "maxFiles", "maxFileSize", "maxTotalSize"):
        if key in f and (not isinstance(f[key], int) or isinstance(f[key], bool) or f[key] < 0):
            problem(f"{path}.{key}", "must be a non-negative integer")
    for key in ("min", "max"):
        if key in f and (not isinstance(f[key], (int, float)) or isinstance(f[key], bool)):
            problem(f"{path}.{key}", "must be a number")
    for key in ("minDate", "maxDate"):
        if key in f and (not isinstance(f[key], str) or not DATE.match(f[key])):
            problem(f"{path}.{key}", "must be a date YYYY-MM-DD")
    for low, high in (("minLength", "maxLength"), ("min", "max"), ("minDate", "maxDate"),
                      ("minSelections", "maxSelections"), ("maxFileSize", "maxTotalSize")):
        if low in f and high in f:
            try:
                if f[low] > f[high]:
                    problem(path, f"“{low}” is greater than “{high}”")
            except TypeError:
                pass
    if "pattern" in f:
        check_pattern(f["pattern"], f"{path}.pattern")
    if "allowedTypes" in f:
        types = f["allowedTypes"]
        if not isinstance(types, list) or not types:
            problem(f"{path}.allowedTypes", "must be a non-empty list")
        else:
            for i, t in enumerate(types):
                if not isinstance(t, str) or not MEDIA_TYPE.match(t):
                    problem(f"{path}.allowedTypes[{i}]", f"“{t}” is not a media type like image/png or image/*")
            if len(set(types)) != len(types):
                problem(f"{path}.allowedTypes", "duplicate media types")
    options = f.get("options")
    if kind in ("select", "multiselect"):
        if not isinstance(options, list) or not options:
            problem(f"{path}.options", f"a {kind} needs a non-empty list of options")
        else:
            seen = set()
            for i, o in enumerate(options):
                opath = f"{path}.options[{i}]"
                if not isinstance(o, dict):
                    problem(opath, "an option must be an object")
                    continue
                for key in set(o) - {"value", "label", "visibleWhen"}:
                    problem(f"{opath}.{key}", "unknown option key")
                value = o.get("value")
                if not isinstance(value, str) or not KEBAB.match(value):
                    problem(f"{opath}.value", f"“{value}” must be a lower-case kebab-case string")
                elif value in seen:
                    problem(f"{opath}.value", f"duplicate option “{value}”")
                seen.add(value)
                check_localized(o.get("label"), f"{opath}.label")
            if kind == "multiselect" and f.get("maxSelections", len(options)) > len(options):
                problem(f"{path}.maxSelections", "is larger than the number of options")
            if f.get("minSelections", 0) > len(options):
                problem(f"{path}.minSelections", "is larger than the number of options")
    elif options is not None:
        problem(f"{path}.options", f"only select and multiselect fields have options, not “{kind}”")
    return fid


def check_form(fields, path_of, used_kinds):
    """Checks a whole form (common fields + topic fields); `path_of(i)` gives the JSON path of field i."""
    ids, kinds, option_values = [], {}, {}
    for i, f in enumerate(fields):
        fid = check_field(f, path_of(i), used_kinds)
        if fid is None:
            continue
        if fid in kinds:
            problem(f"{path_of(i)}.id", f"duplicate field id “{fid}” in this form")
        ids.append(fid)
        kinds[fid] = f.get("kind")
        option_values[fid] = {o.get("value") for o in f.get("options") or [] if isinstance(o, dict)}
    for i, f in enumerate(fields):
        if not isinstance(f, dict):
            continue
        for key in ("visibleWhen", "requiredWhen"):
            if key in f:
                check_condition(f[key], f"{path_of(i)}.{key}", kinds, f.get("id"), option_values)
        if f.get("required") is True and "requiredWhen" in f:
            problem(f"{path_of(i)}.requiredWhen", "the field is always required; requiredWhen has no effect")
        if f.get("required") is True and "visibleWhen" in f:
            problem(f"{path_of(i)}.visibleWhen", "an always-required field should not be hidden; use requiredWhen")
        for j, o in enumerate(f.get("options") or []):
            if isinstance(o, dict) and "visibleWhen" in o:
                check_condition(o["visibleWhen"], f"{path_of(i)}.options[{j}].visibleWhen", kinds, f.get("id"),
                                option_values)
    check_cycles(fields, path_of)


def referenced(cond):
    """Field ids a condition reads."""
    if not isinstance(cond, dict):
        return set()
    if "all" in cond or "any" in cond:
        parts = cond.get("all", cond.get("any"))
        return set().union(*(referenced(c) for c in parts)) if isinstance(parts, list) else set()
    if "not" in cond:
        return referenced(cond["not"])
    return {cond["field"]} if isinstance(cond.get("field"), str) else set()


def check_cycles(fields, path_of):
    """Reports fields whose conditions depend on each other in a cycle (a → b → a)."""
    deps, index = {}, {}
    for i, f in enumerate(fields):
        if not isinstance(f, dict) or not isinstance(f.get("id"), str):
            continue
        conds = [f.get("visibleWhen"), f.get("requiredWhen")]
        conds += [o.get("visibleWhen") for o in f.get("options") or [] if isinstance(o, dict)]
        deps[f["id"]] = set().union(*(referenced(c) for c in conds if c is not None)) - {f["id"]}
        index[f["id"]] = i
    state = {}

    def visit(fid, trail):
        if state.get(fid) == "done":
            return
        if state.get(fid) == "active":
            cycle = trail[trail.index(fid):] + [fid]
            problem(path_of(index[fid]), "conditions depend on each other in a cycle: " + " → ".join(cycle))
            return
        state[fid] = "active"
        for dep in sorted(deps.get(fid, ())):
            if dep in deps:
                visit(dep, trail + [fid])
        state[fid] = "done"

    for fid in deps:
        visit(fid, [])


def check_keywords(kw, path):
    if not isinstance(kw, dict):
        problem(path, "must be an object with “ru” and “en” lists")
        return
    for locale in LOCALES:
        words = kw.get(locale)
        if not isinstance(words, list) or not words:
            problem(f"{path}.{locale}", "needs a non-empty list")
            continue
        seen = set()
        for i, w in enumerate(words):
            if not isinstance(w, str) or not w.strip():
                problem(f"{path}.{locale}[{i}]", "must be a non-empty string")
                continue
            key = w.strip().lower().replace("ё", "е")
            if key in seen:
                problem(f"{path}.{locale}[{i}]", f"duplicate keyword “{w}”")
            seen.add(key)


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    try:
        catalog = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"{path}: cannot read the catalog: {error}")
        return 1
    if catalog.get("schemaVersion") != 1:
        problem("$.schemaVersion", "must be 1")
    used_kinds = set()

    common = catalog.get("commonFields")
    if not isinstance(common, list):
        problem("$.commonFields", "must be a list")
        common = []
    common_ids = [f.get("id") for f in common if isinstance(f, dict)]
    if common_ids != COMMON_IDS:
        problem("$.commonFields", f"ids must be exactly {COMMON_IDS} in this order, found {common_ids}")
    check_form(common, lambda i: f"$.commonFields[{i}]", used_kinds)

    categories = catalog.get("categories")
    if not isinstance(categories, list):
        problem("$.categories", "must be a list")
        categories = []
    found = {}
    topic_ids = set()
    for ci, cat in enumerate(categories):
        cpath = f"$.categories[{ci}]"
        if not isinstance(cat, dict):
            problem(cpath, "must be an object")
            continue
        cid = cat.get("id")
        if not isinstance(cid, str) or not KEBAB.match(cid):
            problem(f"{cpath}.id", f"“{cid}” must be a kebab-case id")
        if cid in found:
            problem(f"{cpath}.id", f"duplicate category id “{cid}”")
        check_localized(cat.get("title"), f"{cpath}.title")
        check_localized(cat.get("description"), f"{cpath}.description")
        topics = cat.get("topics")
        if not isinstance(topics, list) or not topics:
            problem(f"{cpath}.topics", "a category needs at least one topic")
            topics = []
        found[cid] = []
        for ti, topic in enumerate(topics):
            tpath = f"{cpath}.topics[{ti}]"
            if not isinstance(topic, dict):
                problem(tpath, "must be an object")
                continue
            tid = topic.get("id")
            if not isinstance(tid, str) or not KEBAB.match(tid):
                problem(f"{tpath}.id", f"“{tid}” must be a kebab-case id")
            if tid in topic_ids:
                problem(f"{tpath}.id", f"duplicate topic id “{tid}”")
            topic_ids.add(tid)
            found[cid].append(tid)
            check_localized(topic.get("title"), f"{tpath}.title")
            check_localized(topic.get("description"), f"{tpath}.description")
            check_keywords(topic.get("keywords"), f"{tpath}.keywords")
            fields = topic.get("fields")
            if not isinstance(fields, list):
                problem(f"{tpath}.fields", "must be a list")
                fields = []
            n = len(common)
            check_form(common + fields,
                       lambda i, tpath=tpath, n=n: f"$.commonFields[{i}]" if i < n else f"{tpath}.fields[{i - n}]",
                       used_kinds)
    if found != EXPECTED:
        problem("$.categories", f"categories and topics must be exactly {EXPECTED}, found {found}")
    missing_kinds = KINDS - used_kinds
    if missing_kinds:
        problem("$", f"kinds never used: {sorted(missing_kinds)}")

    tips = catalog.get("searchTips")
    if not isinstance(tips, dict):
        problem("$.searchTips", "must be an object with “ru” and “en” lists")
    else:
        for locale in LOCALES:
            items = tips.get(locale)
            if not isinstance(items, list) or not 4 <= len(items) <= 6 or not all(isinstance(t, str) and t.strip() for t in items):
                problem(f"$.searchTips.{locale}", "needs 4 to 6 non-empty tips")
        if isinstance(tips.get("ru"), list) and isinstance(tips.get("en"), list) and len(tips["ru"]) != len(tips["en"]):
            problem("$.searchTips", "ru and en should have the same number of tips")

    synonyms = catalog.get("synonyms")
    if not isinstance(synonyms, list):
        problem("$.synonyms", "must be a list of lists")
        synonyms = []
    owner = {}
    for gi, group in enumerate(synonyms):
        gpath = f"$.synonyms[{gi}]"
        if not isinstance(group, list) or len(group) < 2:
            problem(gpath, "a synonym group needs at least two terms")
            continue
        for wi, w in enumerate(group):
            if not isinstance(w, str) or not w.strip():
                problem(f"{gpath}[{wi}]", "must be a non-empty string")
                continue
            key = w.strip().lower().replace("ё", "е")
            if key in owner:
                where = "this group" if owner[key] == gi else f"$.synonyms[{owner[key]}]"
                problem(f"{gpath}[{wi}]", f"“{w}” is already in {where}")
            else:
                owner[key] = gi

    if problems:
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s) in {path}")
        return 1
    n_topics = sum(len(t) for t in found.values())
    n_keywords = sum(len(t.get("keywords", {}).get(l, [])) for c in categories for t in c.get("topics", []) for l in LOCALES)
    print(f"OK: {path.name}: {len(found)} categories, {n_topics} topics, {len(owner)} synonym terms in "
          f"{len(synonyms)} groups, {n_keywords} keywords, all {len(KINDS)} kinds used")
    return 0


if __name__ == "__main__":
    sys.exit(main())
