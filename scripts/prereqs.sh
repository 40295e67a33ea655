#!/usr/bin/env bash
# Machine prerequisites for CodeCube on Debian 12, as root. Idempotent; needs no TTY and no systemd.
#
#   scripts/prereqs.sh [--test]
#
# Installs what is missing (docker.io, redis-server, debootstrap, runsc, jq, npm; with --test also ngircd, chromium and
# fonts-liberation), starts dockerd when it is not answering, and registers gVisor as the docker runtime "runsc".
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

log() { printf 'prereqs: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

with_test=0
for arg in "$@"; do
    case $arg in
        --test) with_test=1 ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) die "unknown argument: $arg" ;;
    esac
done
[ "$(id -u)" = 0 ] || die "run as root"

# --- packages ------------------------------------------------------------------------------------------------------
packages=(docker.io redis-server debootstrap runsc jq)
# npm: images/node/fetch.sh fetches Node and TypeScript with the host's npm client (its registry and CA settings), and
# scripts/web-bundle.sh builds the playground's editor bundle with it (Debian's npm brings nodejs).
# A machine may already have Node.js and npm from elsewhere (whose nodejs package conflicts with Debian's npm): only
# install Debian's when there is no npm command at all.
command -v npm >/dev/null 2>&1 || packages+=(npm)
[ "$with_test" = 0 ] || packages+=(ngircd chromium fonts-liberation)
missing=()
for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -q
    apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confold "${missing[@]}"
fi

# --- dockerd -------------------------------------------------------------------------------------------------------
# wait_for_docker PID: up to 60 s; gives up at once when that dockerd has exited.
wait_for_docker() {
    for _ in $(seq 60); do
        docker info >/dev/null 2>&1 && return 0
        kill -0 "$1" 2>/dev/null || { tail -n 5 /var/log/dockerd.log >&2; die "dockerd exited"; }
        sleep 1
    done
    die "dockerd did not answer within 60 s, see /var/log/dockerd.log"
}

start_dockerd() {
    log "starting dockerd (log: /var/log/dockerd.log)"
    # setsid + nohup: dockerd must outlive this script and whatever shell or CI job started it.
    setsid nohup dockerd >>/var/log/dockerd.log 2>&1 </dev/null &
    wait_for_docker $!
}

docker info >/dev/null 2>&1 || start_dockerd

# --- gVisor runtime ------------------------------------------------------------------------------------------------
# runsc gets its own empty network namespace: containers run with --network none anyway, and gVisor then never
# needs the host's network stack. The extra arguments are what this runsc needs on a cgroup v1 host (see
# images/README.md).
daemon_json=/etc/docker/daemon.json
mkdir -p /etc/docker
current='{}'
[ -s "$daemon_json" ] && current=$(cat "$daemon_json")
wanted=$(jq --arg path "$(command -v runsc)" \
    '.runtimes.runsc = {path: $path, runtimeArgs: ["--network=none"]}' <<<"$current") \
    || die "$daemon_json is not valid JSON"
if [ "$(jq -S . <<<"$current")" != "$(jq -S . <<<"$wanted")" ]; then
    log "registering runtime runsc in $daemon_json"
    printf '%s\n' "$wanted" >"$daemon_json.tmp"
    mv "$daemon_json.tmp" "$daemon_json"
    # dockerd reloads "runtimes" on SIGHUP, so running containers survive; a restart is the fallback.
    pid=$(cat /var/run/docker.pid 2>/dev/null || true)
    if [ -n "$pid" ] && kill -HUP "$pid" 2>/dev/null; then
        for _ in $(seq 10); do
            docker info --format '{{json .Runtimes}}' 2>/dev/null | grep -q '"runsc"' && break
            sleep 1
        done
    fi
    if ! docker info --format '{{json .Runtimes}}' 2>/dev/null | grep -q '"runsc"'; then
        log "restarting dockerd to load the runtime"
        if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
            for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        fi
        start_dockerd
    fi
fi
docker info --format '{{json .Runtimes}}' | grep -q '"runsc"' || die "docker does not list the runsc runtime"
log "ok: $(docker version --format 'docker {{.Server.Version}}'), runtimes: $(docker info --format \
    '{{range $k, $v := .Runtimes}}{{$k}} {{end}}')"
