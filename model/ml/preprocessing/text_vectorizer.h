// TextVectorizer: text columns turned into one numeric column per term
// learnt on the training table (the Text features node, issue 18), as
// scikit-learn's CountVectorizer / TfidfVectorizer do.
//
// Contract:
// - Tokens: runs of word characters (ASCII letters, digits, '_', and any
//   non-ASCII byte, so UTF-8 letters stay in words) at least two characters
//   long: scikit-learn's default token_pattern (?u)\b\w\w+\b, except that
//   non-ASCII punctuation counts as a word character. Lower-cased (ASCII
//   letters) unless told not to. Terms are the n-grams of the tokens for n
//   in [ngramMin, ngramMax], joined by one space.
// - Vocabulary: the terms whose document frequency in the train table lies
//   within [minDf, maxDf] (as scikit-learn: minDf below 1 and maxDf up to 1
//   are fractions of the documents, other values counts), then the
//   maxFeatures most frequent by total count (by texts for binary weights;
//   ties to the term first in byte order; 0 keeps all), ordered by term.
// - Weights: counts; binary (1 where the term occurs); or tf-idf: counts
//   times idf = ln((1 + n) / (1 + df)) + 1 (n train documents), each row
//   scaled to unit Euclidean length (smooth_idf, norm="l2").
// - Columns: the named text or categorical columns; by default every text
//   column (whatever its role: the CSV reader makes text columns meta).
// - Output: the text column is replaced by one numeric feature column per
//   term, named "<column>:<term>", in one shared block. A missing text is
//   an empty document. Terms unseen in training are ignored when applying.
// - The values are dense: fit() refuses (MisuseError) when rows x terms
//   would pass `maxCells`, naming the column and Max terms.
#pragma once

#include "ml/preprocessing/table_transform.h"

namespace sluice::ml {

struct TextVectorizer : TransformSpec {
    enum class Weighting { TfIdf, Counts, Binary };

    std::vector<std::string> columns;  // empty: every text column
    Weighting weighting = Weighting::TfIdf;
    bool lowercase = true;
    int ngramMin = 1, ngramMax = 1;
    double minDf = 1, maxDf = 1.0;
    std::size_t maxFeatures = 1000;  // 0: no limit
    std::size_t maxCells = 200'000'000;

    std::string_view kind() const override { return "text_vectorizer"; }
    std::unique_ptr<TableTransform> fit(const Table& train) const override;
};

// The terms of one document, in order (tokens, then n-grams).
std::vector<std::string> textTerms(std::string_view text, bool lowercase, int ngramMin,
                                   int ngramMax);

}  // namespace sluice::ml
