#!/usr/bin/env python3
"""action.yml, .pre-commit-hooks.yaml and the YAML blocks of docs/ci.md
(docs/ci.md, "How this page is tested"):

    check_files.py SOURCE_DIR PACTA

* action.yml is a composite action whose steps run scripts of the
  repository that exist and are executable, and whose inputs are the ones
  ci/action.sh reads;
* .pre-commit-hooks.yaml defines pacta-check, -lint, -test and -plan, each a
  `script` entry that exists and is executable, with the file patterns the
  docs promise (checked on file names);
* every ```yaml block of docs/ci.md parses; action.yml and
  .pre-commit-hooks.yaml are in it verbatim; the workflows use only
  widely used actions and pacta's own; every `pacta COMMAND --flag` and
  `pacta-ci.sh --flag` in a yaml or sh block is one the program's help lists.
"""
import os
import re
import subprocess
import sys

import yaml

source, pacta = sys.argv[1], sys.argv[2]
failures = []


def check(cond, message):
    if not cond:
        failures.append(message)


def read(path):
    with open(os.path.join(source, path), encoding="utf-8") as f:
        return f.read()


def executable(path):
    full = os.path.join(source, path)
    return os.path.isfile(full) and os.access(full, os.X_OK)


# action.yml
action_text = read("action.yml")
action = yaml.safe_load(action_text)
check(action["runs"]["using"] == "composite", "action.yml is not a composite action")
for step in action["runs"]["steps"]:
    scripts = re.findall(r"\$GITHUB_ACTION_PATH/([\w./-]+)", step.get("run", ""))
    check(scripts, f"action.yml step {step.get('name')} runs no script of the repository")
    for s in scripts:
        check(executable(s), f"action.yml runs {s}, which is not an executable file")
    env = step.get("env", {})
    action_sh = read("ci/action.sh")
    for name, value in env.items():
        check(name in action_sh, f"ci/action.sh does not read {name}")
        m = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", value)
        check(m and m.group(1) in action["inputs"], f"action.yml env {name}={value} is no input")
    check({re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", v).group(1) for v in env.values()}
          == set(action["inputs"]), "an input of action.yml never reaches ci/action.sh")
check(action["inputs"]["format"]["default"] == "github", "the action's format is not github")
check(action["inputs"]["steps"]["default"] == "check,lint,test,plan", "lint is not a default step")

# .pre-commit-hooks.yaml
hooks_text = read(".pre-commit-hooks.yaml")
hooks = {h["id"]: h for h in yaml.safe_load(hooks_text)}
check(set(hooks) == {"pacta-check", "pacta-lint", "pacta-test", "pacta-plan"}, f"hooks: {set(hooks)}")
names = {
    "pacta-check": (["rules/a.yaml", "b.yml", "x/c.yaml"], ["a.test.yaml", "a.plan.yml", "a.json"]),
    "pacta-lint": (["rules/a.yaml", "b.yml"], ["a.test.yml", "a.plan.yaml", "README.md"]),
    "pacta-test": (["a.test.yaml", "x/b.test.yml"], ["a.yaml", "a.plan.yaml"]),
    "pacta-plan": (["a.plan.yaml", "x/b.plan.yml"], ["a.yaml", "a.test.yaml"]),
}
for hook_id, hook in hooks.items():
    check(hook["language"] == "script", f"{hook_id}: language is not script")
    entry = hook["entry"].split()
    check(executable(entry[0]), f"{hook_id}: {entry[0]} is not an executable file")
    check(entry[1:] == [hook_id.removeprefix("pacta-")], f"{hook_id}: entry {hook['entry']}")
    selected = lambda n: re.search(hook["files"], n) and not (
        "exclude" in hook and re.search(hook["exclude"], n))
    yes, no = names[hook_id]
    for n in yes:
        check(selected(n), f"{hook_id} does not run on {n}")
    for n in no:
        check(not selected(n), f"{hook_id} runs on {n}")

# docs/ci.md
doc = read("docs/ci.md")
blocks = re.findall(r"^```(\w+)\n(.*?)^```$", doc, re.M | re.S)
yaml_blocks = [b for lang, b in blocks if lang == "yaml"]
check(len(yaml_blocks) >= 5, f"only {len(yaml_blocks)} yaml blocks in docs/ci.md")
check("```console" not in doc, "docs/ci.md holds a console block (e2e would run it)")
check(action_text in yaml_blocks, "docs/ci.md does not hold action.yml as it is")
check(hooks_text in yaml_blocks, "docs/ci.md does not hold .pre-commit-hooks.yaml as it is")
allowed = {"actions/checkout@v4", "actions/cache@v4", "actions/upload-artifact@v4",
           "github/codeql-action/upload-sarif@v3"}
workflows = gitlab = 0
for text in yaml_blocks:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        failures.append(f"a yaml block of docs/ci.md does not parse: {e}")
        continue
    for uses in re.findall(r"uses: (\S+)", text):
        check(uses in allowed or uses.startswith("OWNER/pacta@"), f"docs/ci.md uses {uses}")
    if isinstance(data, dict) and "jobs" in data:
        workflows += 1
        for job in data["jobs"].values():
            runs = " ".join(s.get("run", "") for s in job["steps"])
            check("pacta-ci.sh" in runs and "--format github" in runs and "--junit-dir" in runs,
                  "the workflow does not run pacta-ci.sh with --format github and --junit-dir")
            uses = [s.get("uses", "") for s in job["steps"]]
            check("actions/upload-artifact@v4" in uses and "github/codeql-action/upload-sarif@v3" in uses,
                  "the workflow does not upload its reports")
    if isinstance(data, dict) and any(isinstance(j, dict) and "script" in j for j in data.values()):
        gitlab += 1
        job = next(j for j in data.values() if isinstance(j, dict) and "script" in j)
        check(job["artifacts"]["reports"]["junit"] == "reports/junit/*.xml", "GitLab: no junit report")
        check(job["artifacts"]["when"] == "always", "GitLab: reports only on success")
check(workflows == 1, f"{workflows} GitHub workflows in docs/ci.md")
check(gitlab == 1, f"{gitlab} GitLab jobs in docs/ci.md")


def helps(command):
    result = subprocess.run(command, capture_output=True, text=True)
    return result.returncode, result.stdout


script_code, script_help = helps([os.path.join(source, "ci/pacta-ci.sh"), "--help"])
check(script_code == 0 and "--junit-dir" in script_help, "pacta-ci.sh --help")
def shell_texts(data):
    """The shell a workflow or job runs: the values of run, script and
    before_script, anywhere in the document."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("run", "script", "before_script"):
                yield "\n".join(value) if isinstance(value, list) else str(value)
            else:
                yield from shell_texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from shell_texts(value)


shell = [t for b in yaml_blocks for t in shell_texts(yaml.safe_load(b))]
shell += [b for lang, b in blocks if lang == "sh"]
# One command a line: `\` continuations joined, comments dropped.
shell = [re.sub(r"(^|\s)#.*", "", line) for t in shell for line in re.sub(r"\\\n\s*", " ", t).splitlines()]
# A folded (>) YAML scalar is already one line.
commands = {}
for line in shell:
    for m in re.finditer(r"(?:^|[\s(])pacta ([a-z]+)((?: [^|;&)]*)?)", line):
        command, rest = m.group(1), m.group(2)
        if command not in commands:
            commands[command] = helps([pacta, "help", command])
        code, text = commands[command]
        check(code == 0, f"docs/ci.md runs 'pacta {command}', which pacta does not have")
        for flag in re.findall(r"(?<!\S)(--[a-z-]+)", rest):
            check(code != 0 or re.search(rf"(^|[ ,]){flag}\b", text, re.M),
                  f"docs/ci.md: 'pacta {command} {flag}' is not in 'pacta help {command}'")
    for m in re.finditer(r"pacta-ci\.sh((?: [^|;&)]*)?)", line):
        for flag in re.findall(r"(?<!\S)(--[a-z-]+)", m.group(1)):
            check(re.search(rf"(^|[ ,]){flag}\b", script_help, re.M),
                  f"docs/ci.md: 'pacta-ci.sh {flag}' is not in 'pacta-ci.sh --help'")
check(sum("pacta-ci.sh" in line for line in shell) >= 3, "docs/ci.md's blocks run pacta-ci.sh less than 3 times")
check({"check", "test", "plan", "ask"} <= set(commands), f"docs/ci.md's blocks run only pacta {sorted(commands)}")

if failures:
    print("\n".join(f"check_files: {f}" for f in failures), file=sys.stderr)
    sys.exit(1)
print(f"check_files: ok ({len(yaml_blocks)} yaml blocks; pacta {', '.join(sorted(commands))})")
