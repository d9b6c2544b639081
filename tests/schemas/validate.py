#!/usr/bin/env python3
"""The JSON Schemas of schemas/ (SPEC §9.4) against the files pacta reads.

Run by ctest (`schemas-validate`):

    validate.py --root SOURCE_DIR --pacta PATH_TO_PACTA

It checks, and fails on the first kind of problem it finds (listing every
file concerned):

1. each schema is a valid draft 2020-12 schema, every property in it has a
   description, and the definitions the schemas share are the same in each;
2. every pacta file that pacta accepts validates against the schema of its
   kind (chosen by its first key): the bundled files under rules/ (all of
   them must be accepted), the YAML files of tests/spec/ and tests/e2e/
   that the built binary accepts (`pacta check` for rule files, `pacta test`
   for test files, `pacta diff CONTRACT --with FILE` for files of
   amendments, `pacta plan` for plans), and tests/schemas/valid/;
3. every file of tests/schemas/invalid/ fails validation, and where its
   header says `# pacta: CODE`, pacta rejects it too with that code (so the
   schema is not stricter than the loader);
4. each file gets the same verdict with the schema read as draft-07, as
   yaml-language-server reads schemas.

YAML is read as YAML 1.2 reads it, as editors (yaml-language-server) do:
`on`, `yes` and `no` are text, `true`/`false` are booleans, and dates stay
text (JSON has no date type), so `on: 2025-10-28` is the string
"2025-10-28".
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys

import jsonschema
import yaml

KINDS = {  # first key -> (schema name, what it is)
    "pacta": ("rules", "rule file"),
    "pacta-test": ("test", "test file"),
    "pacta-amendments": ("amendments", "file of amendments"),
    "pacta-plan": ("plan", "plan file"),
}


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types:
    null, bool (true/false only), int and float; everything else is text.
    PyYAML implements YAML 1.1, where `on`, `yes`, `no` are booleans, dates
    are timestamps and `<<` merges."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
]:
    Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern), first)


def _int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Yaml12Loader.add_constructor("tag:yaml.org,2002:float", _float)


def load_yaml(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=Yaml12Loader)  # noqa: S506 (a safe loader)


def first_key_of_text(path):
    """The first key of a file by its text, for a file YAML cannot read."""
    try:
        with open(path, "rb") as f:
            text = f.read(4096).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^([A-Za-z-]+)\s*:", line)
        return m.group(1) if m else None
    return None


def kind_of(path):
    """(first key, document, YAML error): first key None for no pacta file."""
    try:
        doc = load_yaml(path)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError) as e:
        key = first_key_of_text(path)
        return (key if key in KINDS else None), None, str(e).splitlines()[0]
    if isinstance(doc, dict) and doc:
        key = next(iter(doc))
        if key in KINDS:
            return key, doc, None
    return None, doc, None


def yaml_files(root, top):
    out = []
    for directory, dirs, files in os.walk(os.path.join(root, top)):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")):
                out.append(os.path.join(directory, name))
    return out


# --- 1. the schemas themselves --------------------------------------------


def properties_without_description(node, where):
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            if not isinstance(value, dict) or not value.get("description"):
                yield f"{where}/properties/{key}"
        for key, value in node.items():
            if key not in ("not", "if"):  # constraints, not what a file holds
                yield from properties_without_description(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from properties_without_description(value, f"{where}/{i}")


def check_schemas(root):
    schemas, problems = {}, []
    for name, _ in KINDS.values():
        path = os.path.join(root, "schemas", name + ".schema.json")
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            problems.append(f"{path}: not a valid draft 2020-12 schema: {e.message}")
        if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            problems.append(f"{path}: $schema is not draft 2020-12")
        if schema.get("$id") != f"https://pacta.dev/schemas/{name}.schema.json":
            problems.append(f"{path}: $id does not name the file")
        problems += [f"{path}: {p} has no description"
                     for p in properties_without_description(schema, "#")]
        schemas[name] = schema
    # A definition several schemas need is written in each (so that each
    # file works alone in an editor), and must be the same everywhere.
    seen = {}
    for name, schema in schemas.items():
        for def_name, definition in schema.get("$defs", {}).items():
            if def_name in seen and seen[def_name][1] != definition:
                problems.append(f"schemas/{name}.schema.json: $defs/{def_name} differs from "
                                f"schemas/{seen[def_name][0]}.schema.json")
            seen.setdefault(def_name, (name, definition))
    return schemas, problems


# --- 2. what pacta accepts --------------------------------------------------


class Pacta:
    def __init__(self, binary, root):
        self.binary, self.root = binary, root

    def exit_code(self, *args):
        r = subprocess.run([self.binary, *args], cwd=self.root, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        return r.returncode, r.stdout.decode("utf-8", "replace") + r.stderr.decode(
            "utf-8", "replace")

    def loads(self, *args):
        """True when pacta reads the files of this command without a load
        error: exit 0 (fine) or 1 (a failing case or step), not 2."""
        return self.exit_code(*args)[0] in (0, 1)


def amendment_contracts(root, files, docs):
    """file of amendments -> the rule files it is given with: the contract of
    each test file whose cases or timelines name it in `with`, and the rule
    file of each e2e `cmd` that passes it to `--with`."""
    out = {}
    for path in files:
        key, doc = docs[path]
        if key != "pacta-test" or not isinstance(doc.get("contract"), str):
            continue
        base = os.path.dirname(path)
        contract = os.path.normpath(os.path.join(base, doc["contract"]))
        for entry in (doc.get("cases") or []) + (doc.get("timelines") or []):
            with_ = entry.get("with") if isinstance(entry, dict) else None
            for w in with_ if isinstance(with_, list) else [with_]:
                if isinstance(w, str):
                    out.setdefault(os.path.normpath(os.path.join(base, w)), set()).add(contract)
    for directory, _, names in os.walk(os.path.join(root, "tests", "e2e", "cases")):
        if "cmd" not in names:
            continue
        with open(os.path.join(directory, "cmd"), encoding="utf-8", errors="replace") as f:
            try:
                args = shlex.split(f.read())
            except ValueError:
                continue
        rules = [a for a in args[1:] if a.endswith((".yaml", ".yml")) and not a.startswith("-")]
        for i, a in enumerate(args[:-1]):
            if a in ("--with", "--base-with") and rules:
                target = os.path.normpath(os.path.join(directory, args[i + 1]))
                contract = os.path.normpath(os.path.join(directory, rules[0]))
                out.setdefault(target, set()).add(contract)
    return out


def accepted_by_pacta(pacta, path, key, contracts):
    if key == "pacta":
        return pacta.loads("check", path)
    if key == "pacta-test":
        return pacta.loads("test", path)
    if key == "pacta-amendments":
        return any(pacta.loads("diff", contract, "--with", path)
                   for contract in sorted(contracts.get(os.path.normpath(path), ())))
    return pacta.loads("plan", path)


class Validator:
    """A schema read as draft 2020-12 and as draft-07: editors that follow
    draft-07 (yaml-language-server) must come to the same verdict, so the
    schemas use no keyword that only the newer draft has, and no `$ref`
    beside other constraints (draft-07 ignores its siblings)."""

    def __init__(self, schema):
        self.v2020 = jsonschema.Draft202012Validator(schema)
        self.v7 = jsonschema.Draft7Validator(schema)

    def errors(self, doc):
        errors = sorted(self.v2020.iter_errors(doc), key=lambda e: list(e.absolute_path))
        out = [f"  at {'/'.join(str(p) for p in e.absolute_path) or '(top)'}: {e.message}"
               for e in errors[:5]]
        if bool(out) != (not self.v7.is_valid(doc)):
            out.append("  draft-07 (as editors read the schema) comes to another verdict")
        return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the source directory")
    parser.add_argument("--pacta", required=True, help="the built pacta binary")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    pacta = Pacta(os.path.abspath(args.pacta), root)
    rel = lambda p: os.path.relpath(p, root)  # noqa: E731

    schemas, problems = check_schemas(root)
    if problems:
        print("\n".join(problems))
        return 1
    validators = {name: Validator(s) for name, s in schemas.items()}

    fixtures = os.path.join(root, "tests", "schemas")
    required = yaml_files(root, "rules") + yaml_files(fixtures, "valid")
    candidates = yaml_files(root, os.path.join("tests", "spec")) + yaml_files(
        root, os.path.join("tests", "e2e"))
    docs, unreadable = {}, []
    for path in required + candidates:
        key, doc, error = kind_of(path)
        if key is not None and error is None:
            docs[path] = (key, doc)
        elif key is not None:
            unreadable.append((path, key, error))
    contracts = amendment_contracts(root, list(docs), docs)

    failures, counts, skipped, rejected_too = [], {}, 0, 0
    for path, key, error in unreadable:  # YAML editors could not read it either
        if path in required or accepted_by_pacta(pacta, path, key, contracts):
            failures.append(f"{rel(path)}: pacta reads it, but it is not YAML to PyYAML: {error}")
    for path in required + candidates:
        if path not in docs:
            continue
        key, doc = docs[path]
        schema, what = KINDS[key]
        must = path in required
        # Every required file must load, so that a fixture cannot validate
        # while pacta rejects it.
        if not accepted_by_pacta(pacta, path, key, contracts):
            if must:
                failures.append(f"{rel(path)}: a {what} of rules/ or tests/schemas/valid/ that "
                                "pacta does not accept")
            skipped += 1
            rejected_too += bool(validators[schema].errors(doc))
            continue
        errors = validators[schema].errors(doc)
        if errors:
            failures.append(f"{rel(path)}: pacta accepts this {what}, but it does not validate "
                            f"against schemas/{schema}.schema.json:\n" + "\n".join(errors))
        counts[schema] = counts.get(schema, 0) + 1

    invalid = yaml_files(fixtures, "invalid")
    for path in invalid:
        key, doc, error = kind_of(path)
        if key is None or error is not None:
            failures.append(f"{rel(path)}: not a pacta file that YAML can read ({error})")
            continue
        schema, what = KINDS[key]
        errors = validators[schema].errors(doc)
        if not errors or errors[-1].startswith("  draft-07"):
            failures.append(f"{rel(path)}: validates against schemas/{schema}.schema.json "
                            "(as draft 2020-12 or as draft-07), but should not")
        with open(path, encoding="utf-8") as f:
            code = re.search(r"^# pacta: (E\d{3})\s*$", f.read(), re.M)
        if code:
            if key == "pacta-amendments":
                contract = os.path.join(fixtures, "valid", "tiny.yaml")
                status, output = pacta.exit_code("diff", contract, "--with", path)
            else:
                status, output = pacta.exit_code("check" if key == "pacta" else "test", path)
            if status != 2 or f"[{code.group(1)}]" not in output:
                failures.append(f"{rel(path)}: pacta should reject it with {code.group(1)}, "
                                f"but exits {status}:\n{output}")

    total = sum(counts.values())
    print(f"validated {total} files: "
          + ", ".join(f"{counts.get(s, 0)} {s}" for s, _ in KINDS.values())
          + f"; skipped {skipped} files pacta rejects (the schemas reject {rejected_too} of "
          "them too; the rest have errors a schema cannot see, such as unknown names); "
          f"{len(invalid)} invalid files, each rejected by the schemas")
    if counts.get("plan", 0) == 0 or total == 0 or not invalid:
        failures.append("nothing to check: no file validated, no plan or no invalid file")
    if failures:
        print(f"\n{len(failures)} problem(s):\n" + "\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
