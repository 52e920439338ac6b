#include "demo/random.h"

#include <algorithm>
#include <numeric>

namespace lakeshore::demo {
namespace {

constexpr std::uint64_t golden = 0x9e3779b97f4a7c15ull;

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

std::uint64_t mix64(std::uint64_t x)
{
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b)
{
    return mix64(mix64(mix64(seed + golden) + a * golden + 1) ^ (b + 0x632be59bd9b4e019ull));
}

std::string guidFor(std::uint64_t seed, std::uint64_t a, std::uint64_t b)
{
    const std::uint64_t hi = mix64(deriveSeed(seed, a, b) ^ 0x5851f42d4c957f2dull);
    std::uint64_t lo = mix64(hi + golden);
    std::uint64_t hiBits = (hi & ~0xf000ull) | 0x4000ull;      // version 4
    lo = (lo & 0x3fffffffffffffffull) | 0x8000000000000000ull; // RFC 4122 variant
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(36, '-');
    std::size_t pos = 0;
    auto put = [&](std::uint64_t value, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i) {
            if (pos == 8 || pos == 13 || pos == 18 || pos == 23)
                ++pos;
            out[pos++] = hex[(value >> (i * 4)) & 0xf];
        }
    };
    put(hiBits, 16);
    put(lo, 16);
    return out;
}

Rng::Rng(std::uint64_t seed)
{
    for (auto &word : m_s) {
        seed += golden;
        word = mix64(seed);
    }
}

std::uint64_t Rng::next()
{
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

std::uint64_t Rng::below(std::uint64_t n)
{
    if (n == 0)
        return 0;
    // Rejecting the short tail keeps every residue equally likely.
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
        const std::uint64_t x = next();
        if (x >= threshold)
            return x % n;
    }
}

std::int64_t Rng::between(std::int64_t lo, std::int64_t hi)
{
    if (hi <= lo)
        return lo;
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
}

double Rng::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

static std::int64_t irwinHallScaled(Rng &rng)
{
    std::int64_t sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += static_cast<std::int64_t>(rng.next() >> 32);
    return sum - 6 * (std::int64_t{1} << 32); // the standard normal scaled by 2^32
}

double Rng::normal()
{
    return static_cast<double>(irwinHallScaled(*this)) * 0x1.0p-32;
}

std::int64_t Rng::normalAround(std::int64_t mean, std::int64_t sd)
{
    const std::int64_t z = irwinHallScaled(*this);
    return mean + ((sd * z + (std::int64_t{1} << 31)) >> 32);
}

std::int64_t Rng::scaled(std::int64_t value, int loPermille, int hiPermille)
{
    return (value * between(loPermille, hiPermille) + 500) / 1000;
}

std::size_t Rng::weighted(std::span<const int> weights)
{
    std::uint64_t total = 0;
    for (int w : weights)
        total += static_cast<std::uint64_t>(std::max(w, 0));
    if (total == 0)
        return below(weights.size());
    std::uint64_t r = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const auto w = static_cast<std::uint64_t>(std::max(weights[i], 0));
        if (r < w)
            return i;
        r -= w;
    }
    return weights.size() - 1;
}

std::vector<std::size_t> apportion(std::span<const int> weights, std::size_t total, std::size_t minEach)
{
    const std::size_t n = weights.size();
    std::vector<std::size_t> parts(n, 0);
    if (n == 0)
        return parts;
    if (minEach * n > total)
        minEach = total / n;
    for (auto &part : parts)
        part = minEach;
    const std::size_t rest = total - minEach * n;
    std::uint64_t weightSum = 0;
    for (int w : weights)
        weightSum += static_cast<std::uint64_t>(std::max(w, 0));
    if (weightSum == 0)
        weightSum = 1;
    std::vector<std::uint64_t> remainder(n);
    std::size_t given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t exact = rest * static_cast<std::uint64_t>(std::max(weights[i], 0));
        parts[i] += exact / weightSum;
        given += exact / weightSum;
        remainder[i] = exact % weightSum;
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t k = 0; given < rest; ++k, ++given)
        ++parts[order[k % n]];
    return parts;
}

} // namespace lakeshore::demo
