#!/usr/bin/env bash
# Installs what building Lakeshore needs on Debian 12 (run as root): `bootstrap.sh app` for the app,
# `bootstrap.sh test` for the app plus the test peers (Node.js and the pinned npm packages).
set -euo pipefail

mode=${1:-app}
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
    g++ cmake ninja-build pkg-config git ca-certificates
    libcurl4-openssl-dev nlohmann-json3-dev libsqlite3-dev libssl-dev libcpp-httplib-dev zlib1g-dev libsnappy-dev libzstd-dev
    qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libgl-dev libxkbcommon-dev libqt6svg6 fonts-dejavu-core
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-dialogs qml6-module-qtqml-workerscript qml6-module-qtqml
    qml6-module-qtqml-models qml6-module-qtcore qml6-module-qttest qml6-module-qt-labs-settings
    qml6-module-qt-labs-folderlistmodel
    qt6-webengine-dev qml6-module-qtwebengine qml6-module-qtwebchannel
)
# npm bundles the web assets (Chart.js for the assistant's charts) in both modes.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ "$mode" = test ]; then
    packages+=(dpkg-dev file clang libclang-rt-14-dev) # clang: the query guard's libFuzzer run
    packages+=(openssl wrk nginx-light) # openssl: TLS test certificates; wrk and nginx: the share server bench
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "bootstrap: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The web libraries the app's WebEngine panes bundle at build time (package-lock.json pins them).
npm ci --prefix "$root/resources/web" --no-audit --no-fund --loglevel=error

if [ "$mode" = test ]; then
    # The pinned third-party peers the tests run against (package-lock.json fixes every version).
    npm ci --prefix "$root/tests/peers" --no-audit --no-fund --loglevel=error
fi
