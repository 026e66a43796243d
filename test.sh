#!/usr/bin/env bash
# The one test command: installs what the tests need when it is missing, then runs every test
# project of LabelStudio.sln and prints the totals. Exits non-zero when any test fails.
# Works from any directory, unattended (CI=true, no stdin).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"

configuration="${CONFIGURATION:-Release}"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The browser tests drive Debian's chromium; Playwright must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        echo "test.sh: '$*' needs root (or sudo) to install a missing tool." >&2
        exit 1
    fi
}

if [ ! -x /usr/bin/chromium ]; then
    echo "test.sh: installing Debian's chromium for the browser tests"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium </dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
    echo "test.sh: the .NET SDK (dotnet, see global.json) is not on PATH." >&2
    exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

started=$SECONDS
# The whole solution, so a compile error in a project without tests (the CLI, the benchmarks)
# fails the run too.
dotnet build LabelStudio.sln --configuration "$configuration" </dev/null

set +e
# A hung test is stopped after 10 minutes instead of holding the run until CI gives up.
dotnet test LabelStudio.sln \
    --configuration "$configuration" \
    --no-build \
    --blame-hang-timeout 10m \
    --blame-hang-dump-type none \
    </dev/null 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test projects, from the runner's per-project summaries.
# (No summary at all, as when a test host crashes, counts as zero rather than stopping the script.)
sum() {
    { grep -E '^(Passed|Failed)!' "$log" || true; } \
        | { grep -oE "$1: +[0-9]+" || true; } \
        | awk '{ n += $2 } END { print n + 0 }'
}
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)
projects=$(grep -cE '^(Passed|Failed)!' "$log" || true)

echo
echo "Test projects run: $projects, wall time $((SECONDS - started)) s"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
    echo "test.sh: no test ran." >&2
    exit 1
fi
exit "$status"
