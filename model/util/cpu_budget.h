// CpuBudget: how many threads may compute at once, shared by the engine's
// workers and the parallel loops inside the nodes they run, so nested
// parallel work (forest trees, k-NN blocks, CSV chunks) uses the cores that
// are idle instead of oversubscribing the busy ones.
//
// Contract:
// - A budget starts with `slots` (the core count by default). An engine
//   worker claims one slot for the node it runs with claim(), even when that
//   overdraws the budget; a parallel loop asks for extra helper threads with
//   tryTake(), which never overdraws. Both give their slots back with give().
// - A helper whose budget is overdrawn (a new node started on a busy
//   machine) retires after its current item: see parallelFor.
// - The budget a thread draws from is thread-local (currentBudget()): the
//   engine points its workers at its own budget; every other thread uses the
//   process-wide one sized to the machine.
// - The calling thread of a parallel loop always works and needs no slot.
#pragma once

#include <atomic>

namespace sluice {

class CpuBudget {
public:
    explicit CpuBudget(int size) : free_(size) {}
    CpuBudget(const CpuBudget&) = delete;
    CpuBudget& operator=(const CpuBudget&) = delete;

    // Up to `wanted` slots, as many as are free (0 when none are).
    int tryTake(int wanted);
    // One slot, taken even if none is free.
    void claim() { free_.fetch_sub(1, std::memory_order_acq_rel); }
    void give(int count) { free_.fetch_add(count, std::memory_order_acq_rel); }
    // Whether more slots are in use than the budget has.
    bool overdrawn() const { return free_.load(std::memory_order_acquire) < 0; }
    int free() const { return free_.load(std::memory_order_acquire); }

    // The process-wide budget: one slot per core.
    static CpuBudget& machine();

private:
    std::atomic<int> free_;
};

// The budget the calling thread draws from (the machine's unless set).
CpuBudget& currentBudget();
// Points this thread at `budget` (nullptr: back to the machine's) until the
// returned guard is destroyed.
class BudgetScope {
public:
    explicit BudgetScope(CpuBudget* budget);
    ~BudgetScope();
    BudgetScope(const BudgetScope&) = delete;
    BudgetScope& operator=(const BudgetScope&) = delete;

private:
    CpuBudget* previous_;
};

}  // namespace sluice
