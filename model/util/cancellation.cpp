#include "util/cancellation.h"

namespace sluice {

namespace {
thread_local const std::atomic<bool>* tFlag = nullptr;
}

const std::atomic<bool>* currentCancelFlag() {
    return tFlag;
}

CancelScope::CancelScope(const std::atomic<bool>* flag) : previous_(tFlag) {
    tFlag = flag;
}
CancelScope::~CancelScope() {
    tFlag = previous_;
}

}  // namespace sluice
