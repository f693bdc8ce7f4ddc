#include "app/user_guide_dialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sluice {

namespace {

// The README's chapters a user of the app needs, in this order; the others
// are about building, packaging and the code.
constexpr const char* kChapters[] = {"The editor", "Preparing data", "The engine and sluice-run"};

// The README's "## title" chapter up to the next "## " heading.
QString chapter(const QString& readme, const QString& title) {
    const qsizetype from = readme.indexOf(QStringLiteral("\n## ") + title + QLatin1Char('\n'));
    if (from < 0)
        return {};
    const qsizetype to = readme.indexOf(QStringLiteral("\n## "), from + 1);
    return readme.mid(from + 1, to < 0 ? -1 : to - from);
}

}  // namespace

QString UserGuideDialog::userGuideMarkdown() {
    QFile file(QStringLiteral(":/docs/README.md"));
    if (!file.open(QIODevice::ReadOnly))
        return tr("# User guide\n\nThe guide is missing from this build of Sluice.");
    const QString readme = QString::fromUtf8(file.readAll());
    QString guide = tr("# Sluice user guide\n\n");
    for (const char* title : kChapters)
        guide += chapter(readme, QString::fromLatin1(title));
    return guide;
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
