#!/usr/bin/env bash
# Runs every test: installs prerequisites (Debian), starts dockerd, builds the runner images (cached by content),
# builds the solution with warnings as errors, runs all test projects. Tests start their own redis-server, ngircd,
# chromium and protocol servers on 127.0.0.1 and free ports.
#   ./test.sh            everything but the deploy image test
#   ./test.sh --deploy   only the deploy image test: builds deploy/Dockerfile and runs it on the local engine
set -euo pipefail
cd "$(dirname "$0")"
deploy=0
[ "${1:-}" = --deploy ] && deploy=1

scripts/prereqs.sh --test
images/build.sh
scripts/web-bundle.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The browser tests' screenshots (phone, dark mode, every page) are kept here as artifacts.
export CODECUBE_SCREENSHOTS="${CODECUBE_SCREENSHOTS:-$PWD/artifacts/screenshots}"
if [ "$deploy" = 1 ]; then
  dotnet build tests/EndToEnd.Tests -c Release -nologo -v q
  exec dotnet test tests/EndToEnd.Tests -c Release --no-build -nologo --logger "console;verbosity=normal" --filter "Category=Deploy"
fi

# The runner's own edge cases (bad headers, short reads, compile timeouts) inside the hardened base image.
images/protocol-test.sh

dotnet build CodeCube.sln -c Release -nologo -v q
# Each project's console output is also kept in artifacts/test-logs, and every failure is repeated at the very end, so
# the tail of a long log (all a CI summary may show) names what failed and why.
logs=artifacts/test-logs
rm -rf "$logs" && mkdir -p "$logs"
status=0
for project in tests/*.Tests/*.csproj; do
  echo "== $project"
  log="$logs/$(basename "$project" .csproj).log"
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=normal" --filter "Category!=Deploy" 2>&1 \
    | tee "$log" || status=1
done

# No CodeCube container may outlive the suite.
left=$(docker ps -aq --filter label=codecube=1 | wc -l)
if [ "$left" -ne 0 ]; then
  echo "FAIL: $left CodeCube container(s) left behind:"; docker ps -a --filter label=codecube=1
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo "== failures (whole logs in $logs)"
  # A failure's block runs from its "Failed" line to the next test's line; each is cut to 40 lines.
  awk '/^  Failed /{n=0; p=1} /^  (Passed|Skipped) |^\[xUnit|^Test Run|^Results File/{p=0} p && n++ < 40' "$logs"/*.log
  # Failures outside a test (a fixture's cleanup, a crash) fail the run with every test passed; name them too.
  grep -h -A6 -E 'Cleanup Failure|Catastrophic failure|\[FATAL ERROR\]|Test host process crashed' "$logs"/*.log | head -80 || true
fi
exit $status
