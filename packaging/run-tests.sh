#!/usr/bin/env bash
# Builds Lakeshore with its tests and runs the whole suite (unit, integration, QML, end-to-end, package).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/bootstrap.sh" test
cmake --preset default -S "$root" -DLAKESHORE_BUILD_TESTS=ON >/dev/null
cmake --build "$root/build" -j"$(nproc)"
ctest --test-dir "$root/build" --output-on-failure -j2 --timeout 300 "$@"
