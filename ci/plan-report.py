#!/usr/bin/env python3
"""The machine reports of `pacta plan` for a pacta whose `plan` takes only
--format text|json: reads the JSON report (stdin, or the file named;
plan writes its diagnostics as JSON on stderr, its report on stdout) and
writes it as JUnit XML or as GitHub workflow commands, in the shapes that
`pacta check` and `pacta test` write (docs/cli.md, "Machine reports").

    plan-report.py junit|github [--deny-warnings] [--output FILE] [JSON]

`ci/pacta-ci.sh` uses it only when `pacta help plan` does not list the
format; once `plan` writes them itself, the script uses pacta's own and
this file can go. With `github`, a Markdown summary is appended to
$GITHUB_STEP_SUMMARY when that variable is set. Exit 0, or 2 on a usage
error or a report that is not pacta plan's JSON.
"""
import argparse
import json
import os
import sys
from xml.sax.saxutils import quoteattr, escape


def visible(text):
    """Control characters shown as \\xNN: XML 1.0 cannot hold most of them
    even escaped, and a workflow command ends at a line break."""
    return "".join(c if c in "\t\n" or ord(c) >= 0x20 and c != "\x7f" else f"\\x{ord(c):02X}"
                   for c in str(text))


def instance(do):
    args = ", ".join(f"{k}={v}" for k, v in do.get("args", {}).items())
    return f"{do['action']}({args})"


def run_text(run):
    given = run.get("given")
    cond = ""
    if given:
        cond = "if " + ", ".join(k if v is True else f"not {k}" if v is False else f"{k}={v}"
                                 for k, v in given.items()) + ": "
    by = "by " + ", ".join(run["by"]) if run.get("by") else "by no clause (default)"
    return f"{cond}{run['from']} … {run['through']} {run['verdict']} {by}"


def items(report, deny_warnings):
    """One item per step, obligation and diagnostic: (file, line, col, name,
    kind, message, detail), kind one of pass, failure, warning, error."""
    out = []
    for d in report.get("diagnostics", []):
        out.append((d["file"], d.get("line"), d.get("column"), d["code"], "error",
                    d["message"], f"{d['severity']}: {d['message']} [{d['code']}]"
                    + (f"\n  help: {d['help']}" if d.get("help") else "")))
    for s in report.get("steps", []):
        span = f"{s['from']} … {s['through']}"
        if s["holds"]:
            out.append((s["file"], s["line"], None, s["name"], "pass",
                        f"{instance(s['do'])} allowed {span}", ""))
            continue
        if s.get("error"):
            message = f"{instance(s['do'])} cannot be checked: {s['error']}"
        else:
            message = f"{instance(s['do'])} not allowed from {s['first_failing']} ({span})"
        detail = "\n".join([message] + ["  " + run_text(r) for r in s.get("failing", [])])
        out.append((s["file"], s["line"], None, s["name"], "failure", message, detail))
    for o in report.get("obligations") or []:
        message = f"obligation not performed: {instance(o['do'])}"
        detail = "\n".join([message] + ["  " + run_text(r) for r in o.get("runs", [])])
        out.append((o["file"], None, None, message, "failure" if deny_warnings else "warning",
                    message, detail))
    return out


def junit(all_items):
    files = []
    for it in all_items:
        if it[0] not in files:
            files.append(it[0])
    count = lambda its, kind: sum(1 for i in its if i[4] == kind)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuites name="pacta plan" tests="{len(all_items)}" '
             f'failures="{count(all_items, "failure")}" errors="{count(all_items, "error")}" '
             'skipped="0" time="0">']
    for f in files:
        its = [i for i in all_items if i[0] == f]
        lines.append(f'  <testsuite name={quoteattr(visible(f))} tests="{len(its)}" '
                     f'failures="{count(its, "failure")}" errors="{count(its, "error")}" '
                     'skipped="0" time="0">')
        for file, line, _col, name, kind, message, detail in its:
            at = f' line="{line}"' if line else ""
            lines.append(f'    <testcase name={quoteattr(visible(name))} classname={quoteattr(visible(file))} '
                         f'file={quoteattr(visible(file))}{at} time="0">')
            if kind == "pass":
                lines.append(f"      <system-out>{escape(visible(message))}</system-out>")
            elif kind == "warning":
                lines.append(f"      <system-out>warning: {escape(visible(detail))}</system-out>")
            else:
                tag, type_ = ("error", name) if kind == "error" else ("failure", "plan-failure")
                lines.append(f"      <{tag} message={quoteattr(visible(message))} "
                             f"type={quoteattr(visible(type_))}>{escape(visible(detail))}\n</{tag}>")
            lines.append("    </testcase>")
        lines.append("  </testsuite>")
    lines.append("</testsuites>")
    return "\n".join(lines) + "\n"


def github_escape(text, prop=False):
    text = visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def github(all_items):
    lines = []
    for file, line, col, name, kind, _message, detail in all_items:
        if kind == "pass":
            continue
        level = "warning" if kind == "warning" else "error"
        props = [f"file={github_escape(file, True)}"]
        if line:
            props.append(f"line={line}")
        if col:
            props.append(f"col={col}")
        props.append(f"title={github_escape(name, True)}")
        lines.append(f"::{level} {','.join(props)}::{github_escape(detail)}")
    return "".join(l + "\n" for l in lines)


def markdown(text):
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|<>" else c for c in visible(text))


def summary(all_items):
    files = []
    for it in all_items:
        if it[0] not in files:
            files.append(it[0])
    counts = lambda its: (sum(i[4] == "pass" for i in its),
                          sum(i[4] in ("failure", "error") for i in its),
                          sum(i[4] == "warning" for i in its))
    lines = ["## pacta plan", "", "| file | held | failed | warnings |", "|---|---:|---:|---:|"]
    for f in files:
        lines.append("| {} | {} | {} | {} |".format(markdown(f), *counts([i for i in all_items if i[0] == f])))
    held, failed, warnings = counts(all_items)
    lines += ["", f"{held} held, {failed} failed, {warnings} warning{'' if warnings == 1 else 's'}"]
    problems = [i for i in all_items if i[4] != "pass"]
    if problems:
        lines += ["", "### Failures and warnings", ""]
        lines += [f"- {markdown(i[0])}" + (f":{i[1]}" if i[1] else "")
                  + f" {markdown(i[3])}" + (f": {markdown(i[5])}" if i[5] != i[3] else "")
                  for i in problems]
    return "\n".join(lines) + "\n\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("format", choices=["junit", "github"])
    parser.add_argument("json", nargs="?", help="pacta plan --format json output (default: stdin)")
    parser.add_argument("--output", help="write the report here instead of stdout")
    parser.add_argument("--deny-warnings", action="store_true",
                        help="an obligation not performed is a failure, not a warning")
    args = parser.parse_intermixed_args()
    try:
        with open(args.json, encoding="utf-8") if args.json else sys.stdin as source:
            report = json.load(source)
        if not isinstance(report, dict) or not ("steps" in report or "diagnostics" in report):
            raise ValueError("neither 'steps' nor 'diagnostics'")
        all_items = items(report, args.deny_warnings)
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(f"plan-report: not a pacta plan JSON report: {e}", file=sys.stderr)
        return 2
    text = junit(all_items) if args.format == "junit" else github(all_items)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(summary(all_items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
