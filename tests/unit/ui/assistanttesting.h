// Shared by the assistant pane's tests: the Cleveland question, an entry's roles, and waiting for an answer.
#pragma once

#include "assistantcontroller.h"
#include "conversationmodel.h"

#include <QString>
#include <QTest>
#include <QVariantMap>

namespace assistanttest {

inline const QString kCleveland =
    QStringLiteral("what is the lifetime gross margin by account in the Cleveland territory");

inline QVariantMap entry(const AssistantController &controller, int index)
{
    return controller.conversation()->get(index);
}

// Waits until no question runs; the entry's state then (-1 if it never settled).
inline int settle(const AssistantController &controller, int index)
{
    if (!QTest::qWaitFor([&] { return !controller.busy(); }, 120000))
        return -1;
    return entry(controller, index).value(QStringLiteral("answerState")).toInt();
}

// Waits until a large answer's rows have all been read into its table.
inline bool allRowsRead(const AssistantController &controller, int index)
{
    return QTest::qWaitFor(
        [&] { return !entry(controller, index).value(QStringLiteral("readingRows")).toBool(); }, 30000);
}

} // namespace assistanttest
