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
  # Append-only persistence in a data folder: a restart, even kill -9 of redis, loses no acknowledged snippet (every
  # write reaches the file before redis answers; "everysec" only bounds what a power cut or kernel crash can take to
  # the last second). maxmemory bounds it; noeviction never drops a live snippet silently: when full, new writes
  # are refused, runs still answer (without a permalink) and keys free up as their TTLs pass. See README, Security.
  mkdir -p .data/redis
  redis-server --bind 127.0.0.1 --port "$redis_port" --appendonly yes --appendfsync everysec \
    --maxmemory "${CODECUBE_REDIS_MAXMEMORY:-512mb}" --maxmemory-policy noeviction \
    --dir "$PWD/.data/redis" --daemonize yes --logfile "$PWD/.data/redis/redis.log"
  for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi

dotnet publish src/Bot.Host -c Release -o artifacts/host -v q -nologo
export Redis__Configuration="${Redis__Configuration:-127.0.0.1:$redis_port}"
exec dotnet artifacts/host/CodeCube.Host.dll "$@"
