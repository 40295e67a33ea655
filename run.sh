#!/usr/bin/env bash
# Runs CodeCube: installs what is missing (Debian), starts dockerd and redis when they are not running,
# builds missing runner images, then starts the bot and the web playground on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")"

scripts/prereqs.sh
images/build.sh
scripts/web-bundle.sh

redis_port="${CODECUBE_REDIS_PORT:-6379}"
if ! redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1; then
  # Append-only persistence in a data folder: restarting redis loses no snippet.
  mkdir -p .data/redis
  redis-server --bind 127.0.0.1 --port "$redis_port" --appendonly yes --appendfsync everysec \
    --dir "$PWD/.data/redis" --daemonize yes --logfile "$PWD/.data/redis/redis.log"
  for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

dotnet publish src/Bot.Host -c Release -o artifacts/host -v q -nologo
export Redis__Configuration="${Redis__Configuration:-127.0.0.1:$redis_port}"
exec dotnet artifacts/host/CodeCube.Host.dll "$@"
