// parallelFor with a CpuBudget and a cancellation flag: loops use only the
// free slots, give them back, retire helpers when the budget is overdrawn,
// and stop at a cancellation point.
#include <QtTest>
#include <set>
#include <thread>

#include "support/test_registry.h"
#include "util/cancellation.h"
#include "util/cpu_budget.h"
#include "util/parallel_for.h"

using namespace sluice;

namespace {

// How many distinct threads ran the items of a loop of n slow items.
int threadsUsed(std::size_t n, unsigned threads) {
    std::mutex mutex;
    std::set<std::thread::id> ids;
    parallelFor(n, threads, [&](std::size_t) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        std::lock_guard lock(mutex);
        ids.insert(std::this_thread::get_id());
    });
    return static_cast<int>(ids.size());
}

}  // namespace

class TestParallelBudget : public QObject {
    Q_OBJECT

private slots:
    void tryTakeNeverOverdraws() {
        CpuBudget budget(3);
        QCOMPARE(budget.tryTake(2), 2);
        QCOMPARE(budget.tryTake(5), 1);
        QCOMPARE(budget.tryTake(1), 0);
        budget.claim();  // an engine worker may overdraw
        QVERIFY(budget.overdrawn());
        budget.give(4);
        QCOMPARE(budget.free(), 3);
    }

    void loopsUseOnlyFreeSlots() {
        CpuBudget budget(4);
        BudgetScope scope(&budget);
        QCOMPARE(threadsUsed(40, 4), 4);  // caller + 3 helpers
        QCOMPARE(budget.free(), 4);       // all given back
        budget.claim();
        budget.claim();
        budget.claim();  // three other nodes busy: one slot left
        QCOMPARE(threadsUsed(40, 4), 2);
        budget.claim();  // none left: the caller alone
        QCOMPARE(threadsUsed(40, 4), 1);
        budget.give(4);
    }

    void helpersRetireWhenTheBudgetIsOverdrawn() {
        CpuBudget budget(2);
        BudgetScope scope(&budget);
        std::atomic<int> done{0};
        std::mutex mutex;
        std::set<std::thread::id> late;  // threads that ran items after the overdraw
        std::atomic<bool> overdrawn{false};
        parallelFor(200, 2, [&](std::size_t i) {
            if (i == 20 && !overdrawn.exchange(true))
                budget.claim(), budget.claim();  // two nodes start elsewhere
            if (i > 60) {
                std::lock_guard lock(mutex);
                late.insert(std::this_thread::get_id());
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
            ++done;
        });
        QCOMPARE(done.load(), 200);             // every item still ran
        QCOMPARE(late.size(), std::size_t(1));  // by the caller only
        budget.give(2);
        QCOMPARE(budget.free(), 2);
    }

    void aRaisedFlagStopsTheLoop() {
        // Which thread reaches which index is up to the scheduler (under
        // ThreadSanitizer a helper can run dozens of items while the caller
        // is descheduled), so the count of items before the flag is not
        // fixed. What is fixed: once the flag is up, each of the other
        // threads starts at most the one item it had already checked.
        std::atomic<bool> flag{false};
        CancelScope scope(&flag);
        std::atomic<int> ran{0}, startedAfterFlag{0};
        QVERIFY_THROWS_EXCEPTION(Cancelled, parallelFor(100000, 2, [&](std::size_t i) {
                                     if (flag)
                                         ++startedAfterFlag;
                                     if (i == 10)
                                         flag = true;
                                     ++ran;
                                 }));
        QVERIFY(startedAfterFlag <= 1);  // 2 threads: the other one's item in flight
        QVERIFY(ran < 100000);
        QVERIFY_THROWS_EXCEPTION(Cancelled, throwIfCancellationRequested());
    }

    void noScopeNoCancellation() {
        QVERIFY(currentCancelFlag() == nullptr);
        throwIfCancellationRequested();  // does nothing
        std::atomic<int> ran{0};
        parallelFor(100, 2, [&](std::size_t) { ++ran; });
        QCOMPARE(ran.load(), 100);
    }
};

SLUICE_TEST_GUILESS_MAIN(TestParallelBudget)
#include "test_parallel_budget.moc"
