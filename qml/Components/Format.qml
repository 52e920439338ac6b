pragma Singleton

import QtQuick

// Money, percentages and sizes in the user's locale. The demo tenant bills in US dollars.
QtObject {
    function format(value: real): string {
        return Number(value).toLocaleCurrencyString(Qt.locale(), "$");
    }

    function compact(value: real): string {
        if (Math.abs(value) >= 1e6)
            return qsTr("$%1M").arg(Number(value / 1e6).toLocaleString(Qt.locale(), "f", 1));
        if (Math.abs(value) >= 1e3)
            return qsTr("$%1K").arg(Number(value / 1e3).toLocaleString(Qt.locale(), "f", 0));
        return format(value);
    }

    function percent(fraction: real): string {
        return Number(fraction * 100).toLocaleString(Qt.locale(), "f", 0) + " %";
    }

    function bytes(count: real): string {
        if (count >= 1024 * 1024)
            return qsTr("%1 MiB").arg(Number(count / 1024 / 1024).toLocaleString(Qt.locale(), "f", 1));
        if (count >= 1024)
            return qsTr("%1 KiB").arg(Number(count / 1024).toLocaleString(Qt.locale(), "f", 0));
        return qsTr("%1 bytes").arg(count);
    }
}
