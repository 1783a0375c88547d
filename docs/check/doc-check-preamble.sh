# Sourced first by the script docs:check runs for a page (docs/check/doc-script.ts): the page's
# blocks follow it in the same bash process.
#
# `curl` is a function: it prints what curl prints, reads the status from its own --dump-header
# and fails the check on a status of 400 or more, or on any status other than the command's
# `# -> NNN`. A failure is also written to $DOCS_CHECK_FAILURES, so that one inside `&&`, `||` or
# `if` still ends the run before the next command. The DEBUG trap marks the start of each command
# in the output (\036<index>\036), finding it by the script line bash reports, which may be any
# line of a command written over several lines.
set -euo pipefail
exec 2>&1
__DC_CURRENT=-1
__dc_enter() {
  if [[ -s $DOCS_CHECK_FAILURES ]]; then exit 1; fi
  local index=${__DC_LINES[$1]:-}
  if [[ -n $index && $index != "$__DC_CURRENT" ]]; then
    __DC_CURRENT=$index
    printf '\036%s\036' "$index"
  fi
}
__dc_fail() {
  printf '\ndocs:check: %s\n' "$1" >&2
  printf '%s\t%s\n' "$__DC_CURRENT" "$1" >>"$DOCS_CHECK_FAILURES"
  return 1
}
curl() {
  local headers body rc=0 status expect reason
  headers=$(mktemp)
  body=$(mktemp)
  command curl --max-time 30 "$@" --dump-header "$headers" >"$body" || rc=$?
  # A reader that stops early (`curl ... | head`) is no failure, as it is none in the reader's shell.
  # JSON answers end without a line break: what follows starts on a line of its own.
  (
    trap '' PIPE
    cat "$body" && if [[ -s $body && -n $(tail -c 1 "$body") ]]; then echo; fi
  ) 2>/dev/null || true
  status=$(grep -aoE '^HTTP/[0-9.]+ [0-9]{3}' "$headers" | tail -n 1 | grep -oE '[0-9]{3}$' || true)
  status=${status:-000}
  rm -f "$headers" "$body"
  expect=${__DC_EXPECT[$__DC_CURRENT]:-}
  case $rc in
    0 | 22) reason="" ;; # 22: --fail and a status of 400 or more, judged by the status below
    6) reason="could not resolve the host" ;;
    7) reason="could not connect (is the server listening?)" ;;
    28) reason="timed out" ;;
    *) reason="see EXIT CODES in man curl" ;;
  esac
  if [[ -n $reason ]]; then
    __dc_fail "curl exited $rc: $reason"
  elif [[ -n $expect && $status != "$expect" ]]; then
    __dc_fail "curl got HTTP $status, the docs say # -> $expect"
  elif [[ -z $expect ]] && ((10#$status >= 400)); then
    __dc_fail "curl got HTTP $status; if the docs mean it, put '# -> $status' on the line after the command"
  fi
}
trap 'if [[ -s $DOCS_CHECK_FAILURES ]]; then exit 1; fi' EXIT
