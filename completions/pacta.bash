# bash completion for pacta, installed as
# /usr/share/bash-completion/completions/pacta (bash-completion loads it
# when `pacta` is first completed; or `source` it). Commands, each command's
# flags and their values, file names, and the actions, parties and facts of
# the rule file on the command line, which the program itself lists
# (`pacta __complete actions|parties|facts FILE`, docs/cli.md).

# The names WHAT of rule file FILE, through the program being completed;
# nothing when FILE is not a readable file or does not load.
_pacta_names() {
  local prog=$1 what=$2 file=$3
  [[ -f $file && -r $file ]] || return 0
  "$prog" __complete "$what" "$file" 2>/dev/null
}

# The first word after the command that is neither a flag nor a flag's
# value: the rule file of ask, allowed and timeline. Sets _pacta_file and
# _pacta_positionals (how many positionals come before the current word).
_pacta_scan() {
  local i w skip=0
  _pacta_file= _pacta_positionals=0
  for ((i = 2; i < cword; i++)); do
    w=${words[i]}
    if ((skip)); then skip=0; continue; fi
    case $w in
      --verbose | --expect-none | --by | --fail-on-change | -h | --help) ;;
      --*=*) ;;
      -*) skip=1 ;;
      *)
        ((_pacta_positionals++))
        [[ -z $_pacta_file ]] && _pacta_file=$w
        ;;
    esac
  done
}

_pacta() {
  local cur prev words cword
  _init_completion -n = || return

  local prog=${words[0]}
  command -v -- "$prog" >/dev/null 2>&1 || prog=pacta
  local commands="check ask explain allowed timeline diff repl test plan lint help"
  if ((cword == 1)); then
    COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
    return
  fi

  local cmd=${words[1]} flags formats="text json"
  local question="--assume --facts --as-agreed-on --without --with"
  case $cmd in
    check)
      flags="--format --output --help"
      formats="text json junit tap sarif github" ;;
    ask) flags="--on $question --kind --expect --batch --jobs --explain --format --help" ;;
    explain) flags="--on $question --unknown --kind --format --help" ;;
    allowed) flags="--on $question --kind --party --action --verdict --expect --expect-none --format --help" ;;
    timeline)
      flags="--from --to --party --verdict $question --explain --format --output --help"
      formats="text json svg html"
      ;;
    diff)
      flags="--action --from --to $question --base-assume --base-facts --base-as-agreed-on"
      flags+=" --base-without --base-with --by --fail-on-change --format --help"
      ;;
    repl) flags="--on --help" ;;
    test)
      flags="--verbose --filter --coverage --format --output --help"
      formats="text json junit tap sarif github" ;;
    plan)
      flags="--obligations --deny-warnings --format --output --help"
      formats="text json junit tap sarif github" ;;
    lint)
      flags="--deny-warnings --format --output --help"
      formats="text json junit tap sarif github" ;;
    help)
      ((cword == 2)) && COMPREPLY=($(compgen -W "$commands" -- "$cur"))
      return
      ;;
    *) return ;;
  esac

  local _pacta_file _pacta_positionals
  _pacta_scan
  # A flag's value.
  case $prev in
    --format)
      COMPREPLY=($(compgen -W "$formats" -- "$cur"))
      return
      ;;
    --expect | --verdict)
      COMPREPLY=($(compgen -W "permitted forbidden obligatory conflict allowed" -- "$cur"))
      return
      ;;
    --on | --from | --to | --as-agreed-on | --base-as-agreed-on)
      COMPREPLY=($(compgen -W "today" -- "$cur"))
      return
      ;;
    --facts | --base-facts | --with | --base-with | --output)
      _filedir
      return
      ;;
    --batch)
      _filedir
      [[ -z $cur || $cur == - ]] && COMPREPLY+=(-)
      return
      ;;
    --party)
      COMPREPLY=($(compgen -W "$(_pacta_names "$prog" parties "$_pacta_file")" -- "$cur"))
      return
      ;;
    --action)
      COMPREPLY=($(compgen -W "$(_pacta_names "$prog" actions "$_pacta_file")" -- "$cur"))
      return
      ;;
    --assume | --base-assume)
      COMPREPLY=($(compgen -S = -W "$(_pacta_names "$prog" facts "$_pacta_file")" -- "$cur"))
      compopt -o nospace 2>/dev/null
      return
      ;;
    --kind | --filter | --jobs | --without | --base-without) return ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    return
  fi
  case $cmd in
    check | lint) _filedir '@(yaml|yml)' ;;
    test | plan) _filedir '@(yaml|yml)' ;;
    ask | explain | timeline)
      if ((_pacta_positionals == 0)); then
        _filedir '@(yaml|yml)'
      elif ((_pacta_positionals == 1)); then
        COMPREPLY=($(compgen -W "$(_pacta_names "$prog" actions "$_pacta_file")" -- "$cur"))
      fi
      ;;
    allowed | repl) ((_pacta_positionals == 0)) && _filedir '@(yaml|yml)' ;;
    diff) ((_pacta_positionals < 2)) && _filedir '@(yaml|yml)' ;;
  esac
}
complete -F _pacta pacta
