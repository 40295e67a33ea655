#!/usr/bin/env bash
# Builds the image of CodeCube itself: deploy/build.sh [--tag NAME:TAG]   (default codecube/host:latest)
# Publishes the host self-contained for linux-x64 into deploy/.build/app, then builds deploy/Dockerfile with that
# folder as the context. No SDK image and no registry are needed; debian:bookworm-slim comes from images/build.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
tag=codecube/host:latest
while [ $# -gt 0 ]; do
    case $1 in
        --tag) shift; tag=${1:?--tag needs NAME:TAG} ;;
        -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done

if ! docker image inspect debian:bookworm-slim >/dev/null 2>&1; then
    # images/build.sh makes it (debootstrap) when no registry answers, and builds the runner images on the way.
    "$root/images/build.sh"
fi

# The playground's editor bundle is built, not committed (cached by its lockfile's hash).
"$root/scripts/web-bundle.sh"

app=$here/.build/app
rm -rf "$app"
mkdir -p "$app"
dotnet publish "$root/src/Bot.Host" -c Release -r linux-x64 --self-contained -o "$app" -nologo -v q \
    -p:DebugType=none -p:GenerateDocumentationFile=false
# The classic builder uses the local debian:bookworm-slim instead of asking a registry for it; the host's network
# (for apt) works even where the engine has no default bridge.
log=$here/.build/docker-build.log
if ! DOCKER_BUILDKIT=0 docker build --network host -f "$here/Dockerfile" -t "$tag" "$app" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "build.sh: docker build failed, full log: $log" >&2
    exit 1
fi
echo "$tag"
