#include "ml/stats/bin_labels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace sluice::ml {
namespace {

// `digits` significant digits, without switching to exponents for numbers
// from 1 up to a billion ("1000", not "1e+03").
std::string formatEdge(double value, int digits) {
    char buf[64];
    const double magnitude = std::fabs(value);
    if (magnitude >= 1 && magnitude < 1e9) {
        const int whole = static_cast<int>(std::floor(std::log10(magnitude))) + 1;
        std::snprintf(buf, sizeof buf, "%.*f", std::max(0, digits - whole), value);
        std::string text = buf;
        if (text.find('.') != std::string::npos) {  // "1.50" -> "1.5", "2.00" -> "2"
            text.erase(text.find_last_not_of('0') + 1);
            if (text.back() == '.')
                text.pop_back();
        }
        return text;
    }
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
    return buf;
}

}  // namespace

std::vector<std::string> binLabels(const std::vector<double>& edges, BinsClosed closed) {
    if (edges.empty())
        return {"all values"};
    std::vector<std::string> text;
    for (int digits = 3; digits <= 17; ++digits) {
        text.clear();
        for (double e : edges)
            text.push_back(formatEdge(e, digits));
        if (std::set<std::string>(text.begin(), text.end()).size() == text.size())
            break;
    }
    const bool right = closed == BinsClosed::Right;
    std::vector<std::string> labels;
    labels.push_back((right ? "≤ " : "< ") + text.front());
    for (std::size_t i = 1; i < text.size(); ++i)
        labels.push_back(right ? "(" + text[i - 1] + ", " + text[i] + "]"
                               : "[" + text[i - 1] + ", " + text[i] + ")");
    labels.push_back((right ? "> " : "≥ ") + text.back());
    return labels;
}

}  // namespace sluice::ml
