// Calendar dates and UTC instants as plain values, ISO-8601 in and out.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lakeshore::domain {

class Date
{
public:
    Date() = default;
    Date(int year, unsigned month, unsigned day);
    static Date fromDays(std::int64_t daysSinceEpoch);
    static Date today();                                    // UTC
    static std::optional<Date> parse(std::string_view iso); // "2026-11-21"

    [[nodiscard]] std::int64_t days() const { return m_days; } // since 1970-01-01
    [[nodiscard]] int year() const;
    [[nodiscard]] unsigned month() const;
    [[nodiscard]] unsigned day() const;
    [[nodiscard]] std::string iso() const;
    [[nodiscard]] Date addDays(std::int64_t n) const { return fromDays(m_days + n); }
    [[nodiscard]] Date addMonths(int n) const; // clamps the day to the month's end

    auto operator<=>(const Date &) const = default;

private:
    std::int64_t m_days = 0;
};

// A UTC instant with second precision, written as "2026-11-21T10:42:03Z".
class Timestamp
{
public:
    Timestamp() = default;
    explicit Timestamp(std::int64_t secondsSinceEpoch) : m_seconds(secondsSinceEpoch) {}
    static Timestamp now();
    static Timestamp at(Date date, int hour, int minute, int second = 0);
    static std::optional<Timestamp> parse(std::string_view iso);

    [[nodiscard]] std::int64_t seconds() const { return m_seconds; }
    [[nodiscard]] Date date() const;
    [[nodiscard]] std::string iso() const;

    auto operator<=>(const Timestamp &) const = default;

private:
    std::int64_t m_seconds = 0;
};

} // namespace lakeshore::domain
