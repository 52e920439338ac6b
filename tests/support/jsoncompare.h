// QCOMPARE for nlohmann::json values: json compares with strings and numbers itself, while QCOMPARE
// would try to convert it to Qt types and fail to compile. Prints the actual value on failure.
#pragma once

#include <nlohmann/json.hpp>
#include <QTest>

#define QCOMPARE_JSON(actual, expected) QVERIFY2((actual) == (expected), (actual).dump().c_str())
