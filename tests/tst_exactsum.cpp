#include "ExactSum.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

// ExactSum: sums that plain doubles round away, the same rounded result in any order of the
// terms (what lets the SQL and in-memory aggregations print the same cents), and merging partial
// sums as the aggregations merge groups.

class TestExactSum : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsWhatPlainDoublesLose();
    void anyOrderRoundsAlike();
    void mergedPartsEqualTheWhole();
    void emptySumIsZero();
};

namespace {

// Amounts like the aggregation's: minor units over 100 times a yearly rate, from a cent to
// tens of billions, many of them, deterministic.
std::vector<double> amounts(size_t count)
{
    std::mt19937_64 random(20261128);
    std::uniform_int_distribution<qint64> minor(1, 5'000'000'000'000);
    std::uniform_int_distribution<int> digits(0, 6);
    const double rates[] = { 1.0, 6.8985, 0.8805, 7.7247, 0.0642 };
    std::vector<double> out;
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        qint64 value = minor(random);
        for (int d = digits(random); d > 0; --d)
            value /= 10;
        out.push_back(double(std::max<qint64>(value, 1)) / 100.0 * rates[i % 5]);
    }
    return out;
}

double exactly(const std::vector<double> &terms)
{
    ExactSum sum;
    for (const double x : terms)
        sum.add(x);
    return sum.value();
}

double plainly(const std::vector<double> &terms)
{
    double sum = 0;
    for (const double x : terms)
        sum += x;
    return sum;
}

} // namespace

void TestExactSum::keepsWhatPlainDoublesLose()
{
    // 1e16 + 1 rounds back to 1e16 in a double: ten ones vanish from a plain sum.
    std::vector<double> terms { 1e16 };
    for (int i = 0; i < 10; ++i)
        terms.push_back(1.0);
    QCOMPARE(plainly(terms), 1e16);
    QCOMPARE(exactly(terms), 1e16 + 10);
    // The tail holds what the double cannot: 2^53 + 1 is not a double.
    ExactSum sum;
    sum.add(9007199254740992.0);
    sum.add(1.0);
    QCOMPARE(sum.value(), 9007199254740992.0);
    QCOMPARE(sum.tail(), 1.0);
    sum.add(1.0);
    QCOMPARE(sum.value(), 9007199254740994.0);
    QCOMPARE(sum.tail(), 0.0);
}

void TestExactSum::anyOrderRoundsAlike()
{
    std::vector<double> terms = amounts(200000);
    const double forwards = exactly(terms);
    const double forwardsPlain = plainly(terms);
    std::reverse(terms.begin(), terms.end());
    const double backwards = exactly(terms);
    const double backwardsPlain = plainly(terms);
    std::sort(terms.begin(), terms.end());
    const double ascending = exactly(terms);
    std::shuffle(terms.begin(), terms.end(), std::mt19937_64(7));
    const double shuffled = exactly(terms);
    QCOMPARE(backwards, forwards);
    QCOMPARE(ascending, forwards);
    QCOMPARE(shuffled, forwards);
    // The data does show the problem: plain sums of the same terms in two orders disagree.
    QVERIFY(forwardsPlain != backwardsPlain);
    // ...by a few ulps, not more: the exact sum is the same sum.
    QVERIFY(std::abs(forwards - forwardsPlain) <= 1e-12 * forwards);
}

void TestExactSum::mergedPartsEqualTheWhole()
{
    const std::vector<double> terms = amounts(50000);
    // Parts as groups: every third term in one, the rest in another; merged in both orders.
    ExactSum a;
    ExactSum b;
    for (size_t i = 0; i < terms.size(); ++i)
        (i % 3 == 0 ? a : b).add(terms[i]);
    ExactSum ab = a;
    ab.add(b);
    ExactSum ba = b;
    ba.add(a);
    QCOMPARE(ab.value(), exactly(terms));
    QCOMPARE(ba.value(), exactly(terms));
    QCOMPARE(ExactSum(ab.value(), ab.tail()).value(), ab.value());
}

void TestExactSum::emptySumIsZero()
{
    const ExactSum sum;
    QCOMPARE(sum.value(), 0.0);
    QCOMPARE(sum.tail(), 0.0);
}

QTEST_GUILESS_MAIN(TestExactSum)
#include "tst_exactsum.moc"
