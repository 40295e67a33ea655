#!/usr/bin/env bash
# One command for the performance benchmark, with the settings the host ships with: hello world per language
# natively, cold and through the API; python against `docker run --rm`; a mixed workload (warm-hit rate of the
# adaptive pool), a sustained run with the per-run CPU split, cache hits and a 100 MB output flood.
# Hello world is each language's contract-test greeting; the nine original languages also run natively.
# Writes docs/benchmarks.md. Usage: bench/run.sh [--quick] [--languages python,lua,...]
# --languages measures only those languages' per-language rows and writes artifacts/benchmarks-partial.md.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/prereqs.sh
images/build.sh
# Native baselines: Debian's own interpreters and compilers on the host.
need=()
for p in python3:python3 ruby:ruby gcc:gcc g++:g++ go:golang-go node:nodejs rustc:rustc javac:default-jdk-headless; do
  command -v "${p%%:*}" >/dev/null 2>&1 || need+=("${p#*:}")
done
[ -x /usr/bin/python3 ] || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null; fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d)
redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --dir "$data" --daemonize yes --logfile "$data/redis.log"
trap 'redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$data"' EXIT

dotnet publish src/Bot.Host -c Release -o artifacts/host -v q -nologo
dotnet run --project bench/CodeCube.Bench -c Release -- --host artifacts/host/CodeCube.Host.dll --redis "127.0.0.1:$port" "$@"
