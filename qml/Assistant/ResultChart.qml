import QtQuick
import QtWebEngine

// An answer's chart: the bundled chart page (Chart.js, no network) draws the spec the assistant made.
// Loaded only when a chart is first shown, so the app starts without Chromium.
WebEngineView {
    id: root

    property string spec // JSON from the conversation's chartSpec
    property bool rendered: false
    property bool pageLoaded: false
    property color textColor: "black"
    property color gridColor: "#d0d0d0"

    signal renderFinished(bool ok)

    function render() {
        if (!root.pageLoaded || root.spec === "")
            return;
        const spec = JSON.parse(root.spec);
        spec.locale = Qt.locale().name.replace("_", "-");
        spec.currency = "USD";
        spec.colors = {
            "text": String(root.textColor),
            "grid": String(root.gridColor)
        };
        root.runJavaScript("lakeshoreRender(" + JSON.stringify(spec) + ")", result => {
            root.rendered = result === true;
            root.renderFinished(root.rendered);
        });
    }

    backgroundColor: "transparent"
    url: "qrc:/qt/qml/Lakeshore/web/assistant-chart.html"
    onSpecChanged: render()
    onLoadingChanged: request => {
        if (request.status === WebEngineView.LoadSucceededStatus) {
            root.pageLoaded = true;
            root.render();
        } else if (request.status === WebEngineView.LoadFailedStatus) {
            root.renderFinished(false);
        }
    }
}
