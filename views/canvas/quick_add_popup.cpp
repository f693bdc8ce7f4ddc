#include "views/canvas/quick_add_popup.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QVBoxLayout>

#include <algorithm>

#include "nodes/node_registry.h"
#include "views/canvas/category_glyph.h"
#include "views/canvas/node_item.h"
#include "views/graph_document.h"
#include "views/node_category_style.h"

namespace sluice {

namespace {

constexpr int kTypeIdRole = Qt::UserRole;

// The port `endpoint` names, as an output (or input) of its node's type.
const PortSpec* portOf(const GraphDocument& document, const Endpoint& endpoint, bool output) {
    const GraphNode* node = document.graph().node(endpoint.node);
    const NodeType* type = node ? document.registry().find(node->type) : nullptr;
    if (!type) {
        return nullptr;
    }
    return output ? type->output(endpoint.port) : type->input(endpoint.port);
}

}  // namespace

QuickAddPopup::QuickAddPopup(GraphDocument* document, QWidget* parent)
    : QFrame(parent, Qt::Popup | Qt::FramelessWindowHint),
      document_(document),
      search_(new QLineEdit(this)),
      list_(new QListWidget(this)) {
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    search_->setPlaceholderText(tr("Add a node…"));
    search_->setClearButtonEnabled(true);
    search_->installEventFilter(this);
    list_->setUniformItemSizes(true);    // fast layout for the whole catalog
    list_->setFocusPolicy(Qt::NoFocus);  // typing stays in the search field
    layout->addWidget(search_);
    layout->addWidget(list_);
    resize(300, 340);

    connect(search_, &QLineEdit::textChanged, this, &QuickAddPopup::refill);
    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        list_->setCurrentItem(item);
        acceptCurrent();
    });
}

void QuickAddPopup::popup(QPoint globalPos, QPointF scenePos, const Endpoint& pendingFrom,
                          const Endpoint& pendingTo) {
    scenePos_ = scenePos;
    pendingFrom_ = pendingFrom;
    pendingTo_ = pendingTo;
    pendingType_.reset();
    if (!pendingFrom_.node.empty()) {
        if (const PortSpec* port = portOf(*document_, pendingFrom_, true)) {
            pendingType_ = port->type;
        }
    } else if (!pendingTo_.node.empty()) {
        if (const PortSpec* port = portOf(*document_, pendingTo_, false)) {
            pendingType_ = port->type;
        }
    }
    search_->blockSignals(true);
    search_->clear();
    search_->blockSignals(false);
    refill();
    // Near a screen edge, open where the whole list fits.
    QPoint topLeft = globalPos;
    if (const QScreen* screen = QGuiApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        topLeft.setX(
            std::clamp(topLeft.x(), area.left(), std::max(area.left(), area.right() - width())));
        topLeft.setY(
            std::clamp(topLeft.y(), area.top(), std::max(area.top(), area.bottom() - height())));
    }
    move(topLeft);
    show();
    search_->setFocus();
}

void QuickAddPopup::setQuery(const QString& query) {
    search_->setText(query);  // refills through textChanged
}

QString QuickAddPopup::query() const {
    return search_->text();
}

QStringList QuickAddPopup::listedTypeIds() const {
    QStringList ids;
    for (int i = 0; i < list_->count(); ++i) {
        const QVariant id = list_->item(i)->data(kTypeIdRole);
        if (id.isValid()) {
            ids << id.toString();
        }
    }
    return ids;
}

bool QuickAddPopup::fitsPending(const NodeType& type) const {
    if (!pendingType_) {
        return true;
    }
    // A dropped output needs an input of its type, a dropped input an output.
    const auto& ports = pendingFrom_.node.empty() ? type.info().outputs : type.info().inputs;
    return std::any_of(ports.begin(), ports.end(),
                       [&](const PortSpec& p) { return p.type == *pendingType_; });
}

void QuickAddPopup::refill() {
    list_->clear();
    for (const NodeType* type : document_->registry().search(search_->text().toStdString())) {
        if (!fitsPending(*type)) {
            continue;
        }
        const NodeInfo& info = type->info();
        auto* item =
            new QListWidgetItem(categoryGlyphIcon(info.category, categoryColor(info.category)),
                                QString::fromStdString(info.displayName), list_);
        item->setData(kTypeIdRole, QString::fromStdString(info.id));
        item->setToolTip(QString::fromStdString(info.description));
    }
    if (list_->count() == 0) {
        auto* none = new QListWidgetItem(tr("No matching node types"), list_);
        none->setFlags(Qt::NoItemFlags);
    } else {
        list_->setCurrentRow(0);
    }
}

QPointF QuickAddPopup::placementFor(QPointF scenePos, bool pendingIsInput, bool hasPending) {
    if (!hasPending) {
        return scenePos;
    }
    const qreal firstRow = NodeItem::kHeaderHeight + NodeItem::kRowHeight / 2;
    return QPointF(pendingIsInput ? scenePos.x() - NodeItem::kWidth : scenePos.x(),
                   scenePos.y() - firstRow);
}

QString QuickAddPopup::acceptCurrent() {
    const QListWidgetItem* item = list_->currentItem();
    const QVariant typeId = item ? item->data(kTypeIdRole) : QVariant();
    if (!typeId.isValid()) {
        return {};
    }
    const bool pending = pendingType_.has_value();
    const QPointF position = placementFor(scenePos_, !pendingTo_.node.empty(), pending);
    // Adding and connecting is one step for the user, so one undo step.
    document_->beginEditGroup(tr("Add %1").arg(item->text()));
    const std::string id = document_->addNode(typeId.toString().toStdString(), position);
    if (!id.empty() && pending) {
        connectPending(id);
    }
    document_->endEditGroup();
    hide();
    if (id.empty()) {
        return {};
    }
    const QString qid = QString::fromStdString(id);
    emit nodePlaced(qid);
    return qid;
}

void QuickAddPopup::connectPending(const std::string& newNode) {
    const GraphNode* node = document_->graph().node(newNode);
    const NodeType* type = node ? document_->registry().find(node->type) : nullptr;
    if (!type) {
        return;
    }
    const bool toInput = !pendingFrom_.node.empty();  // the new node's input takes it
    for (const PortSpec& port : toInput ? type->info().inputs : type->info().outputs) {
        if (port.type != *pendingType_) {
            continue;
        }
        const Endpoint mine{newNode, port.name};
        const Endpoint& from = toInput ? pendingFrom_ : mine;
        const Endpoint& to = toInput ? mine : pendingTo_;
        if (!document_->whyNotConnect(from, to)) {
            document_->connectPorts(from, to);
            return;
        }
    }
}

bool QuickAddPopup::eventFilter(QObject* watched, QEvent* event) {
    if (watched == search_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
            case Qt::Key_Return:
            case Qt::Key_Enter:
                acceptCurrent();
                return true;
            case Qt::Key_Escape:
                hide();
                return true;
            case Qt::Key_Up:
            case Qt::Key_Down:
            case Qt::Key_PageUp:
            case Qt::Key_PageDown: {
                // Arrows move through the list while the text keeps focus.
                QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
                QCoreApplication::sendEvent(list_, &copy);
                return true;
            }
            default:
                break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

}  // namespace sluice
