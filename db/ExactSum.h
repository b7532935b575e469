#pragma once

/// A running sum of doubles kept as an unevaluated pair hi + lo ("double-double", about 106
/// bits), with hi always the sum rounded to the nearest double. The rounded result therefore
/// does not depend on the order of the terms, unless the exact sum lies within about 1e-26 of its
/// own size from a rounding boundary.
///
/// Why: the SQL and the in-memory aggregation add the same million amounts in different orders.
/// With plain doubles their totals differed in the cents (a sum of 1.3e14 CNY has an ulp of 0.03),
/// so `fundscope summary` printed different figures above and below the size where it switches
/// from SQL to memory. Both paths sum through this.
///
/// The terms are expected to share one sign (amounts are positive): the tail is renormalised
/// with Dekker's FastTwoSum, which needs |sum| >= |error|, and that holds then. Mixed signs with
/// a large cancellation would lose the tail's accuracy, not the sum's. A TwoSum there instead
/// made the dashboard's filtered pass ~10 % slower (measured at a million rows).
///
/// Needs IEEE double arithmetic without value-changing optimisations (no -ffast-math).
class ExactSum
{
public:
    ExactSum() = default;
    ExactSum(double hi, double lo)
        : m_hi(hi)
        , m_lo(lo)
    {
    }

    void add(double x)
    {
        double error;
        const double s = twoSum(m_hi, x, &error);
        normalise(s, error + m_lo);
    }
    void add(const ExactSum &other)
    {
        double error;
        const double s = twoSum(m_hi, other.m_hi, &error);
        normalise(s, error + m_lo + other.m_lo);
    }

    /// The sum rounded to the nearest double.
    double value() const { return m_hi; }
    /// What value() leaves out.
    double tail() const { return m_lo; }

private:
    // a + b == s + *error exactly (Knuth's TwoSum; no ordering of |a| and |b| needed).
    static double twoSum(double a, double b, double *error)
    {
        const double s = a + b;
        const double bb = s - a;
        *error = (a - (s - bb)) + (b - bb);
        return s;
    }
    // hi + lo == s + e, |lo| at most half an ulp of hi (Dekker's FastTwoSum: |s| >= |e|).
    void normalise(double s, double e)
    {
        m_hi = s + e;
        m_lo = e - (m_hi - s);
    }

    double m_hi = 0;
    double m_lo = 0;
};
