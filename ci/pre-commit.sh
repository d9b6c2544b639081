#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml (docs/ci.md, "pre-commit"):
#
#   ci/pre-commit.sh check|lint|test|plan [FILE_OR_DIR]...
#
# runs one step of ci/pacta-ci.sh on the files pre-commit passes (or on the
# hook's `args`). For check and lint, only rule files are kept — YAML files
# whose first key is `pacta` — so that a commit touching other YAML (a
# workflow, a test file, a file of amendments) is not an error; a directory
# is passed as it is (pacta searches it). The pacta run is $PACTA, else
# pacta on PATH. The exit code is pacta's: 0, 1 or 2.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
me=pacta-pre-commit
[ $# -ge 1 ] || { echo "$me: usage: $0 check|lint|test|plan [FILE_OR_DIR]..." >&2; exit 2; }
step=$1
shift

is_rule_file() {  # the first key of the YAML document is `pacta` (not pacta-test, …)
  awk '
    /^[[:space:]]*(#|$)/ || /^(%|---)/ { next }
    { found = ($0 ~ /^["'\'']?pacta["'\'']?[[:space:]]*:/); exit }
    END { exit found ? 0 : 1 }' "$1"
}

case $step in
  check | lint)
    kept=()
    for path in "$@"; do
      if [ -d "$path" ] || { [ -f "$path" ] && is_rule_file "$path"; }; then kept+=("$path"); fi
    done
    if [ ${#kept[@]} -eq 0 ]; then
      echo "$me: $step: none of the $# files is a rule file (first key 'pacta'); nothing to $step" >&2
      exit 0
    fi
    option=--paths ;;
  test) option=--tests ;;
  plan) option=--plans ;;
  *) echo "$me: unknown hook step '$step' (check, lint, test or plan)" >&2; exit 2 ;;
esac

if [ "$step" = test ] || [ "$step" = plan ]; then
  [ $# -gt 0 ] || { echo "$me: $step: no file given (set the hook's args to a directory)" >&2; exit 2; }
  kept=("$@")
fi
args=()
for path in "${kept[@]}"; do args+=("$option" "$path"); done
exec "$here/pacta-ci.sh" --steps "$step" "${args[@]}"
