#include "views/inspector.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "views/graph_document.h"
#include "views/param_field.h"
#include "views/qt_text.h"

namespace sluice {
namespace {

QLabel* smallLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

}  // namespace

Inspector::Inspector(GraphDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
    setObjectName(QStringLiteral("inspector"));
    pages_ = new QStackedWidget(this);

    hint_ = new QLabel(tr("Select a node to see and edit its settings."), pages_);
    hint_->setObjectName(QStringLiteral("inspectorHint"));
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setWordWrap(true);
    hint_->setForegroundRole(QPalette::PlaceholderText);
    pages_->addWidget(hint_);

    auto* page = new QWidget(pages_);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    title_ = new QLineEdit(page);
    title_->setObjectName(QStringLiteral("inspectorTitle"));
    title_->setPlaceholderText(tr("Title"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    layout->addWidget(title_);
    typeLabel_ = smallLabel(page);
    typeLabel_->setObjectName(QStringLiteral("inspectorType"));
    layout->addWidget(typeLabel_);
    scroll_ = new QScrollArea(page);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    // The form fits the panel's width (fields squeeze, rows wrap, messages
    // wrap): it never scrolls sideways (issue 25, item 2).
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll_, 1);
    pages_->addWidget(page);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(pages_);

    connect(title_, &QLineEdit::editingFinished, this, &Inspector::commitTitle);
    if (document_) {
        connect(document_, &GraphDocument::nodeChanged, this, [this](const QString& id) {
            if (id == node_)
                refresh();
        });
        connect(document_, &GraphDocument::nodeRemoved, this, [this](const QString& id) {
            if (id == node_)
                setNode({});
        });
        // After new/open the id may name another node, or none.
        connect(document_, &GraphDocument::graphReset, this, &Inspector::rebuild);
    }
    rebuild();
}

Inspector::~Inspector() {
    // ~QWidget closes the window, which takes focus from an editor and makes
    // it commit: by then this object is half destroyed, so cut those paths.
    title_->disconnect(this);
    for (ParamField* field : fields_)
        field->setCommitHandler({});
    if (document_)
        document_->disconnect(this);
}

void Inspector::setNode(const QString& id) {
    if (id == node_ && !shownType_.empty())
        return;  // already shown: keep focus and typing
    // Whatever the user typed for the previous node is theirs to keep.
    if (title_->isModified())
        commitTitle();
    for (ParamField* field : fields_)
        field->finishEditing();
    node_ = id;
    rebuild();
}

void Inspector::setColumnProvider(ColumnProvider provider) {
    columnProvider_ = std::move(provider);
    refreshColumns();
}

void Inspector::refreshColumns() {
    for (ParamField* field : fields_)
        field->refreshColumns();
}

ParamField* Inspector::field(const QString& name) const {
    for (ParamField* f : fields_)
        if (qstr(f->spec().name) == name)
            return f;
    return nullptr;
}

void Inspector::clearForm() {
    // The old editors live until deleteLater; one losing focus meanwhile must
    // not commit its value to the node shown next.
    for (ParamField* field : fields_)
        field->setCommitHandler({});
    fields_.clear();
    rawParams_ = nullptr;
    // deleteLater: this may run inside a signal of one of the old editors.
    if (QWidget* old = scroll_->takeWidget())
        old->deleteLater();
    shownType_.clear();
    forms_.clear();
}

void Inspector::rebuild() {
    clearForm();
    const GraphNode* node =
        document_ && !node_.isEmpty() ? document_->graph().node(node_.toStdString()) : nullptr;
    if (!node) {
        node_.clear();
        title_->clear();
        pages_->setCurrentWidget(hint_);
        return;
    }
    shownType_ = node->type;
    if (const NodeType* type = document_->registry().find(node->type))
        buildParams(*type);
    else
        buildPlaceholder();
    refresh();
    pages_->setCurrentIndex(1);
}

void Inspector::buildParams(const NodeType& type) {
    const NodeInfo& info = type.info();
    typeLabel_->setText(qstr(info.displayName));
    typeLabel_->setToolTip(qstr(info.description));

    auto* host = new QWidget;
    auto* column = new QVBoxLayout(host);
    forms_.clear();
    const auto newForm = [this](QWidget* parent) {
        auto* form = new QFormLayout(parent);
        form->setContentsMargins(0, 0, 0, 0);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        forms_.push_back(form);
        return form;
    };
    QFormLayout* form = newForm(nullptr);
    column->addLayout(form);
    // Settings most people leave alone, folded under a toggle.
    QWidget* advancedBox = nullptr;
    QFormLayout* advanced = nullptr;
    ParamField::Options options;
    // Nodes with inputs write the files they name; sources read theirs.
    options.pathForSaving = !info.inputs.empty();
    for (const ParamSpec& spec : info.params) {
        const std::string name = spec.name;
        options.columns = [this, name] {
            return columnProvider_ ? columnProvider_(node_.toStdString(), name) : QStringList();
        };
        if (spec.advanced && !advanced) {
            advancedBox = new QWidget(host);
            advancedBox->setObjectName(QStringLiteral("advancedParams"));
            advanced = newForm(advancedBox);
        }
        QWidget* parent = spec.advanced ? advancedBox : host;
        ParamField* field = ParamField::create(spec, options, parent);
        field->setCommitHandler(
            [this, field](const nlohmann::json& value) { commitParam(field, value); });
        auto* label = new QLabel(qstr(spec.label), parent);
        label->setToolTip(qstr(spec.help));
        label->setBuddy(field->editor());
        (spec.advanced ? advanced : form)->addRow(label, field);
        fields_.push_back(field);
    }
    if (advancedBox) {
        auto* toggle = new QToolButton(host);
        toggle->setObjectName(QStringLiteral("advancedToggle"));
        toggle->setText(tr("Advanced (%1)").arg(advanced->rowCount()));
        toggle->setCheckable(true);
        toggle->setChecked(showAdvanced_);
        toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        toggle->setAutoRaise(true);
        const auto fold = [toggle, advancedBox](bool open) {
            toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
            advancedBox->setVisible(open);
        };
        fold(showAdvanced_);
        connect(toggle, &QToolButton::toggled, this, [this, fold](bool open) {
            showAdvanced_ = open;  // kept for the next node shown
            fold(open);
        });
        column->addWidget(toggle);
        column->addWidget(advancedBox);
    }
    if (info.params.empty()) {
        QLabel* none = smallLabel(host);
        none->setText(tr("This node has no parameters."));
        form->addRow(none);
    }
    column->addStretch(1);
    fitFormsToWidth();
    scroll_->setWidget(host);
}

void Inspector::fitFormsToWidth() {
    // Side by side, labels take the width of the longest one and squeeze the
    // fields; in a narrow panel each label goes above its field instead.
    const auto policy =
        width() < kSideBySideWidth ? QFormLayout::WrapAllRows : QFormLayout::WrapLongRows;
    for (QFormLayout* form : forms_)
        if (form && form->rowWrapPolicy() != policy)
            form->setRowWrapPolicy(policy);
}

void Inspector::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitFormsToWidth();
}

void Inspector::buildPlaceholder() {
    typeLabel_->setText(tr("Unknown node type \u201c%1\u201d").arg(qstr(shownType_)));
    typeLabel_->setToolTip({});
    auto* host = new QWidget;
    auto* layout = new QVBoxLayout(host);
    layout->setContentsMargins(0, 0, 0, 0);
    QLabel* note = smallLabel(host);
    note->setText(
        tr("This version of Sluice does not know this node type, so it cannot run. Its "
           "parameters are kept as they are and saved back unchanged."));
    layout->addWidget(note);
    rawParams_ = new QPlainTextEdit(host);
    rawParams_->setObjectName(QStringLiteral("rawParams"));
    rawParams_->setReadOnly(true);
    layout->addWidget(rawParams_, 1);
    scroll_->setWidget(host);
}

void Inspector::refresh() {
    const GraphNode* node =
        document_ && !node_.isEmpty() ? document_->graph().node(node_.toStdString()) : nullptr;
    if (!node || node->type != shownType_) {
        rebuild();
        return;
    }
    if (!(title_->hasFocus() && title_->isModified())) {
        title_->setText(qstr(node->title));
        title_->setCursorPosition(0);  // a long title shows its start
        title_->setModified(false);
    }
    if (rawParams_) {
        rawParams_->setPlainText(qstr(node->params.dump(2)));
        return;
    }
    const nlohmann::json params = shownParams();
    for (ParamField* field : fields_)
        if (!field->isEditing())
            field->setValue(valueOf(params, field->spec()));
}

nlohmann::json Inspector::shownParams() const {
    const GraphNode* node =
        document_ && !node_.isEmpty() ? document_->graph().node(node_.toStdString()) : nullptr;
    if (!node)
        return nlohmann::json::object();
    const NodeType* type = document_->registry().find(node->type);
    return type ? type->withDefaults(node->params) : node->params;
}

nlohmann::json Inspector::valueOf(const nlohmann::json& params, const ParamSpec& spec) {
    const auto it = params.find(spec.name);
    return it == params.end() ? spec.defaultValue : *it;
}

void Inspector::commitParam(ParamField* field, const nlohmann::json& value) {
    if (!document_ || node_.isEmpty())
        return;
    const std::string id = node_.toStdString();
    const auto refused = document_->setParam(id, field->spec().name, value);
    if (!refused) {
        field->clearProblem();
        return;
    }
    field->showProblem(qstr(*refused));
    // Back to the value the document kept.
    field->setValue(valueOf(shownParams(), field->spec()));
}

void Inspector::commitTitle() {
    title_->setModified(false);
    if (!document_ || node_.isEmpty())
        return;
    const std::string id = node_.toStdString();
    const GraphNode* node = document_->graph().node(id);
    const std::string title = title_->text().trimmed().toStdString();
    if (node && node->title != title)
        document_->renameNode(id, title);
}

}  // namespace sluice
