#include "ml/trees/histogram_builder.h"

#include <algorithm>

namespace sluice::ml {
namespace {

// F features at once; Indexed: rows given; Hess: hessians given. The
// template parameters keep the inner loop free of branches.
template <int F, bool Indexed, bool Hess>
void accumulate(const HistTarget* t, const std::uint32_t* rows, std::size_t n, const float* g,
                const float* h) {
    const std::uint8_t* codes[F];
    HistBin* hist[F];
    for (int f = 0; f < F; ++f) {
        codes[f] = t[f].codes;
        hist[f] = t[f].hist;
    }
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t row = Indexed ? rows[k] : k;
        const double gk = g[k];
        const double hk = Hess ? h[k] : 0.0;
        for (int f = 0; f < F; ++f) {
            HistBin& b = hist[f][codes[f][row]];
            b.sumGrad += gk;
            if constexpr (Hess)
                b.sumHess += hk;
            ++b.count;
        }
    }
}

template <int F>
void dispatch(const HistTarget* t, const std::uint32_t* rows, std::size_t n, const float* g,
              const float* h) {
    if (rows)
        h ? accumulate<F, true, true>(t, rows, n, g, h)
          : accumulate<F, true, false>(t, rows, n, g, h);
    else
        h ? accumulate<F, false, true>(t, rows, n, g, h)
          : accumulate<F, false, false>(t, rows, n, g, h);
}

}  // namespace

void buildHistograms(const HistTarget* targets, int count, const std::uint32_t* rows, std::size_t n,
                     const float* gradients, const float* hessians) {
    for (int f = 0; f < count; ++f)
        std::fill(targets[f].hist, targets[f].hist + targets[f].bins, HistBin{});
    switch (count) {
        case 1:
            dispatch<1>(targets, rows, n, gradients, hessians);
            break;
        case 2:
            dispatch<2>(targets, rows, n, gradients, hessians);
            break;
        case 3:
            dispatch<3>(targets, rows, n, gradients, hessians);
            break;
        default:
            dispatch<4>(targets, rows, n, gradients, hessians);
            break;
    }
    if (!hessians)
        for (int f = 0; f < count; ++f)
            for (int b = 0; b < targets[f].bins; ++b)
                targets[f].hist[b].sumHess = targets[f].hist[b].count;
}

void subtractHistogram(const HistBin* parent, const HistBin* child, HistBin* out, int bins) {
    for (int b = 0; b < bins; ++b) {
        out[b].sumGrad = parent[b].sumGrad - child[b].sumGrad;
        out[b].sumHess = parent[b].sumHess - child[b].sumHess;
        out[b].count = parent[b].count - child[b].count;
    }
}

}  // namespace sluice::ml
