#include "util/cpu_budget.h"

#include <algorithm>

#include "util/parallel_for.h"

namespace sluice {

namespace {
thread_local CpuBudget* tCurrent = nullptr;
}

int CpuBudget::tryTake(int wanted) {
    int available = free_.load(std::memory_order_acquire);
    while (true) {
        const int take = std::min(wanted, available);
        if (take <= 0)
            return 0;
        if (free_.compare_exchange_weak(available, available - take, std::memory_order_acq_rel))
            return take;
    }
}

CpuBudget& CpuBudget::machine() {
    static CpuBudget budget(static_cast<int>(defaultThreadCount()));
    return budget;
}

CpuBudget& currentBudget() {
    return tCurrent ? *tCurrent : CpuBudget::machine();
}

BudgetScope::BudgetScope(CpuBudget* budget) : previous_(tCurrent) {
    tCurrent = budget;
}
BudgetScope::~BudgetScope() {
    tCurrent = previous_;
}

}  // namespace sluice
