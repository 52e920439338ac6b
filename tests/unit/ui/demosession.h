// The real Session on the embedded demo tenant (small world, fixed date) for the ui/ tests.
#pragma once

#include "session.h"

#include <memory>
#include <QTemporaryDir>
#include <QTest>

inline std::unique_ptr<Session> startDemoSession(const QTemporaryDir &dataDirectory, int maxPageSize = 2000)
{
    Session::Options options;
    options.forceDemo = true;
    options.demo.world.size = lakeshore::demo::WorldSize::Small;
    options.demo.world.today = lakeshore::domain::Date(2026, 11, 21);
    options.demo.maxPageSize = maxPageSize;
    options.dataDirectory = dataDirectory.path();
    auto session = std::make_unique<Session>(options);
    Session::setInstance(session.get());
    session->start();
    return session;
}
