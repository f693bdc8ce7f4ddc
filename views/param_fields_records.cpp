// Records parameters (Group by's aggregations, Select rows' conditions): a
// small table with one row per record and one column per field, and buttons
// to add and remove rows. Choice fields are lists, Column fields editable
// lists of the input's columns, other fields free text. Every finished edit
// (a pick, Enter, focus leaving a cell, Add, Remove) commits the whole list
// once, so each is one undo step.
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "views/param_field.h"
#include "views/scroll_safe.h"

namespace sluice::param_fields {
namespace {

// A cell's text as the JSON value of `field`'s kind: numbers where the
// kind is a number and the text reads as one, otherwise the text (which
// the document refuses with its reason when it is not acceptable).
nlohmann::json recordCellValue(const ParamSpec& field, const QString& text) {
    const QString t = text.trimmed();
    if (field.kind == ParamKind::Int || field.kind == ParamKind::Float) {
        bool ok = false;
        const double v = t.toDouble(&ok);
        if (ok)
            return field.kind == ParamKind::Int && v == static_cast<long long>(v)
                       ? nlohmann::json(static_cast<long long>(v))
                       : nlohmann::json(v);
    }
    if (field.kind == ParamKind::Bool &&
        (t == QLatin1String("true") || t == QLatin1String("false")))
        return t == QLatin1String("true");
    return t.toStdString();
}

QString recordCellText(const nlohmann::json& value) {
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return QString();
    return QString::fromStdString(value.dump());
}

class RecordsField : public ParamField {
public:
    RecordsField(const ParamSpec& spec, std::function<QStringList()> columns, QWidget* parent)
        : ParamField(spec, parent), columns_(std::move(columns)) {
        auto* box = new QWidget(this);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        table_ = new QTableWidget(0, static_cast<int>(spec.fields.size()), box);
        QStringList headers;
        for (const ParamSpec& field : spec.fields)
            headers << QString::fromStdString(field.label);
        table_->setHorizontalHeaderLabels(headers);
        for (int c = 0; c < table_->columnCount(); ++c)
            table_->horizontalHeaderItem(c)->setToolTip(
                QString::fromStdString(spec.fields[static_cast<std::size_t>(c)].help));
        table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table_->horizontalHeader()->setMinimumSectionSize(40);
        table_->verticalHeader()->setDefaultSectionSize(26);
        table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        table_->setSelectionBehavior(QAbstractItemView::SelectRows);
        table_->setSelectionMode(QAbstractItemView::SingleSelection);
        table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        layout->addWidget(table_);

        auto* buttons = new QHBoxLayout;
        buttons->setSpacing(4);
        auto* add = new QPushButton(tr("Add"), box);
        add->setObjectName(QStringLiteral("addRecord"));
        add->setToolTip(tr("Add a row (a copy of the selected or last row)"));
        auto* remove = new QPushButton(tr("Remove"), box);
        remove->setObjectName(QStringLiteral("removeRecord"));
        remove->setToolTip(tr("Remove the selected row"));
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch(1);
        layout->addLayout(buttons);
        setEditor(table_, box);

        connect(add, &QPushButton::clicked, this, &RecordsField::addRow);
        connect(remove, &QPushButton::clicked, this, &RecordsField::removeRow);
    }

    bool isEditing() const override {
        for (QLineEdit* edit : findChildren<QLineEdit*>())
            if (edit->hasFocus() && edit->isModified())
                return true;
        return false;
    }
    void finishEditing() override {
        if (isEditing())
            commitTable();
    }
    void refreshColumns() override {
        for (QComboBox* combo : findChildren<QComboBox*>(QStringLiteral("columnCell")))
            reloadColumns(combo);
    }

protected:
    // Updates the rows in place: the edit being committed may come from a
    // cell's own signal, so its widget must outlive the refresh. Only rows
    // past the new count go, and rows are added at the end.
    void display(const nlohmann::json& value) override {
        shown_ = value;
        const nlohmann::json rows = value.is_array() ? value : nlohmann::json::array();
        const int count = static_cast<int>(rows.size());
        while (table_->rowCount() > count)
            table_->removeRow(table_->rowCount() - 1);
        for (int r = 0; r < count; ++r) {
            if (r >= table_->rowCount())
                appendRow();
            showRow(r, rows[static_cast<std::size_t>(r)]);
        }
        fitHeight();
    }

private:
    void reloadColumns(QComboBox* combo) const {
        const QSignalBlocker blocker(combo);
        const QString text = combo->currentText();
        combo->clear();
        if (columns_)
            combo->addItems(columns_());
        combo->setEditText(text);
    }

    // One row of cell editors, empty until showRow() fills it.
    void appendRow() {
        const int r = table_->rowCount();
        table_->insertRow(r);
        for (std::size_t c = 0; c < spec().fields.size(); ++c) {
            const ParamSpec& field = spec().fields[c];
            QWidget* cell = nullptr;
            if (field.kind == ParamKind::Choice) {
                auto* combo = new ScrollSafe<QComboBox>(table_);
                for (const std::string& choice : field.choices)
                    combo->addItem(QString::fromStdString(choice));
                connect(combo, &QComboBox::activated, this, [this] { commitTable(); });
                cell = combo;
            } else if (field.kind == ParamKind::Column) {
                auto* combo = new ScrollSafe<QComboBox>(table_);
                combo->setObjectName(QStringLiteral("columnCell"));
                combo->setEditable(true);
                combo->setInsertPolicy(QComboBox::NoInsert);
                reloadColumns(combo);
                connect(combo, &QComboBox::activated, this, [this] { commitTable(); });
                connect(combo->lineEdit(), &QLineEdit::editingFinished, this, [this, combo] {
                    if (combo->lineEdit()->isModified()) {
                        combo->lineEdit()->setModified(false);
                        commitTable();
                    }
                });
                cell = combo;
            } else {
                auto* edit = new QLineEdit(table_);
                edit->setFrame(false);
                connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
                    if (edit->isModified()) {
                        edit->setModified(false);
                        commitTable(edit);
                    }
                });
                cell = edit;
            }
            cell->setToolTip(QString::fromStdString(field.help));
            cell->setMinimumWidth(24);
            table_->setCellWidget(r, static_cast<int>(c), cell);
        }
    }

    // Shows `row`'s fields (defaults where absent) in row r's editors.
    void showRow(int r, const nlohmann::json& row) {
        const nlohmann::json full = recordWithDefaults(spec(), row);
        for (std::size_t c = 0; c < spec().fields.size(); ++c) {
            const ParamSpec& field = spec().fields[c];
            const QString text = recordCellText(full.value(field.name, nlohmann::json()));
            QWidget* cell = table_->cellWidget(r, static_cast<int>(c));
            const QSignalBlocker blocker(cell);
            if (auto* combo = qobject_cast<QComboBox*>(cell)) {
                if (combo->isEditable()) {
                    combo->setEditText(text);
                    combo->lineEdit()->setModified(false);
                } else {
                    combo->setCurrentText(text);
                }
            } else if (auto* edit = qobject_cast<QLineEdit*>(cell)) {
                // The cell being typed in, or whose commit was just refused,
                // keeps its text, so a refused formula stays there to be
                // mended; it stays modified, so leaving the cell offers it
                // again.
                const bool refused = edit == committedFrom_ && shown_ != committed_;
                if (edit->hasFocus() || refused)
                    edit->setModified(edit->text() != text);
                else {
                    edit->setText(text);
                    edit->setCursorPosition(0);  // a long formula shows its start
                    edit->setModified(false);
                }
                // A narrow cell cuts a long formula: its tooltip holds it all.
                const QString help = QString::fromStdString(field.help);
                edit->setToolTip(text.isEmpty() ? help : text + QStringLiteral("\n\n") + help);
            }
        }
    }

    QString cellText(int r, int c) const {
        QWidget* cell = table_->cellWidget(r, c);
        if (auto* combo = qobject_cast<QComboBox*>(cell))
            return combo->currentText();
        if (auto* edit = qobject_cast<QLineEdit*>(cell))
            return edit->text();
        return QString();
    }

    // The rows as shown, as the parameter's JSON value.
    nlohmann::json tableValue() const {
        nlohmann::json rows = nlohmann::json::array();
        for (int r = 0; r < table_->rowCount(); ++r) {
            nlohmann::json row = nlohmann::json::object();
            for (std::size_t c = 0; c < spec().fields.size(); ++c) {
                const ParamSpec& field = spec().fields[c];
                const QString text = cellText(r, static_cast<int>(c));
                if (field.optional && text.trimmed().isEmpty() && field.defaultValue == "")
                    continue;  // an empty optional field stays out of the file
                row[field.name] = recordCellValue(field, text);
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }

    // Commits the rows as shown; `from`, the cell edited, keeps its text
    // should the document refuse the value (display() sees the old one come
    // back), so a half-right formula is there to mend.
    void commitTable(QLineEdit* from = nullptr) {
        committed_ = tableValue();
        committedFrom_ = from;
        commit(committed_);
        committedFrom_ = nullptr;
    }

    void addRow() {
        nlohmann::json rows = tableValue();
        const int selected = table_->currentRow();
        nlohmann::json fresh = nlohmann::json::object();
        // A first row names the input's first column where one is asked for.
        const QStringList columns = columns_ ? columns_() : QStringList();
        for (const ParamSpec& field : spec().fields)
            if (field.kind == ParamKind::Column && !columns.isEmpty())
                fresh[field.name] = columns.front().toStdString();
        if (!rows.empty())
            fresh = rows[selected >= 0 && selected < static_cast<int>(rows.size())
                             ? static_cast<std::size_t>(selected)
                             : rows.size() - 1];
        rows.push_back(fresh);
        commit(rows);
    }

    void removeRow() {
        nlohmann::json rows = tableValue();
        if (rows.empty())
            return;
        const int selected = table_->currentRow();
        rows.erase(rows.begin() + (selected >= 0 && selected < static_cast<int>(rows.size())
                                       ? selected
                                       : static_cast<int>(rows.size()) - 1));
        commit(rows);
    }

    // Tall enough for every row up to eight, so a short list needs no
    // scrolling and a long one does not push the form away.
    void fitHeight() {
        const int rows = std::min(std::max(table_->rowCount(), 1), 8);
        const int height = table_->horizontalHeader()->sizeHint().height() +
                           rows * table_->verticalHeader()->defaultSectionSize() +
                           2 * table_->frameWidth();
        table_->setFixedHeight(height);
    }

    std::function<QStringList()> columns_;
    QTableWidget* table_;
    nlohmann::json shown_;                // as last shown
    nlohmann::json committed_;            // as last handed to the document
    QLineEdit* committedFrom_ = nullptr;  // the cell that commit came from, during it
};

}  // namespace

ParamField* makeRecords(const ParamSpec& spec, std::function<QStringList()> columns,
                        QWidget* parent) {
    return new RecordsField(spec, std::move(columns), parent);
}

}  // namespace sluice::param_fields
