#include "demo/demoschema.h"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace lakeshore::demo {
namespace {

std::uint64_t fnv1a(std::string_view text, std::uint64_t seed)
{
    std::uint64_t hash = 1469598103934665603ULL ^ seed;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

} // namespace

std::string guidFor(std::string_view text)
{
    const std::uint64_t high = fnv1a(text, 0x9e3779b97f4a7c15ULL);
    const std::uint64_t low = fnv1a(text, 0xc2b2ae3d27d4eb4fULL);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                  static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0xfff),
                  static_cast<unsigned>(0x8000 | ((low >> 48) & 0x3fff)),
                  static_cast<unsigned long long>(low & 0xffffffffffffULL));
    return buffer;
}

double cents(double value)
{
    return std::round(value * 100.0) / 100.0;
}

} // namespace lakeshore::demo
