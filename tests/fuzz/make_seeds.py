#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/<target>/ (docs/fuzzing.md).

Seeds come from the bundled rules, the docs' YAML examples, the e2e
fixtures (valid and malformed), the unit tests' expression strings and a
few hand-written questions. Re-run after adding fixtures; files found by
fuzzing (named by their SHA-1) are left alone. Deterministic.
"""
import hashlib
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"
MAX_BYTES = 100 * 1024


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_BYTES:
        return
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")[:80] or "seed"
    (d / ("seed-" + safe)).write_bytes(data)


def c_strings(path):
    """First string literal of every `{"...", ...}` initializer (test tables)."""
    text = path.read_text()
    out = []
    for m in re.finditer(r'\{\s*"((?:[^"\\]|\\.)*)"', text):
        s = m.group(1)
        s = bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")
        out.append(s)
    return out


def yaml_blocks(md):
    return re.findall(r"```yaml\n(.*?)```", md, flags=re.S)


EXPR_KEYS = ("when", "from", "until", "through", "signed", "effective", "on", "as_agreed_on")
PATTERN_KEYS = ("permit", "forbid", "oblige", "ask")


def scalars(yaml_text, keys):
    out = []
    for m in re.finditer(r"^\s*-?\s*(%s):\s*(.+?)\s*(#.*)?$" % "|".join(keys), yaml_text, flags=re.M):
        v = m.group(2).strip()
        if v in ("|", ">", "|-", ">-", "null"):
            continue
        if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
            v = v[1:-1]
        out.append(v)
    return out


def main():
    rules = sorted((ROOT / "rules").glob("*.yaml"))
    cases = sorted((ROOT / "tests" / "e2e" / "cases").iterdir())
    docs = {p.name: p.read_text() for p in sorted((ROOT / "docs").glob("*.md"))}

    # rulefile: bundled contracts, docs' examples, every e2e rule file.
    for p in rules:
        if not p.name.endswith(".test.yaml"):
            write("rulefile", "rules-" + p.name, p.read_bytes())
    for name, md in docs.items():
        for i, block in enumerate(yaml_blocks(md)):
            if "pacta:" in block or "clauses:" in block or "actions:" in block:
                write("rulefile", "docs-%s-%02d.yaml" % (name[:-3], i), block)
    for case in cases:
        for f in sorted(case.glob("*.yaml")):
            if not f.name.endswith(".test.yaml"):
                write("rulefile", "e2e-%s-%s" % (case.name, f.name), f.read_bytes())

    # testfile: bundled test files, docs' examples, every e2e test file.
    for p in rules:
        if p.name.endswith(".test.yaml"):
            write("testfile", "rules-" + p.name, p.read_bytes())
    for name, md in docs.items():
        for i, block in enumerate(yaml_blocks(md)):
            if "pacta-test" in block or "cases:" in block:
                write("testfile", "docs-%s-%02d.yaml" % (name[:-3], i), block)
    for case in cases:
        for f in sorted(case.glob("*.test.yaml")):
            write("testfile", "e2e-%s-%s" % (case.name, f.name), f.read_bytes())
    # A malformed rule file is a malformed test file too.
    for case in cases:
        f = case / "input.yaml"
        if f.exists() and case.name.startswith("E1"):
            write("testfile", "e2e-%s-input.yaml" % case.name, f.read_bytes())

    # expression: the unit tests' tables, every expression and pattern of
    # the bundled rules and the docs, and the limits.
    exprs = []
    for t in ("test_parse_expression.cpp", "test_parse_errors.cpp", "test_parse_pattern.cpp", "test_printer.cpp"):
        p = ROOT / "tests" / "unit" / t
        if p.exists():
            exprs += c_strings(p)
    texts = [p.read_text() for p in rules] + [b for md in docs.values() for b in yaml_blocks(md)]
    for t in texts:
        exprs += scalars(t, EXPR_KEYS + PATTERN_KEYS)
    exprs += ["(" * 64 + "x" + ")" * 64, "(" * 65 + "x" + ")" * 65, "not " * 64 + "x",
              "-" * 64 + "1", "[" * 64 + "]" * 64, "x" * 4096, "x" * 4097,
              " or ".join(["a"] * 800), "99999999999999999999999 days", "2024-01-31 + 1 month",
              "9999-12-31 + 1 day", "1.5e3", "a < b < c", "f(x=_, y=true)", "f(_, _, _)"]
    seen = set()
    for e in exprs:
        if e in seen:
            continue
        seen.add(e)
        write("expression", hashlib.sha1(e.encode()).hexdigest()[:16], e)

    # question: ACTION / --assume ... / @AS-AGREED-ON / --on against the
    # fuzzers' contract (fuzz_common.hpp), and the e2e `ask` command lines.
    questions = [
        "sell(seller=openai, channel=aws)\n2026-01-15",
        "sell\nflag=true\ncount=5\n2020-06-01",
        "sell(_, oracle)\ncount=0\nevent=2020-03-01\n2020-03-15",
        "integrate(vendor=openai, exclusive=false)\ntier=aws\nowner=bob\n@2020-06-01\n2022-03-01",
        "integrate(meta, true)\ntier=cloud.oracle\n2021-03-01",
        "integrate\nsince=2019-01-01\n2020-02-20",
        "pay\ncount=0\n2024-01-01",
        "pay\nowner=party.bob\n@2021-01-01\n2022-01-31",
        "sell(seller=nobody)\n2026-01-15",
        "sell\nflag=yes\n2025-02-30",
        "sell(",
        "integrate(meta, true, x)\n2020-01-01",
        "pay\nunknown=1\n2020-01-01",
        "sell\nevent=9999-12-20\n2020-01-01",
        "sell\nevent=never\n2020-01-01",
        "sell(channel=azure, channel=aws)\n2020-01-01",
        "sell\n\n2020-01-01",
        "pay\ncount=-1.5\n@0001-01-01\n9999-12-31",
    ]
    for case in cases:
        cmd = case / "cmd"
        if cmd.exists():
            words = cmd.read_text().split()
            if len(words) >= 3 and words[0] == "ask":
                action, on, assumes = words[2], "", []
                for i, w in enumerate(words):
                    if w == "--on" and i + 1 < len(words):
                        on = words[i + 1]
                    if w == "--assume" and i + 1 < len(words):
                        assumes.append(words[i + 1])
                questions.append("\n".join([action] + assumes + [on]))
    for i, q in enumerate(questions):
        write("question", "%02d" % i, q)

    # decide: bytes that choose contracts; any bytes make a valid contract.
    rng = random.Random(4)
    for i in range(24):
        n = rng.choice([8, 32, 64, 128, 256])
        write("decide", "random-%02d" % i, bytes(rng.randrange(256) for _ in range(n)))
    write("decide", "empty", b"")
    write("decide", "ones", b"\x01" * 200)
    write("decide", "ff", b"\xff" * 200)

    # timeline: the same bytes choose contracts (then facts and a window).
    rng = random.Random(10)
    for i in range(16):
        n = rng.choice([32, 64, 128, 256])
        write("timeline", "random-%02d" % i, bytes(rng.randrange(256) for _ in range(n)))
    write("timeline", "empty", b"")
    write("timeline", "ones", b"\x01" * 200)


if __name__ == "__main__":
    sys.exit(main())
