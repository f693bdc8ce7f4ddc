// Bool, Choice, String and Path parameters.
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

#include "views/middle_elided_edit.h"
#include "views/param_field.h"
#include "views/scroll_safe.h"

namespace sluice::param_fields {
namespace {

QString text(const nlohmann::json& value) {
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump());
}

class BoolField : public ParamField {
public:
    BoolField(const ParamSpec& spec, QWidget* parent) : ParamField(spec, parent) {
        box_ = new QCheckBox(this);
        setEditor(box_);
        // clicked, not toggled: only the user's clicks are edits.
        connect(box_, &QCheckBox::clicked, this, [this](bool on) { commit(on); });
    }

protected:
    void display(const nlohmann::json& value) override {
        box_->setChecked(value.is_boolean() && value.get<bool>());
    }

private:
    QCheckBox* box_;
};

class ChoiceField : public ParamField {
public:
    ChoiceField(const ParamSpec& spec, QWidget* parent) : ParamField(spec, parent) {
        combo_ = new ScrollSafe<QComboBox>(this);
        // Narrow panels: the box may be narrower than its longest choice.
        combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo_->setMinimumContentsLength(6);
        for (const std::string& choice : spec.choices)
            combo_->addItem(QString::fromStdString(choice));
        setEditor(combo_);
        // activated: the user picked (even the same item); currentIndexChanged
        // would also fire for display().
        connect(combo_, &QComboBox::activated, this,
                [this](int index) { commit(combo_->itemText(index).toStdString()); });
    }

protected:
    void display(const nlohmann::json& value) override {
        const int index = combo_->findText(text(value));
        combo_->setCurrentIndex(index);
        // A value from a file that is no longer a choice stays visible.
        combo_->setPlaceholderText(index < 0 ? text(value) : QString());
    }

private:
    QComboBox* combo_;
};

// A line edit committing on Enter or focus loss; base of String and Path.
class LineField : public ParamField {
public:
    // `edit` (owned) is the line edit to use; a plain one by default.
    LineField(const ParamSpec& spec, QWidget* parent, QLineEdit* edit = nullptr)
        : ParamField(spec, parent) {
        edit_ = edit ? edit : new QLineEdit(this);
        edit_->setParent(this);
        if (spec.optional)
            edit_->setPlaceholderText(tr("optional"));
        connect(edit_, &QLineEdit::editingFinished, this, &LineField::finish);
    }

    bool isEditing() const override { return edit_->hasFocus() && edit_->isModified(); }
    void finishEditing() override {
        if (edit_->isModified())
            finish();
    }

protected:
    void display(const nlohmann::json& value) override {
        edit_->setText(text(value));
        edit_->setCursorPosition(0);
        edit_->setModified(false);
        // Shown with signals blocked: the elided path's tooltip is set here.
        if (auto* elided = qobject_cast<MiddleElidedEdit*>(edit_))
            elided->updateToolTip();
    }

    void finish() {
        edit_->setModified(false);
        commit(edit_->text().toStdString());
    }

    QLineEdit* edit_;
};

class TextField : public LineField {
public:
    TextField(const ParamSpec& spec, QWidget* parent) : LineField(spec, parent) {
        setEditor(edit_);
    }
};

class PathField : public LineField {
public:
    // A long path shows its start and its file name, the middle elided;
    // the full path is the tooltip (issue 25, item 2).
    PathField(const ParamSpec& spec, bool forSaving, QWidget* parent)
        : LineField(spec, parent, new MiddleElidedEdit), forSaving_(forSaving) {
        auto* row = new QWidget(this);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        edit_->setParent(row);
        layout->addWidget(edit_, 1);
        auto* browse = new QToolButton(row);
        browse->setObjectName(QStringLiteral("browse"));
        browse->setText(QStringLiteral("\u2026"));
        browse->setToolTip(forSaving ? tr("Choose where to save the file") : tr("Choose a file"));
        layout->addWidget(browse);
        setEditor(edit_, row);
        static_cast<MiddleElidedEdit*>(edit_)->setHelp(QString::fromStdString(spec.help));
        connect(browse, &QToolButton::clicked, this, &PathField::browse);
    }

private:
    void browse() {
        const QString current = edit_->text();
        // Offer files like the current one first (CSV, model JSON, ...).
        const QString suffix = QFileInfo(current).suffix();
        QString filter = tr("All files (*)");
        if (!suffix.isEmpty())
            filter =
                tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix) + QStringLiteral(";;") + filter;
        const QString chosen =
            forSaving_ ? QFileDialog::getSaveFileName(this, tr("Save As"), current, filter)
                       : QFileDialog::getOpenFileName(this, tr("Open File"), current, filter);
        if (chosen.isEmpty())
            return;
        edit_->setText(chosen);
        commit(chosen.toStdString());
    }

    bool forSaving_;
};

}  // namespace

ParamField* makeBool(const ParamSpec& spec, QWidget* parent) {
    return new BoolField(spec, parent);
}

ParamField* makeChoice(const ParamSpec& spec, QWidget* parent) {
    return new ChoiceField(spec, parent);
}

ParamField* makeText(const ParamSpec& spec, QWidget* parent) {
    return new TextField(spec, parent);
}

ParamField* makePath(const ParamSpec& spec, bool forSaving, QWidget* parent) {
    return new PathField(spec, forSaving, parent);
}

}  // namespace sluice::param_fields
