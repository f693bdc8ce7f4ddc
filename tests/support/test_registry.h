// Many Qt Test classes in one executable. The tests of a folder build into
// one executable (tests/CMakeLists.txt, sluice_add_test_group): one compile
// of Qt's generated code and one link instead of one per class, which was a
// third of a clean build. Each test file ends with one of the macros below
// where it would have used Qt's QTEST_*MAIN, and ctest runs
// "<executable> <file name without .cpp>" for it, so every class still runs
// alone in its own process, under the application object Qt's macro of the
// same name would have made, with its own ctest name and labels.
//
// Test files of one executable share one program: two of them must not both
// define a class, struct or non-static function of the same name at
// namespace scope (keep helpers in an unnamed namespace).
#pragma once

#include <QtTest/qtest.h>
#include <QObject>
#include <memory>

namespace sluice::test {

// The application object a test runs under (Qt's QTEST_APPLESS_MAIN,
// QTEST_GUILESS_MAIN and QTEST_MAIN respectively).
enum class AppKind { None, Core, Gui };

using MakeTest = std::unique_ptr<QObject> (*)();
using InitMain = void (*)();

// Adds a test class under the base name of `file` (its __FILE__).
struct Registration {
    Registration(const char* file, AppKind app, MakeTest make, InitMain initMain);
};

template <class T>
std::unique_ptr<QObject> makeTest() {
    return std::make_unique<T>();
}

}  // namespace sluice::test

#define SLUICE_TEST_REGISTER(TestObject, app)                                 \
    namespace {                                                               \
    const ::sluice::test::Registration sluiceTestRegistration##TestObject(    \
        __FILE__, app, &::sluice::test::makeTest<TestObject>,                 \
        &QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain) < TestObject >); \
    }

#define SLUICE_TEST_APPLESS_MAIN(TestObject) \
    SLUICE_TEST_REGISTER(TestObject, ::sluice::test::AppKind::None)
#define SLUICE_TEST_GUILESS_MAIN(TestObject) \
    SLUICE_TEST_REGISTER(TestObject, ::sluice::test::AppKind::Core)
#define SLUICE_TEST_MAIN(TestObject) SLUICE_TEST_REGISTER(TestObject, ::sluice::test::AppKind::Gui)
