// main() of a test executable that holds several Qt Test classes
// (test_registry.h). Usage:
//   <executable> NAME [Qt Test options...]   runs the test class of NAME
//   <executable> --list                      prints the names it holds
// ctest runs one class per process (tests/CMakeLists.txt), as before the
// classes shared an executable. Built twice: with QT_WIDGETS_LIB (a
// QApplication for QTEST_MAIN's tests) and without (QCoreApplication).
#include <QtTest/qtest.h>
#include <QCoreApplication>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include "test_registry.h"

#ifdef QT_WIDGETS_LIB
#include <QApplication>
#endif

namespace sluice::test {
namespace {

struct Entry {
    AppKind app;
    MakeTest make;
    InitMain initMain;
};

std::map<std::string, Entry>& registry() {
    static std::map<std::string, Entry> tests;
    return tests;
}

std::string baseName(const char* file) {
    std::string name(file);
    if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos)
        name.erase(0, slash + 1);
    if (const auto dot = name.rfind('.'); dot != std::string::npos)
        name.erase(dot);
    return name;
}

int runTest(const Entry& entry, int argc, char** argv) {
    entry.initMain();
    std::unique_ptr<QCoreApplication> app;
    if (entry.app == AppKind::Core) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else if (entry.app == AppKind::Gui) {
#ifdef QT_WIDGETS_LIB
        app = std::make_unique<QApplication>(argc, argv);
#else
        std::fprintf(stderr,
                     "this test needs a GUI application: link the group with Qt6::Widgets\n");
        return 2;
#endif
    }
    if (app)
        app->setAttribute(Qt::AA_Use96Dpi, true);
    // The test object lives and dies inside the application, as in QTEST_MAIN.
    const std::unique_ptr<QObject> test = entry.make();
    return QTest::qExec(test.get(), argc, argv);
}

}  // namespace

Registration::Registration(const char* file, AppKind app, MakeTest make, InitMain initMain) {
    registry()[baseName(file)] = Entry{app, make, initMain};
}

}  // namespace sluice::test

int main(int argc, char** argv) {
    using sluice::test::registry;
    if (argc < 2 || std::strcmp(argv[1], "--list") == 0) {
        if (argc < 2)
            std::fprintf(stderr, "usage: %s TEST [Qt Test options]; the tests here:\n", argv[0]);
        for (const auto& [name, entry] : registry())
            std::printf("%s\n", name.c_str());
        return argc < 2 ? 2 : 0;
    }
    const auto found = registry().find(argv[1]);
    if (found == registry().end()) {
        std::fprintf(stderr, "%s: no test named '%s' (--list names them)\n", argv[0], argv[1]);
        return 2;
    }
    // Qt Test sees the program name and the options after the test's name.
    argv[1] = argv[0];
    return sluice::test::runTest(found->second, argc - 1, argv + 1);
}
