#include "ml/preprocessing/text_vectorizer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

#include "ml/core/ml_errors.h"

namespace sluice::ml {
namespace {

bool wordByte(unsigned char c) {
    return std::isalnum(c) || c == '_' || c >= 0x80;
}

std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

struct Vocabulary {
    std::string column;
    std::vector<std::string> terms;  // in byte order
    std::vector<double> idf;         // tf-idf only
};

const char* weightingName(TextVectorizer::Weighting w) {
    switch (w) {
        case TextVectorizer::Weighting::TfIdf:
            return "tf-idf";
        case TextVectorizer::Weighting::Counts:
            return "counts";
        case TextVectorizer::Weighting::Binary:
            return "binary";
    }
    return "tf-idf";
}

// The text of row r of a text or categorical column ("" when missing).
std::string_view documentOf(const Column& c, std::size_t r) {
    if (c.isMissing(r))
        return {};
    if (c.kind() == ColumnKind::Categorical)
        return c.levels()[static_cast<std::size_t>(c.codes()[r])];
    return c.texts()[r];
}

class FittedTextVectorizer : public TableTransform {
public:
    FittedTextVectorizer(std::vector<Vocabulary> vocabularies, TextVectorizer::Weighting weighting,
                         bool lowercase, int ngramMin, int ngramMax)
        : vocabularies_(std::move(vocabularies)),
          weighting_(weighting),
          lowercase_(lowercase),
          ngramMin_(ngramMin),
          ngramMax_(ngramMax) {}

    std::string_view kind() const override { return "text_vectorizer"; }

    TablePtr apply(const Table& table) const override {
        std::vector<Column> out;
        for (const Column& c : table.columns()) {
            const auto v = std::find_if(vocabularies_.begin(), vocabularies_.end(),
                                        [&](const Vocabulary& x) { return x.column == c.name(); });
            if (v == vocabularies_.end()) {
                out.push_back(c);
                continue;
            }
            if (c.kind() != ColumnKind::Text && c.kind() != ColumnKind::Categorical)
                throw MisuseError("text features: column '" + c.name() + "' is " +
                                  std::string(kindName(c.kind())) + ", not text");
            for (Column& term : vectorize(c, *v))
                out.push_back(std::move(term));
        }
        for (const Vocabulary& v : vocabularies_)
            if (!table.indexOf(v.column))
                throw MisuseError("text features: the table has no column '" + v.column +
                                  "' it was trained on");
        return Table::make(std::move(out));
    }

    nlohmann::json toJson() const override {
        nlohmann::json vocabularies = nlohmann::json::array();
        for (const Vocabulary& v : vocabularies_)
            vocabularies.push_back({{"column", v.column}, {"terms", v.terms}, {"idf", v.idf}});
        return {{"kind", "text_vectorizer"}, {"weighting", weightingName(weighting_)},
                {"lowercase", lowercase_},   {"ngram_min", ngramMin_},
                {"ngram_max", ngramMax_},    {"vocabularies", std::move(vocabularies)}};
    }

private:
    std::vector<Column> vectorize(const Column& c, const Vocabulary& v) const {
        std::unordered_map<std::string_view, std::size_t> index;
        for (std::size_t t = 0; t < v.terms.size(); ++t)
            index.emplace(v.terms[t], t);
        const std::size_t rows = c.size(), terms = v.terms.size();
        auto block = std::make_shared<NumericBlock>();
        block->rows = rows;
        block->values.assign(rows * terms, 0.0);
        double* values = block->values.data();
        std::vector<std::size_t> touched;
        for (std::size_t r = 0; r < rows; ++r) {
            touched.clear();
            for (const std::string& term :
                 textTerms(documentOf(c, r), lowercase_, ngramMin_, ngramMax_)) {
                const auto it = index.find(term);
                if (it == index.end())
                    continue;
                double& cell = values[it->second * rows + r];
                if (cell == 0)
                    touched.push_back(it->second);
                cell = weighting_ == TextVectorizer::Weighting::Binary ? 1.0 : cell + 1.0;
            }
            if (weighting_ != TextVectorizer::Weighting::TfIdf || touched.empty())
                continue;
            double norm = 0;
            for (std::size_t t : touched) {
                double& cell = values[t * rows + r];
                cell *= v.idf[t];
                norm += cell * cell;
            }
            norm = std::sqrt(norm);
            for (std::size_t t : touched)
                values[t * rows + r] /= norm;
        }
        std::shared_ptr<const NumericBlock> shared = std::move(block);
        std::vector<Column> columns;
        for (std::size_t t = 0; t < terms; ++t)
            columns.push_back(Column::numericInBlock(c.name() + ":" + v.terms[t], shared, t,
                                                     ColumnRole::Feature));
        return columns;
    }

    std::vector<Vocabulary> vocabularies_;
    TextVectorizer::Weighting weighting_;
    bool lowercase_;
    int ngramMin_, ngramMax_;
};

}  // namespace

std::vector<std::string> textTerms(std::string_view text, bool lowercase, int ngramMin,
                                   int ngramMax) {
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < text.size();) {
        if (!wordByte(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && wordByte(static_cast<unsigned char>(text[end])))
            ++end;
        std::string token(text.substr(i, end - i));
        if (characters(token) >= 2) {
            if (lowercase)
                for (char& ch : token)
                    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            tokens.push_back(std::move(token));
        }
        i = end;
    }
    if (ngramMin == 1 && ngramMax == 1)
        return tokens;
    std::vector<std::string> terms;
    for (int n = ngramMin; n <= ngramMax; ++n)
        for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= tokens.size(); ++i) {
            std::string term = tokens[i];
            for (int k = 1; k < n; ++k)
                term += " " + tokens[i + static_cast<std::size_t>(k)];
            terms.push_back(std::move(term));
        }
    return terms;
}

std::unique_ptr<TableTransform> loadTextVectorizer(const nlohmann::json& j) {
    std::vector<Vocabulary> vocabularies;
    for (const auto& v : j.at("vocabularies"))
        vocabularies.push_back({v.at("column").get<std::string>(),
                                v.at("terms").get<std::vector<std::string>>(),
                                v.at("idf").get<std::vector<double>>()});
    const std::string w = j.value("weighting", "tf-idf");
    const auto weighting = w == "counts"   ? TextVectorizer::Weighting::Counts
                           : w == "binary" ? TextVectorizer::Weighting::Binary
                                           : TextVectorizer::Weighting::TfIdf;
    return std::make_unique<FittedTextVectorizer>(std::move(vocabularies), weighting,
                                                  j.value("lowercase", true),
                                                  j.value("ngram_min", 1), j.value("ngram_max", 1));
}

std::unique_ptr<TableTransform> TextVectorizer::fit(const Table& train) const {
    std::vector<std::string> names = columns;
    if (names.empty())
        for (const Column& c : train.columns())
            if (c.kind() == ColumnKind::Text)
                names.push_back(c.name());
    const double documents = static_cast<double>(train.rowCount());
    // As scikit-learn: min_df below 1 and max_df up to 1 are fractions.
    const double least = minDf < 1 ? minDf * documents : minDf;
    const double most = maxDf <= 1 ? maxDf * documents : maxDf;
    std::vector<Vocabulary> vocabularies;
    for (const std::string& name : names) {
        const auto at = train.indexOf(name);
        if (!at)
            throw MisuseError("text features: the table has no column '" + name + "'");
        const Column& c = train.column(*at);
        if (c.kind() != ColumnKind::Text && c.kind() != ColumnKind::Categorical)
            throw MisuseError("text features: column '" + name + "' is " +
                              std::string(kindName(c.kind())) + ", not text");
        struct Counts {
            std::size_t documents = 0, total = 0, lastRow = SIZE_MAX;
        };
        std::unordered_map<std::string, Counts> counts;
        for (std::size_t r = 0; r < c.size(); ++r)
            for (std::string& term : textTerms(documentOf(c, r), lowercase, ngramMin, ngramMax)) {
                Counts& k = counts[std::move(term)];
                ++k.total;
                if (k.lastRow != r) {
                    k.lastRow = r;
                    ++k.documents;
                }
            }
        std::vector<std::pair<std::string, Counts>> kept;
        for (auto& [term, k] : counts)
            if (static_cast<double>(k.documents) >= least &&
                static_cast<double>(k.documents) <= most)
                kept.emplace_back(term, k);
        if (maxFeatures > 0 && kept.size() > maxFeatures) {
            // Binary weights count a word once per text, as scikit-learn ranks them.
            const bool once = weighting == Weighting::Binary;
            std::sort(kept.begin(), kept.end(), [once](const auto& a, const auto& b) {
                const std::size_t x = once ? a.second.documents : a.second.total;
                const std::size_t y = once ? b.second.documents : b.second.total;
                return x != y ? x > y : a.first < b.first;
            });
            kept.resize(maxFeatures);
        }
        std::sort(kept.begin(), kept.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        if (static_cast<double>(kept.size()) * documents > static_cast<double>(maxCells))
            throw MisuseError("text features: column '" + name + "' would make " +
                              std::to_string(kept.size()) + " term columns of " +
                              std::to_string(train.rowCount()) +
                              " rows, too many to hold; lower Max terms");
        Vocabulary v{name, {}, {}};
        for (const auto& [term, k] : kept) {
            v.terms.push_back(term);
            v.idf.push_back(std::log((1 + documents) / (1 + static_cast<double>(k.documents))) + 1);
        }
        vocabularies.push_back(std::move(v));
    }
    return std::make_unique<FittedTextVectorizer>(std::move(vocabularies), weighting, lowercase,
                                                  ngramMin, ngramMax);
}

}  // namespace sluice::ml
