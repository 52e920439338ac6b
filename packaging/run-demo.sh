#!/usr/bin/env bash
# Builds Lakeshore and starts it on the embedded demo tenant. Without a display (no DISPLAY or
# WAYLAND_DISPLAY) it renders offscreen, opens a Cleveland account, saves build/lakeshore-demo.png and exits.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/bootstrap.sh" app
cmake --preset default -S "$root" -DLAKESHORE_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build" -j"$(nproc)"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$root/build/bin/lakeshore" --demo "$@"
fi
echo "run-demo: no display found; rendering offscreen to build/lakeshore-demo.png"
QT_QPA_PLATFORM=offscreen "$root/build/bin/lakeshore" --demo --open-territory Cleveland \
    --screenshot "$root/build/lakeshore-demo.png" "$@"
echo "run-demo: the demo tenant answered; screenshot at $root/build/lakeshore-demo.png"
