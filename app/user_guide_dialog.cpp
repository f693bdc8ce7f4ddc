#include "app/user_guide_dialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sluice {

QString UserGuideDialog::userGuideMarkdown() {
    QFile file(QStringLiteral(":/docs/README.md"));
    if (!file.open(QIODevice::ReadOnly))
        return tr("# User guide\n\nThe guide is missing from this build of Sluice.");
    const QString readme = QString::fromUtf8(file.readAll());
    // From the first chapter on using the app to the datasets' credits.
    const qsizetype from = readme.indexOf(QStringLiteral("\n## Reading CSV files"));
    const qsizetype to = readme.indexOf(QStringLiteral("\n## Bundled datasets"));
    if (from < 0)
        return readme;
    return tr("# Sluice user guide\n") +
           readme.mid(from, to > from ? to - from : readme.size() - from);
}

UserGuideDialog::UserGuideDialog(QWidget* parent)
    : QDialog(parent), browser_(new QTextBrowser(this)) {
    setWindowTitle(tr("Sluice User Guide"));
    browser_->setObjectName(QStringLiteral("userGuide"));
    browser_->setOpenExternalLinks(true);
    browser_->setMarkdown(userGuideMarkdown());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(browser_);
    layout->addWidget(buttons);
    resize(760, 640);
}

}  // namespace sluice
