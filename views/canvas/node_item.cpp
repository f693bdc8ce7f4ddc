#include "views/canvas/node_item.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <limits>

#include "views/canvas/canvas_style.h"
#include "views/canvas/category_glyph.h"
#include "views/canvas/edge_item.h"
#include "views/canvas/graph_scene.h"
#include "views/node_category_style.h"

namespace sluice {

namespace {

constexpr qreal kPad = 10.0;            // inner horizontal padding
constexpr qreal kGlyphSize = 14.0;      // category glyph in the header
constexpr qreal kStripeHeight = 3.0;    // category colour along the top edge
constexpr qreal kBadgeHeight = 18.0;    // the status pill, centred on the top edge
constexpr qreal kBadgePad = 7.0;        // horizontal padding inside the pill
constexpr qreal kBadgeInset = 10.0;     // pill distance from the right edge
constexpr qreal kFooter = 10.0;         // space under the last port row (progress bar)
constexpr qreal kSelectionGap = 2.5;    // selection ring distance outside the card
constexpr qreal kSparkMinWidth = 44.0;  // narrower than this, a sparkline says nothing
constexpr qreal kSparkGap = 8.0;        // distance from port labels
constexpr qreal kLabelGap = 12.0;       // least space between an input and an output label
// Below these zoom levels text is unreadable; skipping it keeps a zoomed-out
// 500-node canvas cheap to draw and less noisy.
constexpr qreal kMinLodForLabels = 0.45;
constexpr qreal kMinLodForTitle = 0.3;

QString fromStd(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// The header (rounded on top only) and the category stripe of a card of
// `width`.
QPainterPath headerPathFor(qreal width) {
    QPainterPath card;
    card.addRoundedRect(QRectF(0, 0, width, 2 * NodeItem::kHeaderHeight), NodeItem::kCornerRadius,
                        NodeItem::kCornerRadius);
    QPainterPath top;
    top.addRect(QRectF(0, 0, width, NodeItem::kHeaderHeight));
    return card.intersected(top);
}

QPainterPath stripePathFor(qreal width) {
    QPainterPath top;
    top.addRect(QRectF(0, 0, width, kStripeHeight));
    return headerPathFor(width).intersected(top);
}

}  // namespace

NodeItem::NodeItem(const GraphNode& node, const NodeType* type, const CanvasStyle* style)
    : style_(style), id_(node.id), known_(type != nullptr) {
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    // Text and antialiased curves are what make a card expensive; the cache
    // turns panning into pixmap blits. Device coordinates keep it crisp at
    // every zoom and pixel ratio (it is re-rendered when the zoom changes).
    setCacheMode(DeviceCoordinateCache);
    setPos(node.x, node.y);

    int rows = 1;
    if (type) {
        const NodeInfo& info = type->info();
        typeName_ = QString::fromStdString(info.displayName);
        category_ = info.category;
        rows = std::max(
            {rows, static_cast<int>(info.inputs.size()), static_cast<int>(info.outputs.size())});
        ports_.reserve(info.inputs.size() + info.outputs.size());
        auto addPorts = [this](const std::vector<PortSpec>& specs, PortDirection direction) {
            const qreal x = direction == PortDirection::Input ? 0.0 : width_;
            for (std::size_t i = 0; i < specs.size(); ++i) {
                const qreal y = kHeaderHeight + kRowHeight * (static_cast<qreal>(i) + 0.5);
                ports_.push_back(new PortItem(this, specs[i], direction, QPointF(x, y)));
            }
        };
        addPorts(info.inputs, PortDirection::Input);
        addPorts(info.outputs, PortDirection::Output);
    } else {
        typeName_ = QObject::tr("Unknown type %1").arg(QString::fromStdString(node.type));
        category_ = NodeCategory::Output;  // drawn in the catalog's neutral grey
    }
    height_ = kHeaderHeight + rows * kRowHeight + kFooter;
    title_ = QString::fromStdString(node.title.empty() ? node.id : node.title);
    layoutText();
    updateToolTip();
}

void NodeItem::setTitle(const QString& title) {
    if (title == title_) {
        return;
    }
    title_ = title;
    layoutText();
    updateToolTip();
    update();
}

void NodeItem::setWidth(qreal width) {
    if (width == width_ && !headerPath_.isEmpty())
        return;
    prepareGeometryChange();
    width_ = width;
    headerPath_ = headerPathFor(width);
    stripePath_ = stripePathFor(width);
    for (PortItem* p : ports_)
        if (!p->isInput())
            p->setPos(width_, p->pos().y());
    for (EdgeItem* e : edges_)
        e->updatePath();
}

void NodeItem::setPositionFromModel(QPointF position) {
    settingFromModel_ = true;
    setPos(position);
    settingFromModel_ = false;
}

void NodeItem::setBadge(const NodeBadge& badge) {
    if (badge == badge_) {
        return;
    }
    badge_ = badge;
    updateBadgeText();
    updateToolTip();
    update();
}

void NodeItem::setSparkline(const QVector<double>& values, const QString& label) {
    QVector<double> shown;
    const qsizetype n = values.size();
    if (n <= kSparklinePoints) {
        shown = values;
    } else {
        // Evenly spaced samples that keep the first and the latest value.
        shown.reserve(kSparklinePoints);
        for (int i = 0; i < kSparklinePoints; ++i) {
            shown.push_back(values[static_cast<qsizetype>(std::llround(
                static_cast<double>(i) * static_cast<double>(n - 1) / (kSparklinePoints - 1)))]);
        }
    }
    if (shown == sparkline_ && label == sparklineLabel_) {
        return;
    }
    sparkline_ = std::move(shown);
    sparklineLabel_ = label;
    updateToolTip();
    update();
}

PortItem* NodeItem::port(std::string_view name, PortDirection direction) const {
    for (PortItem* p : ports_) {
        if (p->direction() == direction && p->name() == name) {
            return p;
        }
    }
    return nullptr;
}

void NodeItem::attachEdge(EdgeItem* edge) {
    edges_.push_back(edge);
    inputsChanged();
}

void NodeItem::detachEdge(EdgeItem* edge) {
    edges_.erase(std::remove(edges_.begin(), edges_.end(), edge), edges_.end());
    inputsChanged();
}

void NodeItem::inputsChanged() {
    // The red marks of required inputs and the card's list of them.
    for (PortItem* p : ports_)
        if (p->isInput())
            p->update();
    update();
    updateToolTip();
}

QStringList NodeItem::missingInputs() const {
    QStringList labels;
    for (const PortItem* p : ports_)
        if (p->isMissingInput())
            labels << p->label();
    return labels;
}

void NodeItem::refreshStyle() {
    updateBadgeText();
    layoutText();
    update();
    for (PortItem* p : ports_) {
        p->update();
    }
}

void NodeItem::updateBadgeText() {
    using S = NodeBadge::State;
    switch (badge_.state) {
        case S::Idle:
            badgeText_.clear();
            break;
        case S::Stale:
            badgeText_ = QObject::tr("stale");
            break;
        case S::Queued:
            badgeText_ = QObject::tr("queued");
            break;
        case S::Running:
            badgeText_ = badge_.progress > 0 ? QStringLiteral("%1 %").arg(qRound(
                                                   std::clamp(badge_.progress, 0.0, 1.0) * 100))
                                             : QObject::tr("running");
            break;
        case S::Done:
            badgeText_ = badge_.cached ? QObject::tr("cached") : formatDuration(badge_.seconds);
            break;
        case S::Failed:
            badgeText_ = QObject::tr("failed");
            break;
        case S::Skipped:
            badgeText_ = QObject::tr("skipped");
            break;
        case S::Cancelled:
            badgeText_ = QObject::tr("cancelled");
            break;
    }
    badgeWidth_ =
        badgeText_.isEmpty()
            ? 0.0
            : std::ceil(style_->badgeMetrics.horizontalAdvance(badgeText_)) + 2 * kBadgePad;
}

void NodeItem::layoutText() {
    // The card grows to show its title and port labels whole, up to
    // kMaxWidth (issue 25, item 5: "Random forest cla…"); beyond that the
    // text is elided, once here rather than on every paint.
    const qreal titleLeft = kPad + kGlyphSize + 8;
    qreal widestLabel = 0;  // labels get half the card each side
    for (const PortItem* p : ports_)
        widestLabel = std::max(widestLabel, style_->labelMetrics.horizontalAdvance(p->label()));
    const qreal wanted = std::max(titleLeft + style_->titleMetrics.horizontalAdvance(title_) + kPad,
                                  2 * (kPad + 4 + widestLabel) + kLabelGap);
    setWidth(std::clamp(std::ceil(wanted / kWidthStep) * kWidthStep, kWidth, kMaxWidth));
    const qreal titleWidth = width_ - titleLeft - kPad;
    elidedTitle_ = style_->titleMetrics.elidedText(title_, Qt::ElideRight, titleWidth);
    const qreal labelWidth = width_ / 2 - kPad - 4;
    elidedLabels_.clear();
    elidedLabels_.reserve(ports_.size());
    for (const PortItem* p : ports_) {
        elidedLabels_.push_back(
            style_->labelMetrics.elidedText(p->label(), Qt::ElideRight, labelWidth));
    }
    placeSparkline();
}

void NodeItem::placeSparkline() {
    // The widest stretch of a port row that no label covers; a training
    // node's second row (one input, two outputs) leaves most of its width.
    const int rows =
        static_cast<int>(std::lround((height_ - kHeaderHeight - kFooter) / kRowHeight));
    std::vector<qreal> left(static_cast<std::size_t>(std::max(rows, 1)), kPad + 2);
    std::vector<qreal> right(left.size(), width_ - kPad - 2);
    int inputs = 0, outputs = 0;
    for (std::size_t i = 0; i < ports_.size(); ++i) {
        const PortItem* p = ports_[i];
        const qreal width = style_->labelMetrics.horizontalAdvance(elidedLabels_[i]);
        if (p->isInput()) {
            const auto row = static_cast<std::size_t>(inputs++);
            if (row < left.size())
                left[row] = kPad + 2 + width + kSparkGap;
        } else {
            const auto row = static_cast<std::size_t>(outputs++);
            if (row < right.size())
                right[row] = width_ - kPad - 2 - width - kSparkGap;
        }
    }
    std::size_t best = 0;
    for (std::size_t r = 1; r < left.size(); ++r) {
        if (right[r] - left[r] >= right[best] - left[best]) {
            best = r;  // ties go to the lower row, away from the title
        }
    }
    if (right[best] - left[best] >= kSparkMinWidth) {
        const qreal top = kHeaderHeight + kRowHeight * static_cast<qreal>(best);
        sparklineRect_ = QRectF(left[best], top + 4, right[best] - left[best], kRowHeight - 8);
    } else {
        // No room between the labels: a thin strip over the footer.
        sparklineRect_ = QRectF(kPad, height_ - kFooter - 2, width_ - 2 * kPad, kFooter - 4);
    }
}

void NodeItem::updateToolTip() {
    QString tip =
        QStringLiteral("<b>%1</b><br>%2").arg(title_.toHtmlEscaped(), typeName_.toHtmlEscaped());
    if (known_) {
        tip += QStringLiteral(" &middot; ") + fromStd(categoryName(category_));
    }
    using S = NodeBadge::State;
    QString status;
    switch (badge_.state) {
        case S::Idle:
            break;
        case S::Stale:
            status = QObject::tr("Stale: parameters or inputs changed since the last run");
            break;
        case S::Queued:
            status = QObject::tr("Queued");
            break;
        case S::Running:
            status = QObject::tr("Running") +
                     (badge_.text.isEmpty() ? QString() : QStringLiteral(": ") + badge_.text);
            break;
        case S::Done:
            status = badge_.cached ? QObject::tr("Done (cached result)")
                                   : QObject::tr("Done in %1").arg(formatDuration(badge_.seconds));
            break;
        case S::Failed:
            status = QObject::tr("Failed: %1").arg(badge_.message);
            break;
        case S::Skipped:
            status = QObject::tr("Skipped: %1").arg(badge_.message);
            break;
        case S::Cancelled:
            status = QObject::tr("Cancelled");
            break;
    }
    if (!status.isEmpty()) {
        tip += QStringLiteral("<br>") + status.toHtmlEscaped();
    }
    if (const QStringList missing = missingInputs(); !missing.isEmpty()) {
        tip += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                   .arg(style_->colors.failed.name(), QObject::tr("Not connected yet: %1")
                                                          .arg(missing.join(QStringLiteral(", ")))
                                                          .toHtmlEscaped());
    }
    if (!sparkline_.isEmpty()) {
        const QString name = sparklineLabel_.isEmpty() ? QObject::tr("metric") : sparklineLabel_;
        tip += QStringLiteral("<br>") + QObject::tr("Latest %1: %2")
                                            .arg(name.toHtmlEscaped())
                                            .arg(sparkline_.back(), 0, 'g', 4);
    }
    setToolTip(tip);
}

QString NodeItem::formatDuration(double seconds) {
    if (seconds < 0.05) {
        return QObject::tr("< 0.1 s");
    }
    if (seconds < 10) {
        return QObject::tr("%1 s").arg(seconds, 0, 'f', 1);
    }
    if (seconds < 60) {
        return QObject::tr("%1 s").arg(qRound(seconds));
    }
    const int total = qRound(seconds);
    return QObject::tr("%1 min %2 s").arg(total / 60).arg(total % 60);
}

QRectF NodeItem::boundingRect() const {
    // The card plus what hangs outside it: the pill above the top edge, the
    // selection ring and the drop shadow. Ports are children with their own.
    const qreal m = kSelectionGap + 2;
    return QRectF(-m, -kBadgeHeight / 2 - 1, width_ + 2 * m,
                  height_ + kBadgeHeight / 2 + 1 + m + 2);
}

QPainterPath NodeItem::shape() const {
    QPainterPath path;
    path.addRoundedRect(cardRect(), kCornerRadius, kCornerRadius);
    return path;
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing);
    paintCard(painter, lod >= kMinLodForLabels);

    const CanvasColors& c = style_->colors;
    if (lod >= kMinLodForTitle) {
        drawCategoryGlyph(
            painter, category_,
            QRectF(kPad, (kHeaderHeight - kGlyphSize) / 2 + 1, kGlyphSize, kGlyphSize),
            categoryColor(category_));
        const bool dimmed = badge_.state == NodeBadge::State::Skipped ||
                            badge_.state == NodeBadge::State::Cancelled;
        painter->setFont(style_->titleFont);
        painter->setPen(dimmed ? c.mutedText : c.text);
        const qreal titleLeft = kPad + kGlyphSize + 8;
        painter->drawText(QRectF(titleLeft, kStripeHeight, width_ - titleLeft - kPad,
                                 kHeaderHeight - kStripeHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, elidedTitle_);
        paintSparkline(painter);
    }
    paintBadge(painter);
}

void NodeItem::paintSparkline(QPainter* painter) const {
    // Finite values only: a diverged loss must not blow the scale.
    QVector<QPointF> points;
    points.reserve(sparkline_.size());
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (qsizetype i = 0; i < sparkline_.size(); ++i) {
        const double v = sparkline_[i];
        if (std::isfinite(v)) {
            points.push_back(QPointF(static_cast<qreal>(i), v));
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    if (points.isEmpty()) {
        return;
    }
    const QRectF r = sparklineRect_;
    const qreal last = std::max<qreal>(1.0, static_cast<qreal>(sparkline_.size() - 1));
    for (QPointF& p : points) {
        const qreal x = r.left() + r.width() * p.x() / last;
        const qreal y =
            hi > lo ? r.bottom() - r.height() * (p.y() - lo) / (hi - lo) : r.center().y();
        p = QPointF(x, y);
    }
    const QColor accent = categoryColor(category_);
    QPainterPath line;
    line.moveTo(points.front());
    for (qsizetype i = 1; i < points.size(); ++i) {
        line.lineTo(points[i]);
    }
    // A faint area under the curve, then the curve and a dot on the latest value.
    QPainterPath area = line;
    area.lineTo(points.back().x(), r.bottom());
    area.lineTo(points.front().x(), r.bottom());
    area.closeSubpath();
    QColor fill = accent;
    fill.setAlphaF(0.14f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawPath(area);
    QColor stroke = accent;
    stroke.setAlphaF(0.85f);
    painter->setPen(QPen(stroke, 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(line);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawEllipse(points.back(), 1.8, 1.8);
}

void NodeItem::paintCard(QPainter* painter, bool detailed) const {
    const CanvasColors& c = style_->colors;
    const QRectF card = cardRect();
    const QColor accent = categoryColor(category_);

    // A two-layer soft shadow: enough to lift the card off a light canvas.
    painter->setPen(Qt::NoPen);
    QColor shadow = c.shadow;
    painter->setBrush(shadow);
    painter->drawRoundedRect(card.translated(0, 2), kCornerRadius, kCornerRadius);
    shadow.setAlphaF(shadow.alphaF() * 0.5f);
    painter->setBrush(shadow);
    painter->drawRoundedRect(card.adjusted(-1, 0, 1, 4), kCornerRadius + 1, kCornerRadius + 1);

    painter->setBrush(c.card);
    painter->drawRoundedRect(card, kCornerRadius, kCornerRadius);
    painter->setBrush(mixColors(c.card, accent, c.dark ? 0.16 : 0.09));
    painter->drawPath(headerPath_);
    painter->setBrush(accent);
    painter->drawPath(stripePath_);

    const bool failed = badge_.state == NodeBadge::State::Failed;
    painter->setBrush(Qt::NoBrush);
    painter->setPen(failed ? QPen(c.failed, 2.0) : QPen(c.cardBorder, 1.0));
    const qreal inset = failed ? 1.0 : 0.5;  // keep the stroke inside the card
    painter->drawRoundedRect(card.adjusted(inset, inset, -inset, -inset), kCornerRadius - inset,
                             kCornerRadius - inset);
    if (isSelected()) {
        painter->setPen(QPen(c.selection, 2.0));
        painter->drawRoundedRect(
            card.adjusted(-kSelectionGap, -kSelectionGap, kSelectionGap, kSelectionGap),
            kCornerRadius + kSelectionGap, kCornerRadius + kSelectionGap);
    }

    if (detailed) {
        painter->setFont(style_->labelFont);
        painter->setPen(c.mutedText);
        for (std::size_t i = 0; i < ports_.size(); ++i) {
            const PortItem* p = ports_[i];
            const qreal y = p->pos().y() - kRowHeight / 2;
            // A port a dragged connection cannot reach fades with its dot.
            QColor labelColor = p->isMissingInput() ? c.failed : c.mutedText;
            if (p->highlight() == PortItem::Highlight::Refused) {
                labelColor.setAlphaF(0.35f);
            }
            painter->setPen(labelColor);
            if (p->isInput()) {
                painter->drawText(QRectF(kPad + 2, y, width_ / 2, kRowHeight),
                                  Qt::AlignLeft | Qt::AlignVCenter, elidedLabels_[i]);
            } else {
                painter->drawText(QRectF(width_ / 2 - kPad - 2, y, width_ / 2, kRowHeight),
                                  Qt::AlignRight | Qt::AlignVCenter, elidedLabels_[i]);
            }
        }
        if (!known_) {
            painter->setPen(c.failed);
            painter->drawText(QRectF(kPad, kHeaderHeight, width_ - 2 * kPad, kRowHeight),
                              Qt::AlignCenter, QObject::tr("unknown node type"));
        }
    }

    if (badge_.state == NodeBadge::State::Running) {
        // The progress bar runs along the bottom of the card.
        const QRectF track(kPad, height_ - 6, width_ - 2 * kPad, 3);
        painter->setPen(Qt::NoPen);
        painter->setBrush(c.progressTrack);
        painter->drawRoundedRect(track, 1.5, 1.5);
        const double progress = std::clamp(badge_.progress, 0.0, 1.0);
        if (progress > 0) {
            painter->setBrush(c.running);
            painter->drawRoundedRect(
                QRectF(track.left(), track.top(), track.width() * progress, track.height()), 1.5,
                1.5);
        }
    }
}

void NodeItem::paintBadge(QPainter* painter) const {
    if (badgeText_.isEmpty()) {
        return;
    }
    const CanvasColors& c = style_->colors;
    using S = NodeBadge::State;
    // Solid pills for states that want attention, outlined ones for the rest.
    QColor color;
    bool solid = true;
    switch (badge_.state) {
        case S::Stale:
            color = c.stale;
            break;
        case S::Running:
            color = c.running;
            break;
        case S::Done:
            color = c.done;
            solid = !badge_.cached;
            break;
        case S::Failed:
            color = c.failed;
            break;
        case S::Queued:
            color = c.running;
            solid = false;
            break;
        default:
            color = c.neutral;
            solid = false;
            break;
    }
    const QRectF pill(width_ - kBadgeInset - badgeWidth_, -kBadgeHeight / 2, badgeWidth_,
                      kBadgeHeight);
    if (solid) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
    } else {
        painter->setPen(QPen(color, 1.0));
        painter->setBrush(c.card);
    }
    painter->drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), kBadgeHeight / 2,
                             kBadgeHeight / 2);
    // Dark text on the light pills of the dark theme, white on the saturated
    // pills of the light theme.
    painter->setPen(solid ? (c.dark ? QColor(0x11, 0x18, 0x27) : QColor(Qt::white)) : color);
    painter->setFont(style_->badgeFont);
    painter->drawText(pill, Qt::AlignCenter, badgeText_);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    switch (change) {
        case ItemPositionChange:
            // A user drag snaps; positions from the document are taken as they are.
            if (!settingFromModel_) {
                if (const auto* gs = qobject_cast<const GraphScene*>(scene());
                    gs && gs->snapToGrid()) {
                    return gs->snapped(value.toPointF());
                }
            }
            break;
        case ItemPositionHasChanged:
            for (EdgeItem* edge : edges_) {
                edge->updatePath();
            }
            break;
        default:
            break;
    }
    return QGraphicsItem::itemChange(change, value);
}

}  // namespace sluice
