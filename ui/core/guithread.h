// Delivers a result from an I/O or worker thread to a QObject on the GUI thread, if it still exists.
#pragma once

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>
#include <utility>

namespace lakeshore::ui {

// Runs fn(target) on the GUI thread; dropped when target has been destroyed by then.
// Safe to call from any thread: the guard is a QPointer made on the GUI thread and only read there.
template <class Target, class Fn> void postToGui(const QPointer<Target> &target, Fn fn)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [target, fn = std::move(fn)]() mutable {
            if (target)
                fn(target.data());
        },
        Qt::QueuedConnection);
}

} // namespace lakeshore::ui
