#!/usr/bin/env bash
# The step of action.yml: its inputs, passed as PACTA_* environment
# variables (a multi-line input is one path per line), turned into the
# arguments of ci/pacta-ci.sh. Inputs left empty take pacta-ci.sh's defaults.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

steps=${PACTA_STEPS:-check,lint,test,plan}
case ${PACTA_LINT:-true} in
  true) ;;
  false) steps=$(tr ',' '\n' <<< "$steps" | grep -vx lint | paste -sd, -) ;;
  *) echo "pacta action: lint must be 'true' or 'false', not '$PACTA_LINT'" >&2; exit 2 ;;
esac
args=(--steps "$steps" --format "${PACTA_FORMAT:-github}" --pacta "${PACTA_PROGRAM:-pacta}")
[ -z "${PACTA_PATHS:-}" ] || args+=(--paths "$PACTA_PATHS")
[ -z "${PACTA_TESTS:-}" ] || args+=(--tests "$PACTA_TESTS")
[ -z "${PACTA_PLANS:-}" ] || args+=(--plans "$PACTA_PLANS")
[ -z "${PACTA_JUNIT_DIR:-}" ] || args+=(--junit-dir "$PACTA_JUNIT_DIR")
[ -z "${PACTA_SARIF_DIR:-}" ] || args+=(--sarif-dir "$PACTA_SARIF_DIR")
switch() {  # switch INPUT VALUE FLAG: FLAG when VALUE is 'true'
  case $2 in
    true) args+=("$3") ;;
    false) ;;
    *) echo "pacta action: $1 must be 'true' or 'false', not '$2'" >&2; exit 2 ;;
  esac
}
switch obligations "${PACTA_OBLIGATIONS:-false}" --obligations
switch deny-warnings "${PACTA_DENY_WARNINGS:-false}" --deny-warnings
exec "$here/pacta-ci.sh" "${args[@]}"
