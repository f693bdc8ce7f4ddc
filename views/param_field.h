#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>

#include <nlohmann/json.hpp>

#include "nodes/param_spec.h"

class QLabel;
class QVBoxLayout;

namespace sluice {

// One parameter's editor in the inspector, generated from its ParamSpec:
// the editing widget with, under it, a red label for the reason the
// document refused the last value.
//
// Contract:
// - setValue() shows a value (the document's); it never reports a commit.
// - When the user finishes an edit (Enter, focus leaving, a pick from a list
//   or a click; never per keystroke) the field calls its commit handler once
//   with the new value as JSON, unless it equals the value last shown. The
//   handler is expected to ask the document and, if refused, call
//   showProblem() and setValue() with the document's value (a revert).
// - Text that cannot be a value of the kind (letters in a number, say) is
//   still handed on as a string, so the document's refusal explains it.
class ParamField : public QWidget {
    // For tr() in the per-kind fields; commits go to a handler, not a signal,
    // so no JSON type has to pass through Qt's meta-type system.
    Q_OBJECT

public:
    using CommitHandler = std::function<void(const nlohmann::json& value)>;

    struct Options {
        // Column names to offer for Column and Columns parameters; asked each
        // time a list opens, so it reflects the latest run.
        std::function<QStringList()> columns;
        // A Path parameter names a file the node writes (Save dialog).
        bool pathForSaving = false;
    };

    // The editor for `spec`'s kind (Int, Float, Bool, Choice, String, Path,
    // Column, Columns or Records).
    static ParamField* create(const ParamSpec& spec, const Options& options,
                              QWidget* parent = nullptr);

    const ParamSpec& spec() const { return spec_; }
    void setCommitHandler(CommitHandler handler) { handler_ = std::move(handler); }

    // Shows `value`, replacing whatever the user typed.
    void setValue(const nlohmann::json& value);
    // The value last shown with setValue().
    const nlohmann::json& value() const { return value_; }
    // Whether the user is typing in the field (focused, text changed since
    // the last commit): an outside refresh should leave it alone then.
    virtual bool isEditing() const { return false; }
    // Commits what the user typed but did not commit yet (called before the
    // form goes away, e.g. when another node is selected).
    virtual void finishEditing() {}
    // Re-reads the column list from Options::columns (Column fields).
    virtual void refreshColumns() {}

    void showProblem(const QString& reason);
    void clearProblem();
    // The reason shown under the field, empty when none.
    QString problem() const;
    // The widget the user edits (spin box, check box, combo box, line edit).
    QWidget* editor() const { return editor_; }

    // The narrowest an editor gets in a narrow inspector, in pixels.
    static constexpr int kMinEditorWidth = 72;

protected:
    ParamField(const ParamSpec& spec, QWidget* parent);

    // Places the editing row: `row` holds `editor` and any buttons.
    void setEditor(QWidget* editor, QWidget* row = nullptr);
    // Shows the value in the editor; called with the editor's signals blocked.
    virtual void display(const nlohmann::json& value) = 0;
    // Hands a finished edit to the commit handler, unless nothing changed.
    void commit(const nlohmann::json& value);

private:
    ParamSpec spec_;
    nlohmann::json value_;
    CommitHandler handler_;
    QWidget* editor_ = nullptr;
    QVBoxLayout* layout_;
    QLabel* problem_;
};

// Per-kind makers (param_fields_*.cpp), used by ParamField::create.
namespace param_fields {
ParamField* makeNumber(const ParamSpec& spec, QWidget* parent);
ParamField* makeBool(const ParamSpec& spec, QWidget* parent);
ParamField* makeChoice(const ParamSpec& spec, QWidget* parent);
ParamField* makeText(const ParamSpec& spec, QWidget* parent);
ParamField* makePath(const ParamSpec& spec, bool forSaving, QWidget* parent);
ParamField* makeColumn(const ParamSpec& spec, std::function<QStringList()> columns,
                       QWidget* parent);
ParamField* makeColumns(const ParamSpec& spec, std::function<QStringList()> columns,
                        QWidget* parent);
ParamField* makeRecords(const ParamSpec& spec, std::function<QStringList()> columns,
                        QWidget* parent);
}  // namespace param_fields

}  // namespace sluice
