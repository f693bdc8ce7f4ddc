// Column and Columns parameters: free text (a pipeline may be edited before
// it ever ran) with the input table's columns offered from the last run or a
// peek at the data; where none can be known the field says to run upstream.
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

#include "views/param_field.h"
#include "views/scroll_safe.h"

namespace sluice::param_fields {
namespace {

using ColumnSource = std::function<QStringList()>;

QStringList columnsFrom(const ColumnSource& source) {
    return source ? source() : QStringList();
}

// Said where columns would be listed but none can be known yet.
QString runUpstreamHint() {
    return QCoreApplication::translate("ColumnFields", "run upstream to see columns");
}

// An editable combo box that re-reads the columns each time it opens, so
// a run that finished after the form was built is reflected.
class ColumnCombo : public ScrollSafe<QComboBox> {
public:
    ColumnCombo(ColumnSource source, QWidget* parent)
        : ScrollSafe<QComboBox>(parent), source_(std::move(source)) {
        setEditable(true);
        setInsertPolicy(QComboBox::NoInsert);  // typing must not grow the list
    }

    // What the empty field says when columns are listed ("optional").
    void setPlaceholder(const QString& text) {
        placeholder_ = text;
        showPlaceholder();
    }

    void reload() {
        const QString text = currentText();
        clear();
        addItems(columnsFrom(source_));
        setEditText(text);
        showPlaceholder();
    }

private:
    // With nothing to list the empty field says why (issue 25, item 3).
    void showPlaceholder() {
        const QString why = runUpstreamHint();
        lineEdit()->setPlaceholderText(count() > 0              ? placeholder_
                                       : placeholder_.isEmpty() ? why
                                                                : placeholder_ + " · " + why);
    }

public:
    void showPopup() override {
        reload();
        ScrollSafe<QComboBox>::showPopup();
    }

private:
    ColumnSource source_;
    QString placeholder_;
};

class ColumnField : public ParamField {
public:
    ColumnField(const ParamSpec& spec, ColumnSource source, QWidget* parent)
        : ParamField(spec, parent) {
        combo_ = new ColumnCombo(std::move(source), this);
        if (spec.optional)
            combo_->setPlaceholder(tr("optional"));
        setEditor(combo_);
        combo_->reload();
        connect(combo_->lineEdit(), &QLineEdit::editingFinished, this, &ColumnField::finish);
        connect(combo_, &QComboBox::activated, this,
                [this](int index) { commit(combo_->itemText(index).toStdString()); });
    }

    bool isEditing() const override {
        return combo_->hasFocus() && combo_->lineEdit()->isModified();
    }
    void finishEditing() override {
        if (combo_->lineEdit()->isModified())
            finish();
    }
    void refreshColumns() override {
        const QSignalBlocker blocker(combo_);
        combo_->reload();
    }

protected:
    void display(const nlohmann::json& value) override {
        combo_->setEditText(value.is_string() ? QString::fromStdString(value.get<std::string>())
                                              : QString());
        combo_->lineEdit()->setModified(false);
    }

private:
    void finish() {
        combo_->lineEdit()->setModified(false);
        commit(combo_->currentText().trimmed().toStdString());
    }

    ColumnCombo* combo_;
};

QStringList split(const QString& text) {
    QStringList names;
    for (const QString& part : text.split(QLatin1Char(',')))
        if (const QString name = part.trimmed(); !name.isEmpty())
            names << name;
    return names;
}

nlohmann::json toJson(const QStringList& names) {
    nlohmann::json list = nlohmann::json::array();
    for (const QString& name : names)
        list.push_back(name.toStdString());
    return list;
}

// Comma-separated names (their order matters, e.g. for "keep"), with a menu
// of the input's columns to tick on and off.
class ColumnsField : public ParamField {
public:
    ColumnsField(const ParamSpec& spec, ColumnSource source, QWidget* parent)
        : ParamField(spec, parent), source_(std::move(source)) {
        auto* row = new QWidget(this);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        edit_ = new QLineEdit(row);
        edit_->setPlaceholderText(spec.optional ? tr("none (comma-separated names)")
                                                : tr("comma-separated names"));
        layout->addWidget(edit_, 1);
        auto* pick = new QToolButton(row);
        pick->setObjectName(QStringLiteral("pickColumns"));
        pick->setText(QStringLiteral("\u25be"));
        pick->setToolTip(tr("Choose columns of the input table"));
        pick->setPopupMode(QToolButton::InstantPopup);
        menu_ = new QMenu(pick);
        pick->setMenu(menu_);
        layout->addWidget(pick);
        setEditor(edit_, row);

        connect(edit_, &QLineEdit::editingFinished, this, &ColumnsField::finish);
        connect(menu_, &QMenu::aboutToShow, this, &ColumnsField::fillMenu);
    }

    bool isEditing() const override { return edit_->hasFocus() && edit_->isModified(); }
    void finishEditing() override {
        if (edit_->isModified())
            finish();
    }

protected:
    void display(const nlohmann::json& value) override {
        QStringList names;
        if (value.is_array())
            for (const auto& v : value)
                names << QString::fromStdString(v.is_string() ? v.get<std::string>() : v.dump());
        edit_->setText(names.join(QStringLiteral(", ")));
        edit_->setModified(false);
    }

private:
    void finish() {
        edit_->setModified(false);
        commit(toJson(split(edit_->text())));
    }

    void fillMenu() {
        menu_->clear();
        const QStringList chosen = split(edit_->text());
        const QStringList available = columnsFrom(source_);
        if (available.isEmpty()) {
            menu_->addAction(runUpstreamHint())->setEnabled(false);
            return;
        }
        for (const QString& name : available) {
            QAction* action = menu_->addAction(name);
            action->setCheckable(true);
            action->setChecked(chosen.contains(name));
            connect(action, &QAction::toggled, this, [this, name](bool on) { toggle(name, on); });
        }
    }

    // Ticking appends (so the order of ticks is the order kept), unticking
    // removes; either is one committed edit.
    void toggle(const QString& name, bool on) {
        QStringList names = split(edit_->text());
        names.removeAll(name);
        if (on)
            names << name;
        edit_->setText(names.join(QStringLiteral(", ")));
        commit(toJson(names));
    }

    ColumnSource source_;
    QLineEdit* edit_;
    QMenu* menu_;
};

}  // namespace

ParamField* makeColumn(const ParamSpec& spec, std::function<QStringList()> columns,
                       QWidget* parent) {
    return new ColumnField(spec, std::move(columns), parent);
}

ParamField* makeColumns(const ParamSpec& spec, std::function<QStringList()> columns,
                        QWidget* parent) {
    return new ColumnsField(spec, std::move(columns), parent);
}

}  // namespace sluice::param_fields
