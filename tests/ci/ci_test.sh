#!/usr/bin/env bash
# ci/pacta-ci.sh, ci/pre-commit.sh and ci/action.sh run with the built pacta
# (docs/ci.md, "How this page is tested"):
#   ci_test.sh PACTA SOURCE_DIR script|pre-commit|action
# Every run is from SOURCE_DIR, as a CI job runs from its repository's root;
# JUnit files are validated by xmllint against tests/report/junit.xsd.
set -euo pipefail
pacta=$1 source=$2 part=$3
fail() { echo "ci_test ($part): $*" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/pacta ci.XXXXXX")  # a space in every path
trap 'rm -rf "$work"' EXIT
cd "$source"
export PACTA=$pacta
unset GITHUB_STEP_SUMMARY

# run NAME EXPECTED_EXIT COMMAND...: stdout to $work/NAME.out, stderr .err
run() {
  local name=$1 expected=$2 status=0
  shift 2
  "$@" > "$work/$name.out" 2> "$work/$name.err" || status=$?
  [ "$status" -eq "$expected" ] ||
    fail "$name: exit $status, expected $expected; stderr: $(cat "$work/$name.err")"
}
valid_junit() {  # valid_junit FILE...: each exists and validates
  local f
  for f in "$@"; do
    [ -s "$f" ] || fail "no JUnit file $f"
    xmllint --noout --schema "$source/tests/report/junit.xsd" "$f" 2> "$work/xmllint.err" ||
      fail "$f is not valid JUnit: $(cat "$work/xmllint.err")"
  done
}
no_annotations() { ! grep -Eq '^::(error|warning)' "$1" || fail "annotations in a passing run: $(cat "$1")"; }

# The default steps (check,lint,test,plan). Only the bundled Microsoft-OpenAI
# contract is lint-clean: distribution.yaml holds a deliberate conflict (an
# L101 error) and saas-subscription.yaml deliberate month-end clamping.
steps=()
clean=rules/microsoft-openai.yaml

case $part in
  script)
    # The bundled files pass: exit 0, no annotation, every JUnit file valid
    # and without failures, SARIF of check only.
    junit="$work/junit dir" sarif=$work/sarif
    export GITHUB_STEP_SUMMARY=$work/summary.md
    printf '# an earlier step\n' > "$GITHUB_STEP_SUMMARY"
    run bundled 0 ci/pacta-ci.sh "${steps[@]}" --paths "$clean" --tests rules --plans rules \
      --obligations --deny-warnings \
      --format github --junit-dir "$junit" --sarif-dir "$sarif"
    no_annotations "$work/bundled.out"
    valid_junit "$junit/check.xml" "$junit/lint.xml" "$junit/test.xml" "$junit/plan.xml"
    ! grep -Eq '<(failure|error) ' "$junit"/*.xml || fail "failures in the bundled files' JUnit"
    grep -q 'tests="139"' "$junit/test.xml" || fail "test.xml does not hold the 139 bundled cases"
    grep -q 'tests="6"' "$junit/plan.xml" || fail "plan.xml does not hold the 6 bundled steps"
    [ "$(ls "$sarif" | tr '\n' ' ')" = "check.sarif lint.sarif " ] ||
      fail "SARIF other than check's and lint's: $(ls "$sarif")"
    for f in check lint; do
      python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["version"] == "2.1.0"' \
        "$sarif/$f.sarif" || fail "$f.sarif is not SARIF 2.1.0"
    done
    head -1 "$GITHUB_STEP_SUMMARY" | grep -qx '# an earlier step' || fail "the summary was not appended to"
    for heading in '## pacta check' '## pacta lint' '## pacta test' '## pacta plan' '## pacta-ci: exit 0'; do
      grep -qxF "$heading" "$GITHUB_STEP_SUMMARY" || fail "no '$heading' in the summary"
    done
    grep -q '→ exit 0' "$work/bundled.err" || fail "no closing line: $(cat "$work/bundled.err")"

    # A failing test file and plan: exit 1, ::error lines at their files,
    # JUnit failures, the plan's obligation a warning; check still passes.
    rm -f "$GITHUB_STEP_SUMMARY"
    failing_test=tests/e2e/cases/test-failing-case/demo.test.yaml
    failing_plan=tests/e2e/cases/plan-failing/demo.plan.yaml
    run failing 1 ci/pacta-ci.sh "${steps[@]}" --paths "$clean" --tests "$failing_test" \
      --plans "$failing_plan" --obligations --format github --junit-dir "$junit"
    grep -q "^::error file=$failing_test,line=9," "$work/failing.out" || fail "no ::error for the test"
    grep -q "^::error file=$failing_plan,line=9," "$work/failing.out" || fail "no ::error for the plan"
    grep -q "^::warning file=$failing_plan," "$work/failing.out" || fail "no ::warning for the obligation"
    bad=$(grep -v '^::\(error\|warning\|notice\) file=' "$work/failing.out" || true)
    [ -z "$bad" ] || fail "lines that are not annotations in --format github: $bad"
    valid_junit "$junit/check.xml" "$junit/lint.xml" "$junit/test.xml" "$junit/plan.xml"
    grep -q 'failures="2"' "$junit/test.xml" || fail "test.xml lacks its 2 failures"
    grep -q 'failures="2"' "$junit/plan.xml" || fail "plan.xml lacks its 2 failures"
    grep -qxF '## pacta-ci: exit 1' "$GITHUB_STEP_SUMMARY" || fail "no summary of the failing run"
    grep -q 'check 0, lint 0, test 1, plan 1 → exit 1' "$work/failing.err" || fail "$(cat "$work/failing.err")"

    # The worst code wins, and a failing step does not stop the others: a
    # missing test file (2) before a failing plan (1) gives 2, and the plan
    # still ran.
    run worst 2 ci/pacta-ci.sh --steps test,plan,check --tests "$work/missing.test.yaml" \
      --plans "$failing_plan" --paths rules
    grep -q 'test 2, plan 1, check 0 → exit 2' "$work/worst.err" || fail "$(cat "$work/worst.err")"
    grep -q 'FAIL host globex on aws' "$work/worst.out" || fail "the plan did not run after the test's 2"
    # A missing plan with --format github: its diagnostic is an ::error.
    run missing_plan 2 ci/pacta-ci.sh --steps plan --plans "$work/missing.plan.yaml" --format github
    grep -q '^::error file=.*missing.plan.yaml,title=E101::' "$work/missing_plan.out" ||
      fail "no ::error for the missing plan: $(cat "$work/missing_plan.out")"

    # lint by default: with this pacta's help, it is there or exit 2 before
    # any step runs; never a skip.
    if "$pacta" help lint > /dev/null 2>&1; then
      run default 0 ci/pacta-ci.sh --paths "$clean" --tests rules --plans rules
    else
      run default 2 ci/pacta-ci.sh --paths rules
      grep -q "no 'lint' command" "$work/default.err" || fail "no word about lint: $(cat "$work/default.err")"
      grep -q -- '--steps check,test,plan' "$work/default.err" || fail "no hint of --steps"
      [ ! -s "$work/default.out" ] || fail "a step ran: $(cat "$work/default.out")"
    fi
    # Usage errors are 2: an unknown step, a format that is no log format,
    # a pacta that is not there.
    run unknown_step 2 ci/pacta-ci.sh --steps check,deploy
    run bad_format 2 ci/pacta-ci.sh "${steps[@]}" --format junit
    run no_pacta 2 ci/pacta-ci.sh "${steps[@]}" --pacta "$work/no-pacta"
    grep -q 'pacta not found' "$work/no_pacta.err" || fail "$(cat "$work/no_pacta.err")"
    ;;

  pre-commit)
    # check keeps the rule files of what pre-commit passes.
    run check 0 ci/pre-commit.sh check rules/microsoft-openai.yaml rules/what-if/extend-azure.yaml \
      .pre-commit-hooks.yaml action.yml
    grep -qx "rules/microsoft-openai.yaml: ok: contract 'microsoft-openai', 11 clauses, 1 amendment" \
      "$work/check.out" || fail "check: $(cat "$work/check.out")"
    [ "$(wc -l < "$work/check.out")" -eq 1 ] || fail "check ran on more than the rule file"
    run check_none 0 ci/pre-commit.sh check action.yml rules/what-if/extend-azure.yaml
    grep -q 'none of the 2 files is a rule file' "$work/check_none.err" || fail "$(cat "$work/check_none.err")"
    run check_error 2 ci/pre-commit.sh check tests/e2e/cases/E401-unknown-fact/input.yaml
    grep -q '\[E401\]' "$work/check_error.err" || fail "no E401: $(cat "$work/check_error.err")"
    run test 0 ci/pre-commit.sh test rules/microsoft-openai.test.yaml rules/distribution.test.yaml
    grep -qx '92 passed, 0 failed' "$work/test.out" || fail "test: $(cat "$work/test.out")"
    run test_failing 1 ci/pre-commit.sh test tests/e2e/cases/test-failing-case/demo.test.yaml
    run plan 0 ci/pre-commit.sh plan rules/microsoft-openai.plan.yaml
    grep -qx '6 held, 0 failed' "$work/plan.out" || fail "plan: $(cat "$work/plan.out")"
    run plan_failing 1 ci/pre-commit.sh plan tests/e2e/cases/plan-failing/demo.plan.yaml
    run plan_none 2 ci/pre-commit.sh plan
    run bad_hook 2 ci/pre-commit.sh deploy rules
    if "$pacta" help lint > /dev/null 2>&1; then
      run lint 0 ci/pre-commit.sh lint rules/microsoft-openai.yaml
    else
      run lint 2 ci/pre-commit.sh lint rules/microsoft-openai.yaml
      grep -q "no 'lint' command" "$work/lint.err" || fail "lint: $(cat "$work/lint.err")"
    fi
    ;;

  action)
    # The inputs as action.yml passes them: multi-line paths, lint false.
    export GITHUB_STEP_SUMMARY=$work/summary.md
    run action 0 env PACTA_PROGRAM="$pacta" PACTA_LINT=false PACTA_PATHS=$'rules\n' \
      PACTA_TESTS=$'rules/microsoft-openai.test.yaml\nrules/distribution.test.yaml\n' \
      PACTA_PLANS=rules PACTA_OBLIGATIONS=true PACTA_DENY_WARNINGS=true \
      PACTA_JUNIT_DIR="$work/junit dir" ci/action.sh
    no_annotations "$work/action.out"
    valid_junit "$work/junit dir/check.xml" "$work/junit dir/test.xml" "$work/junit dir/plan.xml"
    grep -q 'tests="92"' "$work/junit dir/test.xml" || fail "the two test files were not both run"
    grep -q 'pacta plan rules --obligations --deny-warnings' "$work/action.err" || fail "$(cat "$work/action.err")"
    grep -qxF '## pacta-ci: exit 0' "$GITHUB_STEP_SUMMARY" || fail "the action's format is not github"
    run action_lint_word 2 env PACTA_PROGRAM="$pacta" PACTA_LINT=maybe ci/action.sh
    if ! "$pacta" help lint > /dev/null 2>&1; then
      run action_default 2 env PACTA_PROGRAM="$pacta" ci/action.sh
      grep -q "no 'lint' command" "$work/action_default.err" || fail "$(cat "$work/action_default.err")"
    fi
    ;;
  *) fail "unknown part" ;;
esac
echo "ci_test ($part): ok"
