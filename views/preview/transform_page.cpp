#include "views/preview/transform_page.h"

#include "ml/preprocessing/pca_transform.h"
#include "views/preview/pca_page.h"

namespace sluice {

QWidget* makeTransformPage(const TransformValue& transform, QWidget* parent) {
    if (const auto* pca = dynamic_cast<const PcaTransform*>(transform.get()))
        return makePcaPage(*pca, parent);
    return nullptr;
}

}  // namespace sluice
