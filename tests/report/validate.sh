#!/usr/bin/env bash
# The machine reports of SPEC §9.3 checked by their formats' own tools, on
# real output of the built binary:
#   validate.sh PACTA SOURCE_DIR FORMAT COMMAND    (FORMAT junit|sarif|tap, COMMAND check|test|plan|lint)
# `check` runs on the bundled contracts and two files with errors (exit 2);
# `test` on the bundled test files, a failing test file and one whose name
# and case names hold <&"%,: and control bytes (exit 1); `plan` on the
# bundled plan and a failing one with an obligation not performed (exit 1);
# `lint` on the bundled contracts and the lint fixture with every finding
# (exit 1: an L101; info findings are SARIF notes). The report goes to
# --output FILE, the text report to stdout (checked too). Validators:
#   junit  xmllint --schema tests/report/junit.xsd (Debian libxml2-utils)
#   sarif  python3 jsonschema (Debian python3-jsonschema) against the OASIS
#          SARIF 2.1.0 schema, tests/report/sarif-schema-2.1.0.json (see README.md)
#   tap    perl's TAP::Parser: it parses, the plan matches the points, the
#          failures are seen as failures.
set -euo pipefail
pacta=$1 source=$2 format=$3 command=$4
fail() { echo "validate ($format, $command): $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

report=$work/report
case $command in
  check)
    args=("$source/rules" "$source/tests/e2e/cases/E105-duplicate-key/input.yaml"
          "$source/tests/e2e/cases/E401-overrides-unknown/input.yaml")
    expected_exit=2 ;;
  test)
    hostile=$work/$'we<i>rd&"%,:\x1b.test.yaml'
    sed "s|^contract: .*|contract: $source/tests/e2e/cases/test-failing-case/rules.yaml|" \
      "$source/tests/e2e/cases/untrusted-junit-names/hostile.test.yaml" > "$hostile"
    args=("$source/rules" "$source/tests/e2e/cases/test-failing-case/demo.test.yaml" "$hostile")
    expected_exit=1 ;;
  plan)
    args=("$source/rules/microsoft-openai.plan.yaml"
          "$source/tests/e2e/cases/plan-failing/demo.plan.yaml" --obligations)
    expected_exit=1 ;;
  lint)
    args=("$source/rules" "$source/tests/e2e/cases/lint-text/rules.yaml")
    expected_exit=1 ;;
  *) fail "unknown command" ;;
esac
for a in "${args[@]}"; do [[ $a == --* || -e $a ]] || fail "missing input $a"; done

set +e
"$pacta" "$command" "${args[@]}" --format "$format" --output "$report" > "$work/stdout" 2> "$work/stderr"
status=$?
set -e
[ "$status" -eq "$expected_exit" ] || fail "exit $status, expected $expected_exit: $(cat "$work/stderr")"
[ -s "$report" ] || fail "no report written"
if [ "$command" = test ]; then
  grep -Eq '^[0-9]+ passed, [1-9][0-9]* failed$' "$work/stdout" || fail "stdout is not the text report"
elif [ "$command" = plan ]; then
  grep -Eq '^[0-9]+ held, [1-9][0-9]* failed, 1 obligation not performed$' "$work/stdout" ||
    fail "stdout is not the text report"
elif [ "$command" = lint ]; then
  grep -Eq '^lint: [1-9][0-9]* errors?, ' "$work/stdout" || fail "stdout is not the text report"
else
  grep -q ': ok: contract' "$work/stdout" || fail "stdout is not the text report"
fi

case $format in
  junit)
    xmllint --noout --schema "$source/tests/report/junit.xsd" "$report"
    grep -Eq '<(failure|error) ' "$report" || fail "no failure or error in the JUnit report"
    ;;
  sarif)
    python3 - "$source/tests/report/sarif-schema-2.1.0.json" "$report" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
jsonschema.Draft7Validator.check_schema(schema)
jsonschema.Draft7Validator(schema).validate(log)
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
assert run["results"], "no results"
for r in run["results"]:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"], r
    assert r["level"] in ("error", "warning", "note"), r
print(f"sarif: valid, {len(run['results'])} results, {len(rules)} rules")
PY
    ;;
  tap)
    head -1 "$report" | grep -qx 'TAP version 14' || fail "the first line is not 'TAP version 14'"
    # Debian's TAP::Parser (3.44) knows TAP 13, whose test points and YAML
    # blocks TAP 14 keeps: the rest is parsed as 13.
    sed '1s/14/13/' "$report" | perl -MTAP::Parser -e '
      my $p = TAP::Parser->new({ source => join("", <STDIN>) });
      my ($points, $failing) = (0, 0);
      while (my $r = $p->next) {
        next unless $r->is_test;
        $points++;
        $failing++ unless $r->is_ok;
      }
      my @errors = $p->parse_errors;
      die "TAP parse errors: @errors\n" if @errors;
      die "plan ", $p->tests_planned, " but $points points\n" if $p->tests_planned != $points;
      die "no failing point\n" unless $failing && scalar($p->failed) == $failing;
      print "tap: $points points, $failing failing\n";'
    ;;
  *) fail "unknown format" ;;
esac
