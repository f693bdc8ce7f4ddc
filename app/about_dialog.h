#pragma once

#include <QDialog>

namespace sluice {

// "About Sluice": name, version, the Qt version built against and running,
// and the origin and license of every bundled dataset, read from the
// SOURCES.md compiled into the binary (see DatasetCredits).
//
// A plain QDialog, so callers choose: open() for a non-blocking window-modal
// box, exec() to block, or just construct it to inspect its widgets in tests.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
};

}  // namespace sluice
