#!/usr/bin/env bash
# `pacta repl` under a real terminal: tmux runs it in a pane of its own
# server, keys are sent and the screen is read back (capture-pane). Checks
# the prompt, tab completion (commands, actions, params, values, facts,
# clause ids, the listing of several candidates), an answer, history kept
# in $XDG_STATE_HOME/pacta/history across sessions (Up), Ctrl-D, and one
# warning for a history file that cannot be written. Waits poll the screen
# (every 0.1 s, at most 10 s); nothing depends on timing otherwise.
#   interactive.sh PACTA SOURCE_DIR
set -euo pipefail
pacta=$1 source=$2
if ! command -v tmux > /dev/null; then
  echo "interactive.sh: SKIPPED: tmux is not installed (./run.sh test installs it)"
  exit 77
fi
work=$(mktemp -d)
# One tmux server per session (a server just killed may still be going away).
sessions=0
socket=pacta-test-$$-0
cleanup() {
  local i
  for ((i = 0; i <= sessions; i++)); do tmux -L "pacta-test-$$-$i" kill-server 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "interactive.sh: $*" >&2
  echo "--- the screen:" >&2
  screen >&2 || true
  exit 1
}

# start STATE_HOME: a session in a fresh pane (HOME empty: no ~/.editrc of
# the user's); the pane stays once pacta has exited, showing its exit code.
start() {
  tmux -L "$socket" kill-server 2> /dev/null || true
  socket=pacta-test-$$-$((++sessions))
  tmux -L "$socket" new-session -d -x 120 -y 40 -c "$source" \
    "env HOME='$work/home' XDG_STATE_HOME='$1' TERM=xterm NO_COLOR=1 '$pacta' repl rules/microsoft-openai.yaml --on 2026-01-15; echo \"[exited \$?]\"; sleep 600"
}
screen() { tmux -L "$socket" capture-pane -p; }
keys() { tmux -L "$socket" send-keys "$@"; }
# wait_for TEXT: until some line of the screen holds TEXT.
wait_for() {
  local i
  for ((i = 0; i < 100; i++)); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "never shown: '$1'"
}
# wait_line TEXT: until the line the cursor is on is TEXT (capture-pane
# drops trailing blanks, so 'pacta 2026-01-15> :assume ' reads without them).
wait_line() {
  local i line
  for ((i = 0; i < 100; i++)); do
    line=$(tmux -L "$socket" display-message -p '#{cursor_y}')
    [[ $(screen | sed -n "$((line + 1))p") == "$1" ]] && return 0
    sleep 0.1
  done
  fail "the cursor's line never became '$1'"
}
prompt='pacta 2026-01-15> '

state=$work/state
start "$state"
wait_for "pacta repl: contract 'microsoft-openai' (rules/microsoft-openai.yaml); :help lists the commands"
wait_line "${prompt% }"
# A command; a fact and its value.
keys ':assu' Tab
wait_line "$prompt:assume"
keys 'agi' Tab
wait_line "$prompt:assume agi_declared="
keys 't' Tab
wait_line "$prompt:assume agi_declared=true"
keys Enter
wait_line "${prompt% }"
# An action, its params (two: listed), a param's values.
keys 'sell_mo' Tab
wait_line "${prompt}sell_models("
keys Tab
wait_for 'channel=  seller='
keys 'sel' Tab
wait_line "${prompt}sell_models(seller="
keys 'op' Tab
wait_line "${prompt}sell_models(seller=openai"
keys ', ' Tab
wait_line "${prompt}sell_models(seller=openai, channel="
keys 'a' Tab
wait_for 'aws    azure'
keys 'w' Tab
wait_line "${prompt}sell_models(seller=openai, channel=aws"
keys ')' Enter
wait_for 'microsoft-openai on 2026-01-15, assuming agi_declared=true'
wait_for 'sell_models(seller=openai, channel=aws)  permitted  open-distribution'
# A clause id.
keys ':show sales' Tab
wait_line "$prompt:show sales-exclusivity"
keys Enter
wait_for 'clause sales-exclusivity (rules/microsoft-openai.yaml:'
# An error does not end the session; the date is in the prompt.
keys ':on 2026-13-01' Enter
wait_for "error: --on takes a date or 'today', got '2026-13-01' [E601]"
keys ':on 2025-01-01' Enter
wait_line 'pacta 2025-01-01>'
keys ':quit' Enter
wait_for '[exited 0]'

history=$state/pacta/history
[ -f "$history" ] || fail "no history file at $history"
[ "$(stat -c %a "$state/pacta")" = 700 ] || fail "$state/pacta is not 0700"
grep -qF 'agi_declared=true' "$history" || fail "the history file lacks :assume agi_declared=true"

# A new session finds the history: Up shows the last lines, newest first.
start "$state"
wait_line "${prompt% }"
keys Up
wait_line "$prompt:quit"
keys Up
wait_line "$prompt:on 2025-01-01"
keys C-u C-d
wait_for '[exited 0]'

# A history file that cannot be written: one warning, the session goes on.
touch "$work/not-a-folder"
start "$work/not-a-folder"
wait_line "${prompt% }"
keys ':state' Enter
wait_for "pacta: warning: cannot write the history file '$work/not-a-folder/pacta/history'"
keys 'host_models(azure)' Enter
wait_for 'host_models(host=azure)  obligatory  azure-compute'
[ "$(screen | grep -c 'cannot write the history file')" = 1 ] || fail "the warning is not shown once"
keys ':quit' Enter
wait_for '[exited 0]'
echo "interactive.sh: ok"
