#!/usr/bin/env bash
# Checks codecube-runner's edge cases (docs/runner-protocol.md) inside the real base image, hardened like a run.
#
#   images/protocol-test.sh [--runtime runc|runsc]
#
# Bad headers, short reads, usage errors, compile output vs marker, compile timeout killing the whole process
# group, 1 MiB of code through a pipe, and arguments and stdin arriving byte-exact after it.
set -euo pipefail

runtime=
[ "${1:-}" != --runtime ] || runtime=$2
image=codecube/base:latest
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nonce=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
failures=0

# runner STDIN-FILE RUNNER-ARGS...: runs the runner; leaves out, err and rc in $tmp.
runner() {
    local input=$1 rc=0
    shift
    local -a rt=()
    [ -z "$runtime" ] || rt=(--runtime "$runtime")
    docker run -i --rm "${rt[@]}" --read-only --tmpfs /tmp:rw,size=64m --network none --cap-drop ALL \
        --security-opt no-new-privileges --ipc none --memory 256m --memory-swap 256m --pids-limit 192 \
        --ulimit nofile=256 --ulimit fsize=16777216 --ulimit core=0 --init --log-driver none --user 10001 \
        "$image" codecube-runner "$@" <"$input" >"$tmp/out" 2>"$tmp/err" || rc=$?
    echo "$rc" >"$tmp/rc"
}

# request CODE-FILE ARGS-FILE STDIN-TEXT: writes a well-formed request to $tmp/in.
request() {
    {
        printf 'CODECUBE/1 %s %d %d\n' "$nonce" "$(wc -c <"$1")" "$(wc -c <"$2")"
        cat "$1" "$2"
        printf '%s' "$3"
    } >"$tmp/in"
}

expect() {
    local name=$1 condition=$2
    if eval "$condition"; then
        printf '  %-28s ok\n' "$name"
    else
        printf '  %-28s FAIL (%s), exit %s\n' "$name" "$condition" "$(cat "$tmp/rc")"
        sed 's/^/      out| /' "$tmp/out" | head -n 5
        sed 's/^/      err| /' "$tmp/err" | head -n 5
        failures=$((failures + 1))
    fi
}

has_marker() { grep -qxF "@@CODECUBE $nonce $2@@" "$tmp/$1"; }
rc() { cat "$tmp/rc"; }

printf 'CODECUBE/1 %s 1 0\nx' "${nonce^^}" >"$tmp/in"
runner "$tmp/in" --file main.sh -- bash main.sh
expect "uppercase nonce" '[ "$(rc)" = 2 ] && ! grep -q @@CODECUBE "$tmp/out" && grep -q bad-header "$tmp/err"'

printf 'CODECUBE/1 %s\nx' "$nonce" >"$tmp/in"
runner "$tmp/in" --file main.sh -- bash main.sh
expect "header without separator" '[ "$(rc)" = 2 ] && has_marker out "error bad-header" && grep -q separator "$tmp/err"'

printf 'CODECUBE/1 %sX1 0\nx' "$nonce" >"$tmp/in"
runner "$tmp/in" --file main.sh -- bash main.sh
expect "nonce glued to sizes" '[ "$(rc)" = 2 ] && grep -q bad-header "$tmp/err"'

printf 'cat /proc/$PPID/environ >/dev/null 2>&1 && echo readable || echo denied' >"$tmp/code"; : >"$tmp/args"
request "$tmp/code" "$tmp/args" ''
runner "$tmp/in" --file main.sh -- bash main.sh
expect "runner not dumpable" '[ "$(rc)" = 0 ] && grep -qx denied "$tmp/out"'

head -c 300 /dev/zero | tr '\0' 'A' >"$tmp/in"
runner "$tmp/in" --file main.sh -- bash main.sh
expect "header too long" '[ "$(rc)" = 2 ] && grep -q header-too-long "$tmp/err"'

printf 'CODECUBE/1 %s 100 0\nonly ten b' "$nonce" >"$tmp/in"
runner "$tmp/in" --file main.sh -- bash main.sh
expect "short code" '[ "$(rc)" = 2 ] && has_marker out "error short-read" && has_marker err "error short-read"'

printf 'CODECUBE/1 %s 99999999 0\n' "$nonce" >"$tmp/in"
runner "$tmp/in" --file main.sh -- bash main.sh
expect "code too large" '[ "$(rc)" = 2 ] && has_marker out "error too-large"'

printf 'x' >"$tmp/code"; : >"$tmp/args"; request "$tmp/code" "$tmp/args" ''
runner "$tmp/in" --file ../main.sh -- bash main.sh
expect "file outside the box" '[ "$(rc)" = 2 ] && has_marker out "error usage"'

printf 'echo run' >"$tmp/code"; request "$tmp/code" "$tmp/args" ''
runner "$tmp/in" --file main.sh --compile 'echo compiling; echo warning >&2; printf partial' -- bash main.sh
expect "compile output, then marker" \
    '[ "$(rc)" = 0 ] && [ "$(cat "$tmp/out")" = "compiling
partial
@@CODECUBE $nonce run@@
run

@@CODECUBE $nonce exit 0@@" ] && [ "$(head -n 1 "$tmp/err")" = warning ]'

runner "$tmp/in" --file main.sh --compile 'exit 7' -- bash main.sh
expect "compile failure exit code" '[ "$(rc)" = 1 ] && has_marker out "compile-failed 7"'

start=$SECONDS
runner "$tmp/in" --file main.sh --compile 'sleep 60 & sleep 60' --compile-timeout-ms 1000 -- bash main.sh
expect "compile timeout" '[ "$(rc)" = 1 ] && has_marker out compile-timeout && [ $((SECONDS - start)) -lt 20 ]'

# 1 MiB of code arrives in many short reads; the program then sees exactly its arguments and its stdin.
{ printf '# '; head -c 1048576 /dev/zero | tr '\0' 'x'; printf '\n'
  printf 'echo "size=$(wc -c <main.sh) argc=$# [$1] [$2]"; cat\n'; } >"$tmp/code"
printf '\0x y\0' >"$tmp/args"
request "$tmp/code" "$tmp/args" $'stdin line\nno newline at end'
runner "$tmp/in" --file main.sh -- bash main.sh
expect "1 MiB code, args, stdin" "[ \"\$(rc)\" = 0 ] && [ \"\$(sed -n '/^@@CODECUBE/,\$p' \"\$tmp/out\" | tail -n +2 | sed '/^@@CODECUBE/,\$d')\" = \
\"size=$(wc -c <"$tmp/code") argc=2 [] [x y]
stdin line
no newline at end\" ]"

printf 'x' >"$tmp/code"; printf 'unterminated' >"$tmp/args"; request "$tmp/code" "$tmp/args" ''
runner "$tmp/in" --file main.sh -- bash main.sh
expect "unterminated argument" '[ "$(rc)" = 2 ] && has_marker out "error bad-args"'

: >"$tmp/args"; request "$tmp/code" "$tmp/args" ''
runner "$tmp/in" --file main.sh -- ./no-such-program
expect "run argv missing" '[ "$(rc)" = 127 ] && has_marker out run && has_marker out "exit 127" && grep -q "cannot run" "$tmp/err"'

[ "$failures" = 0 ] && echo "protocol: all passed" || { echo "protocol: $failures failed"; exit 1; }
