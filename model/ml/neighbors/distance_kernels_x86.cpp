// AVX2 + FMA scan kernels (see distance_kernels.h). Each panel of 8 training
// rows meets a group of 4 queries in 8 accumulators of 4 doubles: per
// feature, 2 loads and 4 broadcasts feed 8 FMAs, which keeps both FMA units
// busy. Hits (rare once the pools are warm) leave the vector code through
// CandidatePool::offer.
#include "ml/neighbors/distance_kernels.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SLUICE_HAVE_AVX2_KERNELS 1
#include <immintrin.h>
#endif

namespace sluice::ml::simd {

#ifdef SLUICE_HAVE_AVX2_KERNELS

namespace {

#define SLUICE_AVX2 __attribute__((target("avx2,fma")))

// Offers the entries of one 4 x 8 tile that are at most their pool's
// threshold, then nothing else: the caller reloads the thresholds.
SLUICE_AVX2 inline void offerHits(const __m256d (&d)[kGroupRows][2], Eigen::Index firstRow,
                                  CandidatePool* const* pools) {
    for (int r = 0; r < kGroupRows; ++r) {
        const __m256d t = _mm256_set1_pd(pools[r]->threshold());
        const int mask = _mm256_movemask_pd(_mm256_cmp_pd(d[r][0], t, _CMP_LE_OQ)) |
                         (_mm256_movemask_pd(_mm256_cmp_pd(d[r][1], t, _CMP_LE_OQ)) << 4);
        if (mask == 0)
            continue;
        alignas(32) double v[8];
        _mm256_store_pd(v, d[r][0]);
        _mm256_store_pd(v + 4, d[r][1]);
        for (int c = 0; c < 8; ++c)
            if (mask & (1 << c))
                pools[r]->offer(v[c], firstRow + c);
    }
}

// The accumulators are named variables, not an array: GCC keeps an array
// indexed in a loop in memory, which costs three times the time.
SLUICE_AVX2 void scanEuclidean(const double* group, const double* queryNorm, const double* panels,
                               const double* rowNorm, Eigen::Index panelCount,
                               Eigen::Index features, Eigen::Index firstRow,
                               CandidatePool* const* pools) {
    const __m256d minusTwo = _mm256_set1_pd(-2.0);
    const __m256d qn0 = _mm256_broadcast_sd(queryNorm), qn1 = _mm256_broadcast_sd(queryNorm + 1),
                  qn2 = _mm256_broadcast_sd(queryNorm + 2),
                  qn3 = _mm256_broadcast_sd(queryNorm + 3);
    for (Eigen::Index panel = 0; panel < panelCount; ++panel) {
        const double* t = panels + panel * features * kPanelRows;
        __m256d a00 = _mm256_setzero_pd(), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00,
                a30 = a00, a31 = a00;
        const double* q = group;
        for (Eigen::Index f = 0; f < features; ++f, t += kPanelRows, q += kGroupRows) {
            const __m256d t0 = _mm256_loadu_pd(t), t1 = _mm256_loadu_pd(t + 4);
            __m256d b = _mm256_broadcast_sd(q);
            a00 = _mm256_fmadd_pd(b, t0, a00);
            a01 = _mm256_fmadd_pd(b, t1, a01);
            b = _mm256_broadcast_sd(q + 1);
            a10 = _mm256_fmadd_pd(b, t0, a10);
            a11 = _mm256_fmadd_pd(b, t1, a11);
            b = _mm256_broadcast_sd(q + 2);
            a20 = _mm256_fmadd_pd(b, t0, a20);
            a21 = _mm256_fmadd_pd(b, t1, a21);
            b = _mm256_broadcast_sd(q + 3);
            a30 = _mm256_fmadd_pd(b, t0, a30);
            a31 = _mm256_fmadd_pd(b, t1, a31);
        }
        const __m256d n0 = _mm256_loadu_pd(rowNorm + panel * kPanelRows);
        const __m256d n1 = _mm256_loadu_pd(rowNorm + panel * kPanelRows + 4);
        const __m256d d[kGroupRows][2] = {{_mm256_fmadd_pd(minusTwo, a00, _mm256_add_pd(qn0, n0)),
                                           _mm256_fmadd_pd(minusTwo, a01, _mm256_add_pd(qn0, n1))},
                                          {_mm256_fmadd_pd(minusTwo, a10, _mm256_add_pd(qn1, n0)),
                                           _mm256_fmadd_pd(minusTwo, a11, _mm256_add_pd(qn1, n1))},
                                          {_mm256_fmadd_pd(minusTwo, a20, _mm256_add_pd(qn2, n0)),
                                           _mm256_fmadd_pd(minusTwo, a21, _mm256_add_pd(qn2, n1))},
                                          {_mm256_fmadd_pd(minusTwo, a30, _mm256_add_pd(qn3, n0)),
                                           _mm256_fmadd_pd(minusTwo, a31, _mm256_add_pd(qn3, n1))}};
        offerHits(d, firstRow + panel * kPanelRows, pools);
    }
}

SLUICE_AVX2 inline __m256d absDiff(__m256d mask, __m256d a, __m256d b) {
    return _mm256_and_pd(mask, _mm256_sub_pd(a, b));
}

SLUICE_AVX2 void scanManhattan(const double* group, const double* panels, Eigen::Index panelCount,
                               Eigen::Index features, Eigen::Index firstRow,
                               CandidatePool* const* pools) {
    const __m256d m = _mm256_castsi256_pd(_mm256_set1_epi64x(0x7FFFFFFFFFFFFFFFLL));
    for (Eigen::Index panel = 0; panel < panelCount; ++panel) {
        const double* t = panels + panel * features * kPanelRows;
        __m256d a00 = _mm256_setzero_pd(), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00,
                a30 = a00, a31 = a00;
        const double* q = group;
        for (Eigen::Index f = 0; f < features; ++f, t += kPanelRows, q += kGroupRows) {
            const __m256d t0 = _mm256_loadu_pd(t), t1 = _mm256_loadu_pd(t + 4);
            __m256d b = _mm256_broadcast_sd(q);
            a00 = _mm256_add_pd(a00, absDiff(m, b, t0));
            a01 = _mm256_add_pd(a01, absDiff(m, b, t1));
            b = _mm256_broadcast_sd(q + 1);
            a10 = _mm256_add_pd(a10, absDiff(m, b, t0));
            a11 = _mm256_add_pd(a11, absDiff(m, b, t1));
            b = _mm256_broadcast_sd(q + 2);
            a20 = _mm256_add_pd(a20, absDiff(m, b, t0));
            a21 = _mm256_add_pd(a21, absDiff(m, b, t1));
            b = _mm256_broadcast_sd(q + 3);
            a30 = _mm256_add_pd(a30, absDiff(m, b, t0));
            a31 = _mm256_add_pd(a31, absDiff(m, b, t1));
        }
        const __m256d d[kGroupRows][2] = {{a00, a01}, {a10, a11}, {a20, a21}, {a30, a31}};
        offerHits(d, firstRow + panel * kPanelRows, pools);
    }
}

}  // namespace

bool scanKernelsAvailable() {
    static const bool available = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return available;
}

void scanPanels(DistanceMetric metric, const double* group, const double* queryNorm,
                const double* panels, const double* rowNorm, Eigen::Index panelCount,
                Eigen::Index features, Eigen::Index firstRow, CandidatePool* const* pools) {
    if (metric == DistanceMetric::Euclidean)
        scanEuclidean(group, queryNorm, panels, rowNorm, panelCount, features, firstRow, pools);
    else
        scanManhattan(group, panels, panelCount, features, firstRow, pools);
}

#else

bool scanKernelsAvailable() {
    return false;
}

void scanPanels(DistanceMetric, const double*, const double*, const double*, const double*,
                Eigen::Index, Eigen::Index, Eigen::Index, CandidatePool* const*) {}

#endif

}  // namespace sluice::ml::simd
