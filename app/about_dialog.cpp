#include "app/about_dialog.h"

#include "app/dataset_credits.h"
#include "app/version.h"
#include "resources/sluice_resources.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sluice {

namespace {

QString creditsHtml(const DatasetCredits& credits) {
    if (credits.entries().isEmpty()) {
        // Only a broken build gets here; say so rather than show an empty box.
        return QStringLiteral("<p>%1</p>")
            .arg(AboutDialog::tr("The dataset credits (SOURCES.md) are missing from this build."));
    }
    QString html = QStringLiteral("<p>%1</p>").arg(credits.intro().toHtmlEscaped());
    // One paragraph per dataset: a reader (and the tests) can see which license
    // belongs to which file.
    for (const DatasetCredits::Entry& entry : credits.entries()) {
        html += QStringLiteral("<p><b>%1</b> &mdash; %2. %3</p>")
                    .arg(entry.file.toHtmlEscaped(), entry.origin.toHtmlEscaped(),
                         AboutDialog::tr("License: %1").arg(entry.license.toHtmlEscaped()));
    }
    return html;
}

}  // namespace

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About Sluice"));

    auto* icon = new QLabel(this);
    icon->setPixmap(resources::appIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto* title =
        new QLabel(QStringLiteral("<h2>Sluice %1</h2><p>%2</p><p>%3</p>")
                       .arg(QLatin1String(kVersion),
                            tr("Build, run and watch machine-learning pipelines visually."),
                            tr("Built with Qt %1, running on Qt %2.")
                                .arg(QLatin1String(QT_VERSION_STR), QLatin1String(qVersion()))),
                   this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title->setWordWrap(true);

    auto* creditsHeading =
        new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Bundled datasets")), this);

    auto* credits = new QTextBrowser(this);
    credits->setObjectName(QStringLiteral("datasetCredits"));
    credits->setOpenExternalLinks(true);
    credits->setHtml(
        creditsHtml(DatasetCredits::fromMarkdown(resources::datasetSourcesMarkdown())));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* header = new QHBoxLayout;
    header->addWidget(icon);
    header->addWidget(title, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addSpacing(6);
    layout->addWidget(creditsHeading);
    layout->addWidget(credits, 1);
    layout->addWidget(buttons);

    resize(560, 440);
}

}  // namespace sluice
