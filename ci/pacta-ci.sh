#!/usr/bin/env bash
# Gate a CI pipeline on contract terms (docs/ci.md): run pacta's steps —
# check, lint, test, plan — on a repository's files, every step even after
# one fails, and exit with the worst exit code (2 over 1 over 0).
#
#   ci/pacta-ci.sh [--paths PATH]... [--tests PATH]... [--plans PATH]...
#                  [--steps check,lint,test,plan] [--format text|github]
#                  [--junit-dir DIR] [--sarif-dir DIR]
#                  [--obligations] [--deny-warnings] [--pacta PROGRAM]
#
# --paths     rule files or directories, for check and lint (default: rules);
#             test and plan search them too unless --tests / --plans are given
# --tests     test files or directories searched for *.test.yaml, for test
# --plans     plan files or directories searched for *.plan.yaml, for plan
#             (every path option repeats; a value of several lines is one
#             path per line, as a GitHub Action input is written)
# --steps     the steps to run, in order (default: check,lint,test,plan)
# --format    each step's report on stdout: text (default) or github
#             (workflow commands: annotations, and a summary appended to
#             $GITHUB_STEP_SUMMARY when it is set)
# --junit-dir also write DIR/STEP.xml, a JUnit report of each step
# --sarif-dir also write DIR/STEP.sarif, a SARIF report of check and lint
# --obligations   plan --obligations
# --deny-warnings plan and lint: a warning fails (exit 1)
# --pacta     the program to run (default: $PACTA, else pacta on PATH)
#
# A step whose pacta lacks it is never skipped: `lint` in the steps and no
# `pacta help lint` is exit 2 before anything runs. Messages of this script
# go to stderr.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
me=pacta-ci
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
die() { echo "$me: error: $*" >&2; exit 2; }

paths=() tests=() plans=()
steps=check,lint,test,plan format=text junit_dir='' sarif_dir=''
obligations=false deny_warnings=false pacta=${PACTA:-pacta}

add_lines() {  # add_lines ARRAY VALUE: one element per non-empty line of VALUE
  local -n into=$1
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    [ -n "${line//[[:space:]]/}" ] && into+=("$line")
  done <<< "$2"
  return 0
}

while [ $# -gt 0 ]; do
  case $1 in
    --paths | --tests | --plans | --steps | --format | --junit-dir | --sarif-dir | --pacta)
      [ $# -ge 2 ] || die "$1 needs a value"
      case $1 in
        --paths) add_lines paths "$2" ;;
        --tests) add_lines tests "$2" ;;
        --plans) add_lines plans "$2" ;;
        --steps) steps=$2 ;;
        --format) format=$2 ;;
        --junit-dir) junit_dir=$2 ;;
        --sarif-dir) sarif_dir=$2 ;;
        --pacta) pacta=$2 ;;
      esac
      shift 2 ;;
    --obligations) obligations=true; shift ;;
    --deny-warnings) deny_warnings=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see $0 --help)" ;;
  esac
done

[ ${#paths[@]} -gt 0 ] || paths=(rules)
[ ${#tests[@]} -gt 0 ] || tests=("${paths[@]}")
[ ${#plans[@]} -gt 0 ] || plans=("${paths[@]}")
case $format in text | github) ;; *) die "--format $format: text or github (machine files: --junit-dir, --sarif-dir)" ;; esac

IFS=, read -r -a step_list <<< "$steps"
[ ${#step_list[@]} -gt 0 ] || die "--steps is empty"
for step in "${step_list[@]}"; do
  case $step in check | lint | test | plan) ;; *) die "unknown step '$step' (the steps are check, lint, test, plan)" ;; esac
done

command -v "$pacta" > /dev/null 2>&1 || die "pacta not found: '$pacta' (install it, or give --pacta PROGRAM or \$PACTA)"
for step in "${step_list[@]}"; do
  if ! "$pacta" help "$step" > /dev/null 2>&1; then
    if [ "$step" = lint ]; then
      die "this pacta ($("$pacta" --version 2>/dev/null || echo "$pacta")) has no 'lint' command ('pacta help lint' fails); upgrade pacta, or leave lint out explicitly: --steps check,test,plan"
    fi
    die "this pacta has no '$step' command ('pacta help $step' fails)"
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for dir in "$junit_dir" "$sarif_dir"; do
  [ -z "$dir" ] || mkdir -p "$dir" || die "cannot create '$dir'"
done

takes_format() {  # takes_format STEP FORMAT: `pacta help STEP` lists FORMAT for --format
  "$pacta" help "$1" | grep -Eq -- "--format TEXT:\{([a-z]+,)*$2(,[a-z]+)*\}"
}
takes_flag() { "$pacta" help "$1" | grep -Eq -- "(^|[ ,])$2( |$)"; }

step_args() {  # step_args STEP: fills args with the step's paths and flags
  args=()
  case $1 in
    check | lint) args=("${paths[@]}") ;;
    test) args=("${tests[@]}") ;;
    plan) args=("${plans[@]}")
      if $obligations; then args+=(--obligations); fi ;;
  esac
  if $deny_warnings && takes_flag "$1" --deny-warnings; then args+=(--deny-warnings); fi
  return 0
}

# run STEP FORMAT [FILE]: the step with its report in FORMAT on stdout, or in
# FILE (and then its own output discarded); prints the exit code, 0..2.
run() {
  local step=$1 fmt=$2 file=${3:-} status=0 args
  step_args "$step"
  if [ "$fmt" = text ] || takes_format "$step" "$fmt"; then
    local out=(--format "$fmt")
    [ -z "$file" ] || out+=(--output "$file")
    if [ -z "$file" ]; then
      "$pacta" "$step" "${args[@]}" "${out[@]}" >&3 || status=$?
    else
      "$pacta" "$step" "${args[@]}" "${out[@]}" > /dev/null 2> "$work/stderr" || status=$?
    fi
  else
    echo "$me: error: pacta $step does not write --format $fmt" >&2
    echo 2
    return
  fi
  if [ "$status" -gt 2 ]; then
    echo "$me: pacta $step exited $status (not 0, 1 or 2): counted as 2" >&2
    status=2
  fi
  echo "$status"
}

worst=0
results=()
exec 3>&1
for step in "${step_list[@]}"; do
  step_args "$step"
  echo "$me: pacta $step ${args[*]}" >&2
  status=$(run "$step" "$format")
  for extra in "junit:$junit_dir:xml" "sarif:$sarif_dir:sarif"; do
    IFS=: read -r fmt dir ext <<< "$extra"
    [ -n "$dir" ] || continue
    [ "$fmt" != sarif ] || [ "$step" = check ] || [ "$step" = lint ] || continue
    extra_status=$(run "$step" "$fmt" "$dir/$step.$ext")
    if [ "$extra_status" != "$status" ]; then
      [ ! -s "$work/stderr" ] || cat "$work/stderr" >&2
      echo "$me: pacta $step --format $fmt exited $extra_status, the $format run $status" >&2
      [ "$extra_status" -le "$status" ] || status=$extra_status
    fi
    rm -f "$work/stderr"
  done
  echo "$me: pacta $step: exit $status" >&2
  results+=("$step:$status")
  [ "$status" -le "$worst" ] || worst=$status
done

words=(passed failed "invalid input")
line=''
for r in "${results[@]}"; do line+=" ${r%%:*} ${r##*:},"; done
echo "$me:${line%,} → exit $worst" >&2
if [ "$format" = github ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    echo "## pacta-ci: exit $worst"
    echo
    echo "| step | exit | |"
    echo "|---|---:|---|"
    for r in "${results[@]}"; do echo "| ${r%%:*} | ${r##*:} | ${words[${r##*:}]} |"; done
    echo
  } >> "$GITHUB_STEP_SUMMARY"
fi
exit "$worst"
