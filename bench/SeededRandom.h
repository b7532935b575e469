#pragma once

#include <QtGlobal>

#include <random>
#include <vector>

/// A seeded random source whose every derived value is the same on every platform for a given
/// seed: std::mt19937_64's raw output is fixed by the standard, but std:: distributions are not,
/// so the distributions here are our own (53-bit uniforms, Box–Muller normals, binary search
/// over cumulative weights). Only the libm functions behind normal() and logNormal() may differ
/// by an ulp between C libraries; callers round what they derive from them.
class SeededRandom
{
public:
    explicit SeededRandom(quint64 seed)
        : m_engine(seed)
    {
    }

    quint64 next() { return m_engine(); }
    /// Uniform in [0, 1).
    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; }
    /// Uniform integer in [0, n); n > 0.
    qint64 below(qint64 n) { return qint64(uniform() * double(n)); }
    /// Uniform integer in [low, high], both inclusive.
    qint64 between(qint64 low, qint64 high) { return low + below(high - low + 1); }
    bool chance(double p) { return uniform() < p; }
    /// Standard normal (Box–Muller; the second value of each pair is kept for the next call).
    double normal();
    /// exp(mu + sigma * normal()).
    double logNormal(double mu, double sigma);

    /// Index into `cumulative` (running sums of non-negative weights, last = total) drawn with
    /// probability proportional to each weight. `cumulative` must not be empty.
    int pickCumulative(const std::vector<double> &cumulative);
    /// Index into a short list of weights, drawn in proportion to them.
    template <std::size_t N> int pick(const double (&weights)[N])
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double u = uniform() * total;
        for (std::size_t i = 0; i < N; ++i) {
            if (u < weights[i])
                return int(i);
            u -= weights[i];
        }
        return int(N - 1);
    }

private:
    std::mt19937_64 m_engine;
    double m_spare = 0;
    bool m_hasSpare = false;
};
