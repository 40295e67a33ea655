#!/usr/bin/env bash
# Proves each built image works under the sandbox's hardening, speaking the runner protocol over plain docker run.
#
#   images/smoke.sh [--runtime runc|runsc] [LANG...]
#
# Per language, with the contract tests' programs: the greeting (stdin in, exact stdout and exit status out), a
# runtime error (non-zero exit) and, for compiled languages, a compile error (marker "compile-failed").
# Needs images/.build/images.json from images/build.sh.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
manifest=$here/languages.json
lock=$here/.build/images.json
runtime=
langs=()
while [ $# -gt 0 ]; do
    case $1 in
        --runtime) runtime=$2; shift ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) langs+=("$1") ;;
    esac
    shift
done
[ -f "$lock" ] || { echo "smoke.sh: $lock is missing; run images/build.sh" >&2; exit 1; }
[ ${#langs[@]} -gt 0 ] || mapfile -t langs < <(jq -r '.languages[].id' "$manifest")

# The programs are the contract tests' own: tests/Sandbox.Tests/Languages/<id>/<case>.<ext>, with the expected
# stdin, stdout and exit status in contracts.json there (defaults, then the language's overrides).
programs=$here/../tests/Sandbox.Tests/Languages
contracts=$programs/contracts.json

# snippet LANG CASE: the source for one case (greet, runtime, syntax, confined); empty when the case does not apply.
snippet() {
    if [ "$1:$2" = bash:confined ]; then
        # The hardening itself: prints "confined" only if every escape hatch below is shut.
        printf '%s\n' '[ "$(id -u)" = 10001 ] && [ "$HOME" = /tmp ] || exit 10' \
            '! touch /var/tmp/escape 2>/dev/null || exit 11' \
            '! (exec 3<>/dev/tcp/1.1.1.1/80) 2>/dev/null || exit 12' \
            'cp /bin/true /tmp/t && ! /tmp/t 2>/dev/null || exit 13' \
            '[ "$(ulimit -n)" = 256 ] && [ "$(ulimit -c)" = 0 ] || exit 14' \
            'grep -q "^CapEff:[[:space:]]*0*$" /proc/self/status || exit 15' \
            'echo confined'
        return
    fi
    local file
    for file in "$programs/$1/$2".*; do
        [ -f "$file" ] && cat "$file"
    done
}

# expect LANG FIELD: the contract's value for FIELD (stdin, stdout, exit, runtimeExit).
expect() {
    jq -r --arg id "$1" --arg f "$2" '(.defaults + .languages[$id])[$f] // empty' "$contracts"
}

# stdin_of LANG: the greeting's stdin, with a "." after it so a command substitution keeps its trailing newline.
stdin_of() {
    jq -j --arg id "$1" '(.defaults + .languages[$id]).stdin' "$contracts"
    echo .
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# lang_settings LANG: sets image, memory, pids, exec_opt, cmd and envs from the manifest and the lock file.
lang_settings() {
    local entry compile_s
    entry=$(jq -c --arg id "$1" '.languages[] | select(.id == $id)' "$manifest")
    image=$(jq -r --arg id "$1" '.languages[$id].image // empty' "$lock")
    [ -n "$image" ] || { echo "no image for $1 in $lock" >"$tmp/err"; return 1; }
    eval "$(jq -r '@sh "memory=\(.limits.memoryMiB // 256) pids=\(.limits.pids // 64)
        compile_s=\(.limits.compileTimeoutSeconds // 15) exec_opt=\(if .tmpfsExec then ",exec" else "" end)"' \
        <<<"$entry")"
    cmd=(codecube-runner --file "$(jq -r .file <<<"$entry")")
    if jq -e .compile >/dev/null <<<"$entry"; then
        cmd+=(--compile "$(jq -r .compile <<<"$entry")" --compile-timeout-ms $((compile_s * 1000)))
    fi
    mapfile -t -O ${#cmd[@]} cmd < <(printf -- '--\n'; jq -r '.run[]' <<<"$entry")
    mapfile -t envs < <(jq -r '(.env // {}) | to_entries[] | "--env=\(.key)=\(.value)"' <<<"$entry")
}

# timed CMD...: runs CMD and leaves its wall time in milliseconds in $tmp/ms.
timed() {
    local t0 rc=0
    t0=$(date +%s%N)
    "$@" || rc=$?
    echo $(( ($(date +%s%N) - t0) / 1000000 )) >"$tmp/ms"
    return $rc
}

# run_case LANG CASE STDIN ARGS...: runs one request; leaves out/err/rc files and the nonce in $tmp.
run_case() {
    local id=$1 case=$2 input=$3
    shift 3
    local nonce
    lang_settings "$id" || return 1
    local -a rt=()
    [ -z "$runtime" ] || rt=(--runtime "$runtime")
    # Under gVisor the Sentry's own host threads (about 40 idle, ~90 while rustc compiles) count against the pids
    # cgroup; without headroom the sandbox dies with exit 2 and no output. The sandbox must add the same.
    [ "$runtime" != runsc ] || pids=$((pids + ${RUNSC_PIDS_HEADROOM:-128}))

    snippet "$id" "$case" >"$tmp/code"
    printf '%s\0' "$@" >"$tmp/args"
    [ $# -gt 0 ] || : >"$tmp/args"
    nonce=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
    echo "$nonce" >"$tmp/nonce"
    set +e
    {
        printf 'CODECUBE/1 %s %d %d\n' "$nonce" "$(wc -c <"$tmp/code")" "$(wc -c <"$tmp/args")"
        cat "$tmp/code" "$tmp/args"
        printf '%s' "$input"
    } | timed docker run -i --rm "${rt[@]}" --read-only --tmpfs "/tmp:rw,size=64m$exec_opt" --network none \
        --cap-drop ALL --security-opt no-new-privileges --ipc none \
        --memory "${memory}m" --memory-swap "${memory}m" --pids-limit "$pids" \
        --ulimit nofile=256 --ulimit fsize=16777216 --ulimit core=0 --init --log-driver none --user 10001 \
        "${envs[@]}" "$image" "${cmd[@]}" >"$tmp/out" 2>"$tmp/err"
    echo "${PIPESTATUS[1]}" >"$tmp/rc"
    set -e
}

# after_marker FILE STATUS: the text after the marker line with that status, up to the end marker (exit/signal),
# or fails when it is absent.
after_marker() {
    local nonce
    nonce=$(cat "$tmp/nonce")
    grep -qxF "@@CODECUBE $nonce $2@@" "$1" || return 1
    sed -n "/^@@CODECUBE $nonce /,\$p" "$1" | tail -n +2 | sed "/^@@CODECUBE $nonce \(exit\|signal\) /,\$d"
}

check() {
    local id=$1 case=$2 ok=$3 why=$4
    if [ "$ok" = 1 ]; then
        printf '  %-10s %-7s ok %s\n' "$id" "$case" "$why"
    else
        printf '  %-10s %-7s FAIL %s\n' "$id" "$case" "$why"
        echo "      exit $(cat "$tmp/rc"); stdout:"
        sed 's/^/      | /' "$tmp/out" | head -n 8
        echo "      stderr:"
        sed 's/^/      | /' "$tmp/err" | head -n 15
        failures=$((failures + 1))
    fi
}

for id in "${langs[@]}"; do
    input=$(stdin_of "$id")
    input=${input%.}
    run_case "$id" greet "$input"
    ms=$(cat "$tmp/ms")
    out=$(after_marker "$tmp/out" run || echo '<no run marker>')
    ok=0; [ "$out" = "$(expect "$id" stdout)" ] && [ "$(cat "$tmp/rc")" = "$(expect "$id" exit)" ] && ok=1
    check "$id" greet $ok "(${ms} ms)"

    if [ -n "$(snippet "$id" runtime)" ]; then
        run_case "$id" runtime "$input"
        rc=$(cat "$tmp/rc")
        want=$(expect "$id" runtimeExit)
        ok=0
        if [ -n "$want" ]; then [ "$rc" = "$want" ] && ok=1; else [ "$rc" != 0 ] && ok=1; fi
        after_marker "$tmp/out" run >/dev/null || ok=0
        check "$id" runtime $ok "(exit $rc)"
    fi

    if [ -n "$(snippet "$id" confined)" ]; then
        run_case "$id" confined ''
        out=$(after_marker "$tmp/out" run || echo '<no run marker>')
        ok=0; [ "$out" = confined ] && ok=1
        check "$id" confined $ok "(exit $(cat "$tmp/rc"))"
    fi

    if jq -e --arg id "$id" '.languages[] | select(.id == $id) | .compile' "$manifest" >/dev/null; then
        run_case "$id" syntax ''
        rc=$(cat "$tmp/rc")
        ok=0
        nonce=$(cat "$tmp/nonce")
        grep -qE "^@@CODECUBE $nonce compile-failed [0-9]+@@\$" "$tmp/out" && [ "$rc" = 1 ] && ok=1
        check "$id" syntax $ok "($(grep -oE 'compile-failed [0-9]+' "$tmp/out" || echo "exit $rc"))"
    fi
done

[ "$failures" = 0 ] && echo "smoke: all passed" || { echo "smoke: $failures failed"; exit 1; }
