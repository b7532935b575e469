#include "SeededRandom.h"

#include <algorithm>
#include <cmath>

double SeededRandom::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    // 1 - uniform() is in (0, 1], so the logarithm is finite.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * M_PI * u2;
    m_spare = radius * std::sin(angle);
    m_hasSpare = true;
    return radius * std::cos(angle);
}

double SeededRandom::logNormal(double mu, double sigma)
{
    return std::exp(mu + sigma * normal());
}

int SeededRandom::pickCumulative(const std::vector<double> &cumulative)
{
    const double u = uniform() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
    return int(std::min<std::ptrdiff_t>(it - cumulative.begin(), std::ptrdiff_t(cumulative.size()) - 1));
}
