// Int and Float parameters: a spin box when the spec gives both ends of the
// range (the arrows and the wheel then make sense), otherwise a line edit,
// since an open range has no sensible spin-box limits.
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>

#include <climits>
#include <cmath>
#include <optional>

#include "views/param_field.h"
#include "views/scroll_safe.h"

namespace sluice::param_fields {
namespace {

QString numberText(double v) {
    return QString::number(v, 'g', 12);
}

QString jsonNumberText(const nlohmann::json& value) {
    if (value.is_number_integer())
        return QString::number(value.get<long long>());
    if (value.is_number())
        return numberText(value.get<double>());
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump());
}

// Text to JSON: an integer, a number (C locale, then the user's), empty as
// null, and anything else as the text itself for the document to refuse.
nlohmann::json parseNumber(const QString& input, ParamKind kind) {
    const QString text = input.trimmed();
    if (text.isEmpty())
        return nullptr;
    bool ok = false;
    if (kind == ParamKind::Int) {
        const qlonglong whole = text.toLongLong(&ok);
        if (ok)
            return static_cast<long long>(whole);
    }
    double v = text.toDouble(&ok);
    if (!ok)
        v = QLocale().toDouble(text, &ok);
    if (ok)
        return v;
    return text.toStdString();
}

// A double spin box that shows values the way people write them (0.0001,
// 1e-08), not with a fixed number of decimals, and accepts typed exponents.
class FloatSpinBox : public ScrollSafe<QDoubleSpinBox> {
public:
    explicit FloatSpinBox(QWidget* parent) : ScrollSafe<QDoubleSpinBox>(parent) {
        setDecimals(15);  // QDoubleSpinBox rounds values to this many decimals
    }

    QString textFromValue(double value) const override { return numberText(value); }

    double valueFromText(const QString& text) const override {
        const auto v = parse(text);
        return v ? *v : value();
    }

    QValidator::State validate(QString& text, int& /*pos*/) const override {
        const auto v = parse(text);
        if (v && *v >= minimum() && *v <= maximum())
            return QValidator::Acceptable;
        // Half-typed numbers ("-", "1e") must be allowed on the way.
        return QValidator::Intermediate;
    }

private:
    static std::optional<double> parse(const QString& text) {
        bool ok = false;
        double v = text.trimmed().toDouble(&ok);
        if (!ok)
            v = QLocale().toDouble(text.trimmed(), &ok);
        if (!ok || !std::isfinite(v))
            return std::nullopt;
        return v;
    }
};

class IntSpinField : public ParamField {
public:
    IntSpinField(const ParamSpec& spec, QWidget* parent) : ParamField(spec, parent) {
        spin_ = new ScrollSafe<QSpinBox>(this);
        spin_->setRange(static_cast<int>(*spec.min), static_cast<int>(*spec.max));
        // valueChanged then fires on Enter, focus loss, arrows and wheel, but
        // not per keystroke: exactly the committed changes.
        spin_->setKeyboardTracking(false);
        setEditor(spin_);
        connect(spin_, &QSpinBox::valueChanged, this, [this](int v) { commit(v); });
    }

protected:
    void display(const nlohmann::json& value) override {
        if (value.is_number())
            spin_->setValue(static_cast<int>(std::llround(value.get<double>())));
    }

private:
    QSpinBox* spin_;
};

class FloatSpinField : public ParamField {
public:
    FloatSpinField(const ParamSpec& spec, QWidget* parent) : ParamField(spec, parent) {
        spin_ = new FloatSpinBox(this);
        spin_->setRange(*spec.min, *spec.max);
        const double span = *spec.max - *spec.min;
        spin_->setSingleStep(span > 0 ? std::pow(10.0, std::floor(std::log10(span)) - 1) : 1.0);
        spin_->setKeyboardTracking(false);
        setEditor(spin_);
        connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) { commit(v); });
    }

protected:
    void display(const nlohmann::json& value) override {
        if (value.is_number())
            spin_->setValue(value.get<double>());
    }

private:
    FloatSpinBox* spin_;
};

QString rangeHint(const ParamSpec& spec) {
    QString hint;
    if (spec.min && spec.max)
        hint = QStringLiteral("%1 to %2").arg(numberText(*spec.min), numberText(*spec.max));
    else if (spec.min)
        hint = QStringLiteral("\u2265 %1").arg(numberText(*spec.min));
    else if (spec.max)
        hint = QStringLiteral("\u2264 %1").arg(numberText(*spec.max));
    if (spec.optional)
        hint += hint.isEmpty() ? QStringLiteral("optional") : QStringLiteral(", optional");
    return hint;
}

class NumberLineField : public ParamField {
public:
    NumberLineField(const ParamSpec& spec, QWidget* parent) : ParamField(spec, parent) {
        edit_ = new QLineEdit(this);
        edit_->setPlaceholderText(rangeHint(spec));
        setEditor(edit_);
        connect(edit_, &QLineEdit::editingFinished, this, &NumberLineField::finish);
    }

    bool isEditing() const override { return edit_->hasFocus() && edit_->isModified(); }
    void finishEditing() override {
        if (edit_->isModified())
            finish();
    }

protected:
    void display(const nlohmann::json& value) override {
        edit_->setText(jsonNumberText(value));
        edit_->setModified(false);
    }

private:
    void finish() {
        edit_->setModified(false);
        commit(parseNumber(edit_->text(), spec().kind));
    }

    QLineEdit* edit_;
};

bool fitsInt(double v) {
    return v >= INT_MIN && v <= INT_MAX;
}

}  // namespace

ParamField* makeNumber(const ParamSpec& spec, QWidget* parent) {
    const bool bounded = spec.min && spec.max && !spec.optional;
    if (bounded && spec.kind == ParamKind::Int && fitsInt(*spec.min) && fitsInt(*spec.max))
        return new IntSpinField(spec, parent);
    if (bounded && spec.kind == ParamKind::Float)
        return new FloatSpinField(spec, parent);
    return new NumberLineField(spec, parent);
}

}  // namespace sluice::param_fields
