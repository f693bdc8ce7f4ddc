#include "views/param_field.h"

#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace sluice {

ParamField* ParamField::create(const ParamSpec& spec, const Options& options, QWidget* parent) {
    switch (spec.kind) {
        case ParamKind::Int:
        case ParamKind::Float:
            return param_fields::makeNumber(spec, parent);
        case ParamKind::Bool:
            return param_fields::makeBool(spec, parent);
        case ParamKind::Choice:
            return param_fields::makeChoice(spec, parent);
        case ParamKind::String:
            return param_fields::makeText(spec, parent);
        case ParamKind::Path:
            return param_fields::makePath(spec, options.pathForSaving, parent);
        case ParamKind::Column:
            return param_fields::makeColumn(spec, options.columns, parent);
        case ParamKind::Columns:
            return param_fields::makeColumns(spec, options.columns, parent);
        case ParamKind::Records:
            return param_fields::makeRecords(spec, options.columns, parent);
    }
    return param_fields::makeText(spec, parent);
}

ParamField::ParamField(const ParamSpec& spec, QWidget* parent) : QWidget(parent), spec_(spec) {
    setObjectName(QString::fromStdString("param_" + spec.name));
    layout_ = new QVBoxLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setSpacing(2);

    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("problem"));
    problem_->setWordWrap(true);
    problem_->setTextFormat(Qt::PlainText);
    QPalette palette = problem_->palette();
    palette.setColor(QPalette::WindowText, QColor(0xd0, 0x21, 0x21));
    problem_->setPalette(palette);
    problem_->hide();
    layout_->addWidget(problem_);
}

void ParamField::setEditor(QWidget* editor, QWidget* row) {
    editor_ = editor;
    const QString help = QString::fromStdString(spec_.help);
    editor->setToolTip(help);
    editor->setObjectName(QStringLiteral("editor"));
    // A narrow inspector squeezes editors rather than scrolling sideways: a
    // spin box or list of long choices may get narrower than its text.
    editor->setMinimumWidth(std::min(editor->minimumSizeHint().width(), kMinEditorWidth));
    layout_->insertWidget(0, row ? row : editor);
    setFocusProxy(editor);
}

void ParamField::setValue(const nlohmann::json& value) {
    value_ = value;
    const QSignalBlocker blocker(editor_);
    display(value);
}

void ParamField::commit(const nlohmann::json& value) {
    if (value == value_)
        return;
    if (handler_)
        handler_(value);
}

void ParamField::showProblem(const QString& reason) {
    problem_->setText(reason);
    problem_->show();
}

void ParamField::clearProblem() {
    problem_->clear();
    problem_->hide();
}

QString ParamField::problem() const {
    return problem_->isHidden() ? QString() : problem_->text();
}

}  // namespace sluice
