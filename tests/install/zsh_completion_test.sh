#!/usr/bin/env bash
# completions/_pacta: zsh parses it, and its helpers find the rule file on
# the command line and list its actions, parties and facts through the
# program (`pacta __complete`), with zsh's completion builtins replaced by
# stubs that record what would be offered.
#   zsh_completion_test.sh PACTA SOURCE_DIR
set -euo pipefail
pacta=$1 source=$2
command -v zsh > /dev/null || { echo "zsh_completion_test: zsh missing (Debian zsh)" >&2; exit 1; }
cd "$source"
zsh -n completions/_pacta
PACTA="$pacta" zsh -f <<'ZSH'
set -e
# Everything but the last line, which runs the completion.
eval "$(sed '$d' completions/_pacta)"
_call_program() { shift; eval "$*" }
_wanted() { shift 3; "$@" }
compadd() {
  local suffix=
  while [[ $1 == -* ]]; do
    case $1 in
      (-S) suffix=$2; shift 2 ;;
      (-a) offered=(${(P)2}); offered=(${^offered}$suffix); shift 2 ;;
      (*) shift ;;
    esac
  done
}
_pacta_program=$PACTA
failures=0
check() {  # WHAT WANTED WORDS...
  local fn=$1 wanted=$2
  shift 2
  words=("$@") CURRENT=$#
  offered=()
  $fn || true
  if (( ! ${offered[(Ie)$wanted]} )); then
    print -u2 "FAIL $fn on '$*': '$wanted' not in (${offered[*]})"
    failures=$((failures + 1))
  fi
}
check _pacta_actions sell_models ask rules/microsoft-openai.yaml ''
check _pacta_actions sell_models allowed --on today rules/microsoft-openai.yaml --action ''
check _pacta_parties openai timeline rules/microsoft-openai.yaml --party ''
check _pacta_facts agi_declared= ask rules/microsoft-openai.yaml --assume ''
words=(ask no-such-file.yaml '') CURRENT=3 offered=()
_pacta_actions || true
(( ${#offered} == 0 )) || { print -u2 "FAIL: a missing file offered (${offered[*]})"; failures=$((failures + 1)); }
(( failures == 0 )) || exit 1
print "zsh_completion_test: ok"
ZSH
