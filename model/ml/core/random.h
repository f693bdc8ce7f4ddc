// Rng: the one random source of model/ml, identical on every platform.
//
// std::mt19937_64's output is fixed by the standard, but the standard
// distributions and std::shuffle are not (libstdc++, libc++ and MSVC differ),
// so a seeded model would change between systems. Everything here is built
// on the raw 64-bit output with fixed algorithms. Learners that use threads
// give each unit of work (a tree, a restart) its own Rng from
// Rng::derive(seed, index), so results do not depend on scheduling.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace sluice::ml {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    // A stream for work item `index` of a computation seeded with `seed`.
    static Rng derive(std::uint64_t seed, std::uint64_t index) {
        // splitmix64 of the pair: neighbouring indices give unrelated streams.
        std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (index + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return Rng(z ^ (z >> 31));
    }

    std::uint64_t next() { return engine_(); }

    // Uniform in [0, n), n > 0, without modulo bias (Lemire's method).
    std::uint64_t below(std::uint64_t n) {
        __uint128_t m = static_cast<__uint128_t>(next()) * n;
        auto low = static_cast<std::uint64_t>(m);
        if (low < n) {
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                m = static_cast<__uint128_t>(next()) * n;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Standard normal (Marsaglia's polar method).
    double normal() {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        double u, v, s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double f = std::sqrt(-2.0 * std::log(s) / s);
        spare_ = v * f;
        hasSpare_ = true;
        return u * f;
    }

    // Fisher-Yates shuffle.
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::mt19937_64 engine_;
    double spare_ = 0.0;
    bool hasSpare_ = false;
};

}  // namespace sluice::ml
