#include "ml/neighbors/candidate_pool.h"

#include <algorithm>

namespace sluice::ml {

void CandidatePool::reset(int k, double margin, Eigen::Index rowLimit) {
    k_ = k;
    margin_ = margin;
    rowLimit_ = rowLimit;
    threshold_ = std::numeric_limits<double>::infinity();
    // Room for the band around the k-th value; compaction is rare.
    capacity_ = 4 * static_cast<std::size_t>(k) + 16;
    items_.clear();
    items_.reserve(capacity_);
}

void CandidatePool::disable() {
    reset(1, 0.0, 0);
    threshold_ = -std::numeric_limits<double>::infinity();
}

void CandidatePool::offer(double approx, Eigen::Index row) {
    if (row >= rowLimit_ || !(approx <= threshold_))
        return;
    items_.emplace_back(approx, row);
    if (items_.size() >= capacity_)
        compact();
}

void CandidatePool::compact() {
    const auto kth = items_.begin() + (k_ - 1);
    std::nth_element(items_.begin(), kth, items_.end());
    threshold_ = kth->first + margin_;
    std::erase_if(items_, [&](const auto& item) { return item.first > threshold_; });
    // Many rows within the band (duplicated training rows): grow rather than
    // compact again at every offer.
    if (items_.size() * 2 > capacity_)
        capacity_ *= 2;
}

void CandidatePool::finish(const double* query, const RowMatrix& train, DistanceMetric metric,
                           Eigen::Index* index, double* distance) {
    compact();
    const Eigen::Index p = train.cols();
    for (auto& item : items_)
        item.first = rankDistance(query, train.row(item.second).data(), p, metric);
    std::partial_sort(items_.begin(), items_.begin() + k_, items_.end());
    for (int i = 0; i < k_; ++i) {
        index[i] = items_[static_cast<std::size_t>(i)].second;
        distance[i] = trueDistance(items_[static_cast<std::size_t>(i)].first, metric);
    }
}

}  // namespace sluice::ml
