#pragma once

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;

namespace sluice {

class GraphDocument;
class NodeType;
class ParamField;
struct ParamSpec;

// The inspector dock: the title and parameters of one node of a
// GraphDocument, as a form generated from its type's ParamSpecs.
//
// Contract:
// - setNode(id) shows that node; an empty or unknown id shows a "Select a
//   node" hint. A node that is removed (or gone after graphReset) clears it.
// - Editors per kind: Int/Float a spin box when the range has both ends,
//   else a line edit; Bool a check box; Choice a combo box; String a line
//   edit; Path a line edit with a browse button; Column an editable combo
//   box listing the columnProvider's names; Columns comma-separated names
//   with a menu of the provider's names. Help texts are tooltips; optional
//   parameters accept an empty value. Parameters marked advanced are folded
//   under an "Advanced (n)" toggle, closed until opened (then open for every
//   node until closed). The form fits the panel's width: no sideways
//   scrolling; narrower than kSideBySideWidth, labels go above their fields.
// - Every committed edit (Enter, focus leaving, a pick; never a keystroke)
//   is one call of document->setParam (the title: renameNode), and only if
//   the value differs. A refused value shows the document's reason in red
//   under the field and the field shows the document's value again.
// - On nodeChanged for the shown node (undo, redo, an edit elsewhere) the
//   editors are updated in place, not rebuilt, so focus stays where it is;
//   a field the user is typing in is left alone.
// - A node whose type the registry does not know (a placeholder) shows its
//   raw parameters read-only.
// - The inspector never edits the Graph itself; the document outlives it.
class Inspector : public QWidget {
    Q_OBJECT

public:
    // Column names offered for parameter `param` of node `node`.
    using ColumnProvider =
        std::function<QStringList(const std::string& node, const std::string& param)>;

    // Narrower than this, each label goes above its field.
    static constexpr int kSideBySideWidth = 340;

    explicit Inspector(GraphDocument* document, QWidget* parent = nullptr);
    ~Inspector() override;

    void setNode(const QString& id);
    QString node() const { return node_; }
    void setColumnProvider(ColumnProvider provider);
    // Re-reads the column lists (call when a run brought new results).
    void refreshColumns();

    // The field editing parameter `name` of the shown node, or nullptr.
    ParamField* field(const QString& name) const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitFormsToWidth();
    void rebuild();
    void refresh();
    void clearForm();
    void buildParams(const NodeType& type);
    void buildPlaceholder();
    // The shown node's parameters, defaults filled in.
    nlohmann::json shownParams() const;
    static nlohmann::json valueOf(const nlohmann::json& params, const ParamSpec& spec);
    void commitParam(ParamField* field, const nlohmann::json& value);
    void commitTitle();

    QPointer<GraphDocument> document_;
    ColumnProvider columnProvider_;
    QString node_;
    std::string shownType_;
    bool showAdvanced_ = false;
    std::vector<QPointer<QFormLayout>> forms_;  // of the form shown

    QStackedWidget* pages_;
    QLabel* hint_;
    QLineEdit* title_;
    QLabel* typeLabel_;
    QScrollArea* scroll_;
    QPlainTextEdit* rawParams_ = nullptr;
    std::vector<ParamField*> fields_;
};

}  // namespace sluice
