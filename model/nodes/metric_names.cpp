#include "nodes/metric_names.h"

#include <array>
#include <cctype>
#include <utility>
#include <vector>

namespace sluice {
namespace {

// Whole keys whose best name is not word by word.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kWholeKeys{{
    {"r2", "R²"},
    {"train_loss", "Training loss"},
    {"validation_loss", "Validation loss"},
    {"validation_score", "Validation score"},
    {"oob_error", "Out-of-bag error"},
    {"oob_score", "Out-of-bag score"},
    {"max_psi", "Largest PSI"},
    {"drifted_columns", "Drifted columns"},
}};

// Words spelt otherwise than in lower case.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kWords{{
    {"auc", "AUC"},
    {"roc", "ROC"},
    {"rmse", "RMSE"},
    {"mse", "MSE"},
    {"mae", "MAE"},
    {"psi", "PSI"},
    {"f1", "F1"},
    {"r2", "R²"},
    {"oob", "out-of-bag"},
    {"ks", "KS"},
}};

constexpr std::array<std::string_view, 4> kAverages{"macro", "micro", "weighted", "binary"};

std::vector<std::string_view> split(std::string_view key) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= key.size(); ++i) {
        if (i == key.size() || key[i] == '_' || key[i] == ' ') {
            if (i > start)
                words.push_back(key.substr(start, i - start));
            start = i + 1;
        }
    }
    return words;
}

}  // namespace

std::string metricDisplayName(std::string_view key) {
    for (const auto& [k, name] : kWholeKeys)
        if (k == key)
            return std::string(name);
    // "auc no_churn": after the first space comes a class or model name,
    // which is the user's and stays as it is.
    const std::size_t space = key.find(' ');
    if (space != std::string_view::npos)
        return metricDisplayName(key.substr(0, space)) + std::string(key.substr(space));
    std::vector<std::string_view> words = split(key);
    std::string average;
    if (words.size() > 1)
        for (std::string_view a : kAverages)
            if (words.back() == a) {
                average = std::string(a);
                words.pop_back();
                break;
            }
    std::string out;
    for (std::string_view w : words) {
        if (!out.empty())
            out += ' ';
        std::string spelt(w);
        for (const auto& [word, name] : kWords)
            if (word == w)
                spelt = std::string(name);
        out += spelt;
    }
    if (!out.empty() && std::islower(static_cast<unsigned char>(out[0])))
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    if (!average.empty())
        out += " (" + average + ")";
    return out.empty() ? std::string(key) : out;
}

}  // namespace sluice
