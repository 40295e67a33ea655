#!/usr/bin/env bash
# Builds the playground's editor bundle (web/ -> src/Bot.Host/wwwroot/bundle) with esbuild from npm, and its examples
# from the contract tests' greet programs. Cached by the hash of the lockfile, the build script and every input: a
# second run with nothing changed does nothing (not even npm).
set -euo pipefail
cd "$(dirname "$0")/../web"

out=../src/Bot.Host/wwwroot/bundle
contracts=../tests/Sandbox.Tests/Languages
hash=$(cat package.json package-lock.json build.mjs src/*.js "$contracts"/contracts.json "$contracts"/*/greet.* | sha256sum | cut -c1-16)
if [ -f "$out/.hash" ] && [ "$(cat "$out/.hash")" = "$hash" ]; then
  exit 0
fi

# npm ci installs exactly the lockfile (registry.npmjs.org only); esbuild's binary is its @esbuild/linux-x64 package.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.lockfile-copy; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.lockfile-copy
fi
rm -rf "$out"
node build.mjs
echo "$hash" > "$out/.hash"
