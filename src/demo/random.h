// Deterministic pseudo-randomness for the demo tenant. The same seed yields the same numbers with any
// compiler, standard library and CPU: the generator is xoshiro256** seeded by splitmix64, and every
// helper works in integers (std::*_distribution differs between libraries; libm and FMA differ between
// machines), so money and dates drawn from it are exact.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lakeshore::demo {

// splitmix64's finaliser: a bijective, well-mixed 64-bit hash.
[[nodiscard]] std::uint64_t mix64(std::uint64_t x);

// An independent seed for a sub-stream, e.g. (world seed, account index, stream tag).
[[nodiscard]] std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0);

// A stable number for a stream's name (FNV-1a), so streams are told apart by name, not by position.
[[nodiscard]] constexpr std::uint64_t streamTag(std::string_view name)
{
    std::uint64_t hash = 14695981039346656037ull;
    for (char c : name)
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return hash;
}

// A lower-case 8-4-4-4-12 GUID (version 4 layout) that is a pure function of its inputs.
[[nodiscard]] std::string guidFor(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0);

// Take each draw in its own statement: C++ leaves the order of function arguments and of the
// operands of + unspecified, so f(rng.next(), rng.next()) differs between GCC and Clang.
class Rng
{
public:
    explicit Rng(std::uint64_t seed);

    std::uint64_t next();
    std::uint64_t below(std::uint64_t n);                   // uniform in [0, n); 0 when n == 0
    std::int64_t between(std::int64_t lo, std::int64_t hi); // uniform in [lo, hi]
    double uniform();                                       // uniform in [0, 1), 53 bits
    bool chance(double p) { return uniform() < p; }
    bool percent(int p) { return static_cast<int>(below(100)) < p; }

    // Standard normal approximated by Irwin-Hall (sum of 12 uniforms - 6): bounded at +-6 and exact.
    double normal();
    // round(mean + sd * normal()), computed in integers.
    std::int64_t normalAround(std::int64_t mean, std::int64_t sd);
    // value * f / 1000 rounded, f uniform in [loPermille, hiPermille]; value >= 0.
    std::int64_t scaled(std::int64_t value, int loPermille, int hiPermille);

    // An index drawn with probability proportional to its (non-negative) weight.
    std::size_t weighted(std::span<const int> weights);

    template <class T> const T &pick(std::span<const T> items) { return items[below(items.size())]; }

    template <class T, std::size_t N> const T &pick(const T (&items)[N]) { return items[below(N)]; }

    template <class T> void shuffle(std::span<T> items)
    {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[below(i)]);
    }

private:
    std::uint64_t m_s[4];
};

// Splits total into parts proportional to weights (largest remainder, ties to the lower index), each part
// at least minEach when total allows it.
[[nodiscard]] std::vector<std::size_t> apportion(std::span<const int> weights, std::size_t total,
                                                 std::size_t minEach = 0);

} // namespace lakeshore::demo
