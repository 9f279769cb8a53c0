#!/usr/bin/env bash
# Runs the SQLite crash-safety tests with more kills than CI's 50: a child process writes tickets and
# comments to a SQLite file and is killed with SIGKILL at random moments; after each kill the file is
# reopened and every ticket and comment the child confirmed is checked (whole, with its history and
# notifications), with PRAGMA integrity_check = ok and unique numbers. The two-process claim test runs too.
#
#   bash Tests/Scripts/crash-test.sh [--kills N]      (default 1000; same as SUPPORTDESK_CRASH_KILLS=N swift test …)
set -euo pipefail
cd "$(dirname "$0")/../.."

kills=1000
while [ $# -gt 0 ]; do
    case "$1" in
        --kills)
            [ $# -ge 2 ] || { echo "--kills needs a number" >&2; exit 2; }
            kills="$2"
            shift 2
            ;;
        -h|--help)
            sed -n '2,8p' "$0"
            exit 0
            ;;
        *)
            echo "unknown argument $1 (usage: Tests/Scripts/crash-test.sh [--kills N])" >&2
            exit 2
            ;;
    esac
done
case "$kills" in
    ''|*[!0-9]*) echo "--kills needs a positive number, not “$kills”" >&2; exit 2 ;;
esac

swift build --build-tests
SUPPORTDESK_CRASH_KILLS="$kills" swift test --skip-build --filter SQLiteCrashSafetyTests
