#!/usr/bin/env bash
# completions/pacta.bash, as bash-completion runs it: COMP_WORDS and
# COMP_CWORD set, the function called, COMPREPLY checked. The actions,
# parties and facts come from the program (`pacta __complete`), found on
# PATH as `pacta`.
#   bash_completion_test.sh PACTA_DIR SOURCE_DIR
set -uo pipefail
pacta_dir=$1 source=$2
export PATH="$pacta_dir:$PATH"
cd "$source"
loader=/usr/share/bash-completion/bash_completion
[ -r "$loader" ] || { echo "bash_completion_test: $loader missing (Debian bash-completion)" >&2; exit 1; }
# shellcheck source=/dev/null
source "$loader"
# shellcheck source=../../completions/pacta.bash
source completions/pacta.bash
failures=0

# complete WORD... : COMPREPLY for the last word (may be empty).
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _pacta pacta "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
}

# expect "DESCRIPTION" "WANTED WORDS" WORD... : every wanted word is offered.
expect() {
  local what=$1 wanted=$2
  shift 2
  complete_words "$@"
  local got=" ${COMPREPLY[*]} " w
  for w in $wanted; do
    if [[ $got != *" $w "* ]]; then
      echo "FAIL $what: '$w' not in [${COMPREPLY[*]}]" >&2
      failures=$((failures + 1))
    fi
  done
}

# expect_none "DESCRIPTION" WORD... : nothing is offered.
expect_none() {
  local what=$1
  shift
  complete_words "$@"
  if [ ${#COMPREPLY[@]} -ne 0 ]; then
    echo "FAIL $what: expected nothing, got [${COMPREPLY[*]}]" >&2
    failures=$((failures + 1))
  fi
}

rules=rules/microsoft-openai.yaml
expect "commands" "check ask allowed timeline test help" pacta ''
expect "commands by prefix" "timeline test" pacta t
expect "top-level flags" "--help --version" pacta --
expect "ask flags" "--on --assume --facts --as-agreed-on --kind --expect --batch --jobs --format --help" pacta ask $rules --
expect "allowed flags" "--party --action --verdict --expect-none" pacta allowed $rules --
expect "timeline flags" "--from --to --output" pacta timeline $rules --
expect "test flags" "--verbose --filter" pacta test --
expect "rule file" "$rules" pacta ask rules/microsoft-openai.y
expect "ask ACTION from the file" "sell_models" pacta ask $rules ''
expect "ask ACTION after flags" "sell_models" pacta ask --on 2026-01-15 $rules sell
expect "timeline ACTION" "sell_models" pacta timeline $rules ''
expect "allowed --action" "sell_models" pacta allowed $rules --action ''
expect "--party" "openai microsoft" pacta allowed $rules --party ''
expect "--assume" "agi_declared=" pacta ask $rules --assume ''
expect "--format of timeline" "svg html" pacta timeline $rules --format ''
expect "--expect" "permitted forbidden allowed" pacta ask $rules sell_models --expect ''
expect "--on" "today" pacta ask $rules sell_models --on ''
expect "--batch stdin" "-" pacta ask $rules --batch ''
expect "help COMMAND" "check ask allowed timeline test" pacta help ''
expect_none "ask ACTION of a missing file" pacta ask no-such-file.yaml ''
expect_none "ask ACTION of a file that does not load" pacta ask rules/microsoft-openai.test.yaml ''
expect_none "nothing after ask's ACTION" pacta ask $rules sell_models ''

if [ "$failures" -ne 0 ]; then
  echo "bash_completion_test: $failures failed" >&2
  exit 1
fi
echo "bash_completion_test: ok"
