#include "app/dataset_credits.h"

#include <QRegularExpression>
#include <QStringList>

namespace sluice {

namespace {

bool isTableLine(const QString& line) {
    return line.startsWith(QLatin1Char('|'));
}

// "| a | b |" -> {"a", "b"}. The Markdown source has no escaped pipes in cells.
QStringList splitRow(const QString& line) {
    QStringList cells = line.split(QLatin1Char('|'));
    if (!cells.isEmpty() && cells.first().trimmed().isEmpty()) {
        cells.removeFirst();
    }
    if (!cells.isEmpty() && cells.last().trimmed().isEmpty()) {
        cells.removeLast();
    }
    for (QString& cell : cells) {
        cell = cell.trimmed();
    }
    return cells;
}

// The "|---|:--:|" line between a table's header and its rows.
bool isSeparatorRow(const QStringList& cells) {
    static const QRegularExpression dashes(QStringLiteral("^:?-+:?$"));
    for (const QString& cell : cells) {
        if (!dashes.match(cell).hasMatch()) {
            return false;
        }
    }
    return !cells.isEmpty();
}

}  // namespace

DatasetCredits DatasetCredits::fromMarkdown(const QString& markdown) {
    DatasetCredits credits;
    QStringList introLines;
    QStringList header;
    bool tableDone = false;

    for (const QString& rawLine : markdown.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (!isTableLine(line)) {
            if (!header.isEmpty()) {
                tableDone = true;  // only the first table is the credits table
            } else if (!line.isEmpty() && !line.startsWith(QLatin1Char('#'))) {
                introLines.append(line);
            }
            continue;
        }
        if (tableDone) {
            continue;
        }
        const QStringList cells = splitRow(line);
        if (header.isEmpty()) {
            for (const QString& name : cells) {
                header.append(name.toLower());
            }
            continue;
        }
        if (isSeparatorRow(cells)) {
            continue;
        }
        const auto cell = [&](const char* column) {
            const auto index = header.indexOf(QLatin1String(column));
            return index >= 0 && index < cells.size() ? cells.at(index) : QString();
        };
        Entry entry{cell("file"), cell("task"), cell("origin"), cell("license")};
        if (!entry.file.isEmpty() && !entry.origin.isEmpty() && !entry.license.isEmpty()) {
            credits.entries_.append(entry);
        }
    }
    // Only the prose before the table introduces it; later notes are for maintainers.
    credits.intro_ = introLines.join(QLatin1Char(' '));
    return credits;
}

}  // namespace sluice
