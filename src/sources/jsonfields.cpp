#include "sources/jsonfields.h"

#include <cstdlib>

namespace lakeshore::sources {

std::string textOf(const nlohmann::json &row, const char *name)
{
    auto it = row.find(name);
    if (it == row.end() || !it->is_string())
        return {};
    return it->get<std::string>();
}

double numberOf(const nlohmann::json &row, const char *name)
{
    auto it = row.find(name);
    if (it == row.end())
        return 0;
    if (it->is_number())
        return it->get<double>();
    if (it->is_string()) // Edm.Decimal under IEEE754Compatible=true
        return std::strtod(it->get_ref<const std::string &>().c_str(), nullptr);
    return 0;
}

long long integerOf(const nlohmann::json &row, const char *name)
{
    auto it = row.find(name);
    if (it == row.end())
        return 0;
    if (it->is_number_integer())
        return it->get<long long>();
    if (it->is_number())
        return static_cast<long long>(it->get<double>());
    if (it->is_string())
        return std::strtoll(it->get_ref<const std::string &>().c_str(), nullptr, 10);
    return 0;
}

bool flagOf(const nlohmann::json &row, const char *name)
{
    auto it = row.find(name);
    return it != row.end() && it->is_boolean() && it->get<bool>();
}

domain::Date dateOf(const nlohmann::json &row, const char *name)
{
    return domain::Date::parse(textOf(row, name)).value_or(domain::Date());
}

domain::Timestamp timestampOf(const nlohmann::json &row, const char *name)
{
    return domain::Timestamp::parse(textOf(row, name)).value_or(domain::Timestamp());
}

} // namespace lakeshore::sources
