#pragma once

#include <QWheelEvent>

#include <utility>

namespace sluice {

// A value widget (spin box, combo box) that takes wheel events only while it
// has focus. In a scrolling form the wheel then scrolls the form, instead of
// changing whatever value happens to pass under the mouse (and committing
// it to the document).
template <typename Widget>
class ScrollSafe : public Widget {
public:
    template <typename... Args>
    explicit ScrollSafe(Args&&... args) : Widget(std::forward<Args>(args)...) {
        this->setFocusPolicy(Qt::StrongFocus);  // not WheelFocus
    }

protected:
    void wheelEvent(QWheelEvent* event) override {
        if (this->hasFocus())
            Widget::wheelEvent(event);
        else
            event->ignore();  // passes on to the scroll area
    }
};

}  // namespace sluice
