// The statistics behind the Drift node against known answers: the
// incomplete gamma and Kolmogorov functions, the two-sample KS test and the
// chi-square test of homogeneity against scipy 1.10.1 (Debian's
// python3-scipy; each figure's call is quoted beside it), the population
// stability index and quantile bins against hand computation, and whole
// column comparisons (identical, shifted, categorical, missing, mismatched).
#include <QtTest>
#include <cmath>

#include "ml/core/random.h"
#include "ml/stats/bin_labels.h"
#include "ml/stats/column_drift.h"
#include "ml/stats/special_functions.h"
#include "ml/stats/two_sample_tests.h"
#include "support/test_registry.h"

using namespace sluice;
using namespace sluice::ml;

namespace {

bool close(double actual, double expected, double relative) {
    return std::abs(actual - expected) <= relative * std::abs(expected);
}

#define QVERIFY_CLOSE(actual, expected, relative)       \
    QVERIFY2(close((actual), (expected), (relative)),   \
             qPrintable(QString("%1 = %2, expected %3") \
                            .arg(#actual)               \
                            .arg((actual), 0, 'g', 17)  \
                            .arg((expected), 0, 'g', 17)))

// Low-discrepancy sequences that Python reproduces bit for bit:
// frac(i * step) * scale + offset for i = 1..n.
std::vector<double> sequence(int n, double step, double scale = 1.0, double offset = 0.0) {
    std::vector<double> out;
    for (int i = 1; i <= n; ++i) {
        const double x = i * step;
        out.push_back((x - std::floor(x)) * scale + offset);
    }
    return out;
}

constexpr double kGolden = 0.618033988749895;
constexpr double kSilver = 0.414213562373095;

std::vector<double> normals(int n, double mean, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<double> out;
    for (int i = 0; i < n; ++i)
        out.push_back(mean + rng.normal());
    return out;
}

Column categories(const std::string& name, const std::vector<std::pair<std::string, int>>& counts,
                  int missing = 0) {
    std::vector<std::string> levels;
    std::vector<std::int32_t> codes;
    for (const auto& [level, n] : counts) {
        levels.push_back(level);
        codes.insert(codes.end(), static_cast<std::size_t>(n),
                     static_cast<std::int32_t>(levels.size() - 1));
    }
    codes.insert(codes.end(), static_cast<std::size_t>(missing), Column::kMissingCode);
    return Column::categorical(name, codes, levels);
}

}  // namespace

class TestDriftStatistics : public QObject {
    Q_OBJECT

private slots:
    void incompleteGammaMatchesScipy() {
        // scipy.special.gammaincc(a, x) and gammainc(a, x).
        struct Case {
            double a, x, q, p;
        };
        const Case cases[] = {
            {0.5, 0.1, 0.6547208460185768, 0.34527915398142317},
            {1, 2, 0.1353352832366127, 0.8646647167633873},
            {3, 2.5, 0.5438131158833297, 0.45618688411667035},
            {10, 20, 0.0049954123083075785, 0.9950045876916924},
            {50, 30, 0.999481108537452, 0.0005188914625480344},
            {2.5, 100, 2.8406228986415534e-41, 1.0},
            {0.1, 5, 0.00014393896584673387, 0.9998560610341533},
        };
        for (const Case& c : cases) {
            QVERIFY_CLOSE(regularizedGammaQ(c.a, c.x), c.q, 1e-10);
            QVERIFY_CLOSE(regularizedGammaP(c.a, c.x), c.p, 1e-10);
        }
        QCOMPARE(regularizedGammaQ(2, 0), 1.0);
        QVERIFY(std::isnan(regularizedGammaQ(0, 1)));
        QVERIFY(std::isnan(regularizedGammaQ(1, -1)));
        QVERIFY(std::isnan(regularizedGammaQ(std::nan(""), 1)));
        // scipy.stats.chi2.sf(12.5, 4)
        QVERIFY_CLOSE(chiSquareSurvival(12.5, 4), 0.013995792487650894, 1e-10);
    }

    void kolmogorovMatchesScipy() {
        // scipy.special.kolmogorov(x): both series (below and above 1).
        const std::pair<double, double> cases[] = {{0.3, 0.9999906941986655},
                                                   {0.5, 0.9639452436648751},
                                                   {1.0, 0.26999967167735456},
                                                   {1.5, 0.022217962616525127},
                                                   {2.5, 7.453306344157342e-06}};
        for (const auto& [x, q] : cases)
            QVERIFY_CLOSE(kolmogorovSurvival(x), q, 1e-9);
        QCOMPARE(kolmogorovSurvival(0), 1.0);
        QCOMPARE(kolmogorovSurvival(-1), 1.0);
    }

    void ksExactMatchesScipy() {
        // scipy.stats.ks_2samp(a, b, method="exact")
        const std::vector<double> a{0.61, 1.2, 2.3, 3.1, 4.8, 5.5, 6.0, 7.2};
        const std::vector<double> b{2.9, 3.3, 4.1, 5.9, 6.4, 7.7, 8.3, 9.0, 9.6, 10.5};
        KsTestResult r = ksTwoSample(a, b);
        QVERIFY(r.exact);
        QCOMPARE(r.statistic, 0.5);
        QVERIFY_CLOSE(r.pValue, 0.1659582247817542, 1e-9);
        // Symmetric in its samples.
        QVERIFY_CLOSE(ksTwoSample(b, a).pValue, 0.1659582247817542, 1e-9);

        // Ties: ks_2samp([1,2,2,3,3,3,4,5], [2,3,3,4,4,5,5,5,6], method="exact")
        r = ksTwoSample({1, 2, 2, 3, 3, 3, 4, 5}, {2, 3, 3, 4, 4, 5, 5, 5, 6});
        QVERIFY_CLOSE(r.statistic, 0.4166666666666667, 1e-12);
        QVERIFY_CLOSE(r.pValue, 0.35170711641299884, 1e-9);

        // 200 x 300: A = [frac(i*0.618033988749895) for i in 1..200],
        // B = [frac(j*0.414213562373095)*1.1 + 0.05 for j in 1..300],
        // ks_2samp(A, B, method="exact")
        r = ksTwoSample(sequence(200, kGolden), sequence(300, kSilver, 1.1, 0.05));
        QVERIFY(r.exact);
        QVERIFY_CLOSE(r.statistic, 0.13666666666666666, 1e-12);
        QVERIFY_CLOSE(r.pValue, 0.021091805157267017, 1e-8);
    }

    void ksAsymptoticBeyondTheExactLimit() {
        // 4000 x 3000 > kKsExactLimit. A = frac(i*golden) (i <= 4000),
        // B = frac(j*silver)*1.02 (j <= 3000). scipy: D 0.020083333333333335;
        // Stephens' formula, scipy.special.kolmogorov((sqrt(en) + 0.12 +
        // 0.11/sqrt(en)) * D) with en = 4000*3000/7000, gives 0.4899527986158937;
        // ks_2samp's own p-value (exact there) is 0.4883579571057083.
        const KsTestResult r = ksTwoSample(sequence(4000, kGolden), sequence(3000, kSilver, 1.02));
        QVERIFY(!r.exact);
        QVERIFY_CLOSE(r.statistic, 0.020083333333333335, 1e-12);
        QVERIFY_CLOSE(r.pValue, 0.4899527986158937, 1e-9);
        QVERIFY(std::abs(r.pValue - 0.4883579571057083) < 0.005);
    }

    void ksIdenticalAndEmptySamples() {
        const auto a = sequence(50, kGolden);
        const KsTestResult r = ksTwoSample(a, a);
        QCOMPARE(r.statistic, 0.0);
        QCOMPARE(r.pValue, 1.0);
        QVERIFY_EXCEPTION_THROWN(ksTwoSample({}, a), std::invalid_argument);
        QVERIFY_EXCEPTION_THROWN(ksTwoSample(a, {}), std::invalid_argument);
        QVERIFY_EXCEPTION_THROWN(ksTwoSample(a, {1.0, std::nan("")}), std::invalid_argument);
        // Infinities are values: beyond every finite one.
        const KsTestResult inf = ksTwoSample({1, 2, 3, 4}, {1, 2, 3, HUGE_VAL});
        QCOMPARE(inf.statistic, 0.25);
    }

    void chiSquareMatchesScipy() {
        // scipy.stats.chi2_contingency([ref, cur], correction=False)
        std::vector<double> ref{30, 50, 20}, cur{20, 40, 40};
        ChiSquareResult r = chiSquareHomogeneity(ref, cur);
        QVERIFY_CLOSE(r.statistic, 9.777777777777779, 1e-12);
        QCOMPARE(r.dof, 2);
        QVERIFY_CLOSE(r.pValue, 0.007529784255650024, 1e-10);
        // A category neither side has is left out: chi2_contingency(
        // [[10, 5], [8, 9]], correction=False).
        ref = {10, 0, 5};
        cur = {8, 0, 9};
        r = chiSquareHomogeneity(ref, cur);
        QVERIFY_CLOSE(r.statistic, 1.2449424214130096, 1e-12);
        QCOMPARE(r.dof, 1);
        QVERIFY_CLOSE(r.pValue, 0.26452065042882195, 1e-10);
        // One category: nothing can differ.
        ref = {5};
        cur = {7};
        r = chiSquareHomogeneity(ref, cur);
        QCOMPARE(r.dof, 0);
        QCOMPARE(r.pValue, 1.0);
        // Misuse.
        const std::vector<double> two{1, 2}, three{1, 2, 3}, none{0, 0}, negative{1, -1};
        QVERIFY_EXCEPTION_THROWN(chiSquareHomogeneity(two, three), std::invalid_argument);
        QVERIFY_EXCEPTION_THROWN(chiSquareHomogeneity(two, none), std::invalid_argument);
        QVERIFY_EXCEPTION_THROWN(chiSquareHomogeneity(two, negative), std::invalid_argument);
    }

    void psiByHand() {
        // Shares 0.5/0.3/0.2 -> 0.4/0.3/0.3:
        // (0.4-0.5) ln(0.4/0.5) + 0 + (0.3-0.2) ln(0.3/0.2) = 0.0628608659...
        const std::vector<double> ref{50, 30, 20}, cur{40, 30, 30};
        QVERIFY_CLOSE(populationStabilityIndex(ref, cur),
                      -0.1 * std::log(0.8) + 0.1 * std::log(1.5), 1e-12);
        QVERIFY_CLOSE(populationStabilityIndex(ref, cur), 0.06286086594223739, 1e-12);
        QCOMPARE(populationStabilityIndex(ref, ref), 0.0);
        // An empty reference bin counts as a share of 1e-4:
        // 2 (0.25-0.5) ln(0.25/0.5) + (0.5-1e-4) ln(0.5/1e-4) = 4.6043184666...
        const std::vector<double> emptyRef{10, 10, 0}, filled{5, 5, 10};
        QVERIFY_CLOSE(populationStabilityIndex(emptyRef, filled),
                      2 * (-0.25) * std::log(0.5) + (0.5 - 1e-4) * std::log(0.5 / 1e-4), 1e-12);
        QVERIFY_CLOSE(populationStabilityIndex(emptyRef, filled), 4.604318466668949, 1e-12);
        const std::vector<double> zeros{0, 0, 0};
        QVERIFY_EXCEPTION_THROWN(populationStabilityIndex(ref, zeros), std::invalid_argument);
    }

    void quantileEdgesAndLabels() {
        // numpy.quantile(range(1, 11), [0.25, 0.5, 0.75]) = [3.25, 5.5, 7.75]
        const std::vector<double> ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        QCOMPARE(quantileEdges(ten, 4), (std::vector<double>{3.25, 5.5, 7.75}));
        QCOMPARE(binLabels({3.25, 5.5, 7.75}),
                 (std::vector<std::string>{"≤ 3.25", "(3.25, 5.5]", "(5.5, 7.75]", "> 7.75"}));
        // Repeated values merge bins; a constant column has one cut point.
        const std::vector<double> repeated{1, 1, 1, 1, 1, 1, 2, 3};
        QCOMPARE(quantileEdges(repeated, 4), (std::vector<double>{1, 1.25}));  // numpy agrees
        const std::vector<double> constant{4, 4, 4};
        QCOMPARE(quantileEdges(constant, 10), (std::vector<double>{4}));
        QVERIFY(quantileEdges({}, 10).empty());
        QCOMPARE(binLabels({}), (std::vector<std::string>{"all values"}));
        // Three significant digits, no exponents from 1 up; cut points three
        // digits cannot tell apart get more.
        QCOMPARE(
            binLabels({0.015163, 1.5, 12345.6}),
            (std::vector<std::string>{"≤ 0.0152", "(0.0152, 1.5]", "(1.5, 12346]", "> 12346"}));
        QCOMPARE(binLabels({1000.12, 1000.17}),
                 (std::vector<std::string>{"≤ 1000.1", "(1000.1, 1000.2]", "> 1000.2"}));
        // Closed on the left, as Discretize cuts.
        QCOMPARE(binLabels({3.25, 5.5}, BinsClosed::Left),
                 (std::vector<std::string>{"< 3.25", "[3.25, 5.5)", "≥ 5.5"}));
    }

    void identicalColumnsHaveNoDrift() {
        const auto values = normals(300, 0.0, 1);
        const Column c = Column::numeric("x", values);
        const ColumnDrift d = compareColumns(c, c, {});
        QCOMPARE(d.kind, std::string("numeric"));
        QCOMPARE(d.psi, 0.0);
        QCOMPARE(d.statistic, 0.0);
        QCOMPARE(d.pValue, 1.0);
        QVERIFY(!d.drifted);
        QCOMPARE(d.counts.bins.size(), std::size_t{10});
        for (double n : d.counts.reference)
            QCOMPARE(n, 30.0);  // deciles of 300 distinct values
        const Column k = categories("k", {{"a", 5}, {"b", 7}});
        const ColumnDrift dk = compareColumns(k, k, {});
        QCOMPARE(dk.psi, 0.0);
        QCOMPARE(dk.statistic, 0.0);
        QCOMPARE(dk.pValue, 1.0);
        QVERIFY(!dk.drifted);
    }

    void shiftedNormalIsFlagged() {
        const Column ref = Column::numeric("x", normals(1000, 0.0, 1));
        const Column same = Column::numeric("x", normals(1000, 0.0, 2));
        const Column shifted = Column::numeric("x", normals(1000, 0.5, 3));
        const ColumnDrift calm = compareColumns(ref, same, {});
        QVERIFY2(!calm.drifted, qPrintable(QString::number(calm.psi)));
        QVERIFY(calm.psi < 0.05);
        QVERIFY(calm.pValue > 0.05);
        const ColumnDrift moved = compareColumns(ref, shifted, {});
        QVERIFY(moved.drifted);
        // Half a standard deviation: D about Φ(0.25) - Φ(-0.25) = 0.197, a
        // PSI of about 0.25 (0.5² by the normal approximation).
        QVERIFY2(moved.statistic > 0.15 && moved.statistic < 0.25,
                 qPrintable(QString::number(moved.statistic)));
        QVERIFY(moved.pValue < 1e-10);
        QVERIFY2(moved.psi > 0.15 && moved.psi < 0.4, qPrintable(QString::number(moved.psi)));
        // A stricter threshold and alpha do not flag the calm one either; a
        // PSI-only flag: raise the threshold above the shifted PSI, alpha 0.
        ColumnDrift psiOnly = compareColumns(ref, shifted, {10, 10.0, 0.0});
        QVERIFY(!psiOnly.drifted);
        psiOnly = compareColumns(ref, shifted, {10, 0.1, 0.0});
        QVERIFY(psiOnly.drifted);
    }

    void categoricalByNameAndScipy() {
        // Levels in another order on the current side are matched by name:
        // chi2_contingency([[50, 30, 20], [20, 30, 50]], correction=False)
        const Column ref = categories("k", {{"a", 50}, {"b", 30}, {"c", 20}});
        const Column cur = categories("k", {{"c", 50}, {"a", 20}, {"b", 30}});
        const ColumnDrift d = compareColumns(ref, cur, {});
        QCOMPARE(d.kind, std::string("categorical"));
        QCOMPARE(d.test, std::string("chi-square"));
        QCOMPARE(d.counts.bins, (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(d.counts.current, (std::vector<double>{20, 30, 50}));
        QVERIFY_CLOSE(d.statistic, 25.714285714285715, 1e-12);
        QCOMPARE(d.dof, 2.0);
        QVERIFY_CLOSE(d.pValue, 2.6074368808253592e-06, 1e-9);
        // 2 (0.3) ln(2.5) by hand.
        QVERIFY_CLOSE(d.psi, 0.6 * std::log(2.5), 1e-12);
        QVERIFY(d.drifted);
        // Text against categorical: both are categories.
        const Column text = Column::text("k", {"a", "a", "c", "new"});
        const ColumnDrift t = compareColumns(ref, text, {});
        QCOMPARE(t.kind, std::string("categorical"));
        QCOMPARE(t.counts.bins, (std::vector<std::string>{"a", "b", "c", "new"}));
        QCOMPARE(t.counts.current, (std::vector<double>{2, 0, 1, 1}));
    }

    void missingValuesGetTheirOwnBin() {
        std::vector<double> ref = sequence(100, kGolden), cur = sequence(100, kGolden);
        for (int i = 0; i < 30; ++i)
            cur[static_cast<std::size_t>(i)] = std::nan("");
        const ColumnDrift d =
            compareColumns(Column::numeric("x", ref), Column::numeric("x", cur), {});
        QCOMPARE(d.counts.bins.back(), std::string(kMissingBin));
        QCOMPARE(d.counts.reference.back(), 0.0);
        QCOMPARE(d.counts.current.back(), 30.0);
        QCOMPARE(d.currentMissing, std::size_t{30});
        QCOMPARE(d.currentCount, std::size_t{70});
        QVERIFY(d.psi > 0.2);  // 30% appearing from nothing
        QVERIFY(d.drifted);
        QVERIFY(!std::isnan(d.statistic));  // KS on the 70 present values

        // All missing on one side: PSI still says so, KS cannot run.
        const std::vector<double> gone(10, std::nan(""));
        const ColumnDrift empty =
            compareColumns(Column::numeric("x", ref), Column::numeric("x", gone), {});
        QVERIFY(std::isnan(empty.pValue));
        QCOMPARE(empty.note, std::string("no values in the current table"));
        QVERIFY(empty.drifted);
        // Missing categories.
        const Column k = categories("k", {{"a", 5}, {"b", 5}}, 2);
        const ColumnDrift dk = compareColumns(k, k, {});
        QCOMPARE(dk.counts.bins, (std::vector<std::string>{"a", "b", kMissingBin}));
        QVERIFY(!dk.drifted);
    }

    void mismatchedKindsAreNotCompared() {
        const ColumnDrift d = compareColumns(Column::numeric("x", {1, 2, 3}),
                                             Column::text("x", {"1", "2", "three"}), {});
        QVERIFY(d.kind.empty());
        QVERIFY(d.drifted);
        QCOMPARE(d.note, std::string("the reference column is numeric, the current one text: "
                                     "not compared"));
        QVERIFY(d.counts.bins.empty());
        QVERIFY_EXCEPTION_THROWN(
            compareColumns(Column::numeric("x", {1}), Column::numeric("x", {1}), {0, 0.2, 0.05}),
            std::invalid_argument);
    }
};

SLUICE_TEST_APPLESS_MAIN(TestDriftStatistics)
#include "test_drift_statistics.moc"
