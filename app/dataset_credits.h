#pragma once

#include <QList>
#include <QString>

namespace sluice {

// Where each bundled dataset comes from and under which license, read from
// resources/datasets/SOURCES.md so the About box and the shipped file cannot
// disagree.
//
// The file is Markdown: an intro paragraph, then a table whose header names the
// columns. Columns are found by header name ("file", "task", "origin",
// "license"), so reordering or adding columns does not break the About box.
class DatasetCredits {
public:
    struct Entry {
        QString file;     ///< e.g. "iris.csv"
        QString task;     ///< e.g. "3-class classification"; may be empty
        QString origin;   ///< who collected or published it
        QString license;  ///< e.g. "CC BY 4.0"
    };

    // Parses the text of SOURCES.md. Rows missing a file, origin or license
    // are skipped; a text without such a table gives no entries.
    static DatasetCredits fromMarkdown(const QString& markdown);

    // The prose between the title and the table, joined into one paragraph.
    QString intro() const { return intro_; }
    const QList<Entry>& entries() const { return entries_; }

private:
    QString intro_;
    QList<Entry> entries_;
};

}  // namespace sluice
