#!/usr/bin/env bash
# Proves each built image works under the sandbox's hardening, speaking the runner protocol over plain docker run.
#
#   images/smoke.sh [--runtime runc|runsc] [LANG...]
#
# Per language: hello world, stdin echoed back (with arguments), a runtime error (non-zero exit) and, for compiled
# languages, a compile error (marker "compile-failed"). Needs images/.build/images.json from images/build.sh.
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

# snippet LANG CASE: the source for one case (hello, echo, fail, broken); empty when the case does not apply.
snippet() {
    case $1:$2 in
        python:hello) echo 'print("hello, world")' ;;
        python:echo) printf 'import sys\nprint(*sys.argv[1:])\nsys.stdout.write(sys.stdin.read())\n' ;;
        python:fail) echo '1 / 0' ;;
        ruby:hello) echo 'puts "hello, world"' ;;
        ruby:echo) printf 'puts ARGV.join(" ")\nSTDOUT.write(STDIN.read)\n' ;;
        ruby:fail) echo 'raise "boom"' ;;
        javascript:hello) echo 'console.log("hello, world");' ;;
        javascript:echo) printf 'console.log(process.argv.slice(2).join(" "));\nprocess.stdin.pipe(process.stdout);\n' ;;
        javascript:fail) echo 'throw new Error("boom");' ;;
        bash:hello) echo 'echo "hello, world"' ;;
        bash:echo) printf 'echo "$*"\ncat\n' ;;
        bash:fail) echo 'exit 3' ;;
        # The hardening itself: prints "confined" only if every escape hatch below is shut.
        bash:confined) printf '%s\n' '[ "$(id -u)" = 10001 ] && [ "$HOME" = /tmp ] || exit 10' \
            '! touch /var/tmp/escape 2>/dev/null || exit 11' \
            '! (exec 3<>/dev/tcp/1.1.1.1/80) 2>/dev/null || exit 12' \
            'cp /bin/true /tmp/t && ! /tmp/t 2>/dev/null || exit 13' \
            '[ "$(ulimit -n)" = 256 ] && [ "$(ulimit -c)" = 0 ] || exit 14' \
            'grep -q "^CapEff:[[:space:]]*0*$" /proc/self/status || exit 15' \
            'echo confined' ;;
        c:hello) printf '#include <stdio.h>\nint main(void) { puts("hello, world"); return 0; }\n' ;;
        c:echo) printf '#include <stdio.h>\nint main(int argc, char **argv) {\n'
                printf '  for (int i = 1; i < argc; i++) printf("%%s%%s", argv[i], i + 1 < argc ? " " : "");\n'
                printf '  puts(""); int c; while ((c = getchar()) != EOF) putchar(c); return 0; }\n' ;;
        c:fail) printf '#include <stdlib.h>\nint main(void) { abort(); }\n' ;;
        c:broken) echo 'int main(void) { return undefined_name; }' ;;
        cpp:hello) printf '#include <iostream>\nint main() { std::cout << "hello, world" << std::endl; }\n' ;;
        cpp:echo) printf '#include <iostream>\nint main(int argc, char **argv) {\n'
                  printf '  for (int i = 1; i < argc; i++) std::cout << argv[i] << (i + 1 < argc ? " " : "");\n'
                  printf '  std::cout << "\\n" << std::cin.rdbuf(); }\n' ;;
        cpp:fail) printf '#include <stdexcept>\nint main() { throw std::runtime_error("boom"); }\n' ;;
        cpp:broken) echo 'int main() { return undefined_name; }' ;;
        go:hello) printf 'package main\nimport "fmt"\nfunc main() { fmt.Println("hello, world") }\n' ;;
        go:echo) printf 'package main\nimport ("fmt"; "io"; "os"; "strings")\n'
                 printf 'func main() { fmt.Println(strings.Join(os.Args[1:], " ")); io.Copy(os.Stdout, os.Stdin) }\n' ;;
        go:fail) printf 'package main\nfunc main() { panic("boom") }\n' ;;
        go:broken) printf 'package main\nfunc main() { undefinedName() }\n' ;;
        rust:hello) echo 'fn main() { println!("hello, world"); }' ;;
        rust:echo) printf 'use std::io;\nfn main() {\n'
                   printf '  println!("{}", std::env::args().skip(1).collect::<Vec<_>>().join(" "));\n'
                   printf '  io::copy(&mut io::stdin(), &mut io::stdout()).unwrap();\n}\n' ;;
        rust:fail) echo 'fn main() { panic!("boom"); }' ;;
        rust:broken) echo 'fn main() { undefined_name(); }' ;;
        java:hello) printf 'public class Main {\n  public static void main(String[] a) {\n'
                    printf '    System.out.println("hello, world");\n  }\n}\n' ;;
        java:echo) printf 'public class Main {\n  public static void main(String[] a) throws Exception {\n'
                   printf '    System.out.println(String.join(" ", a));\n'
                   printf '    System.in.transferTo(System.out);\n  }\n}\n' ;;
        java:fail) printf 'public class Main {\n  public static void main(String[] a) {\n'
                   printf '    throw new RuntimeException("boom");\n  }\n}\n' ;;
        java:broken) printf 'public class Main {\n  public static void main(String[] a) { undefinedName(); }\n}\n' ;;
    esac
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
        compile_s=\(.limits.compileTimeoutSeconds // 10) exec_opt=\(if .tmpfsExec then ",exec" else "" end)"' \
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
    run_case "$id" hello ''
    ms=$(cat "$tmp/ms")
    out=$(after_marker "$tmp/out" run || echo '<no run marker>')
    ok=0; [ "$out" = "hello, world" ] && [ "$(cat "$tmp/rc")" = 0 ] && after_marker "$tmp/err" run >/dev/null && ok=1
    check "$id" hello $ok "(${ms} ms)"

    run_case "$id" echo $'line one\nline two\n' a 'b c'
    out=$(after_marker "$tmp/out" run || echo '<no run marker>')
    ok=0; [ "$out" = $'a b c\nline one\nline two' ] && [ "$(cat "$tmp/rc")" = 0 ] && ok=1
    check "$id" echo $ok ""

    run_case "$id" fail ''
    rc=$(cat "$tmp/rc")
    ok=0; after_marker "$tmp/out" run >/dev/null && [ "$rc" != 0 ] && ok=1
    check "$id" fail $ok "(exit $rc)"

    if [ -n "$(snippet "$id" confined)" ]; then
        run_case "$id" confined ''
        out=$(after_marker "$tmp/out" run || echo '<no run marker>')
        ok=0; [ "$out" = confined ] && ok=1
        check "$id" confined $ok "(exit $(cat "$tmp/rc"))"
    fi

    if [ -n "$(snippet "$id" broken)" ]; then
        run_case "$id" broken ''
        rc=$(cat "$tmp/rc")
        ok=0
        nonce=$(cat "$tmp/nonce")
        grep -qE "^@@CODECUBE $nonce compile-failed [0-9]+@@\$" "$tmp/out" && [ "$rc" = 1 ] && ok=1
        check "$id" broken $ok "($(grep -oE 'compile-failed [0-9]+' "$tmp/out" || echo "exit $rc"))"
    fi
done

[ "$failures" = 0 ] && echo "smoke: all passed" || { echo "smoke: $failures failed"; exit 1; }
