#pragma once

#include <QStringList>

namespace sluice {

// The recently opened or saved pipeline files, newest first, kept in
// QSettings ("recentFiles") so they survive restarts. At most kMax entries;
// adding a file already listed moves it to the front. Files that no longer
// exist are dropped when the list is read.
class RecentFiles {
public:
    static constexpr int kMax = 10;

    static QStringList list();
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();
};

}  // namespace sluice
