// The helper code at the top of every exported Python script (see
// python_prelude.h). Kept in pieces below 16 KB each: MSVC limits the
// length of one string literal.
#include "export/python_prelude.h"

namespace sluice::python_export {

namespace {

// clang-format off
const char* const kPieces[] = {
    R"PY(# ---------------------------------------------------------------------------
# Helpers shared by the steps below: Sluice's tables carry a role per column
# (feature, target or meta), and its random splits come from its own seeded
# generator (std::mt19937_64), which is re-implemented here so that a seed
# selects the same rows in this script as in Sluice.
# ---------------------------------------------------------------------------
import json
import math
import os
import pickle
import sys

import numpy as np
import pandas as pd
from sklearn import metrics as skm
from sklearn.base import clone, is_classifier


def report(node_id, title, metric, value):
    """One score as a JSON line, comparable with `sluice-run --json`."""
    print(json.dumps({"node": node_id, "title": title, "metric": metric,
                      "value": float(value)}), flush=True)


class Table:
    """A data frame plus the role of each column: feature, target or meta."""

    def __init__(self, df, roles=None):
        self.df = df.reset_index(drop=True)
        roles = roles or {}
        self.roles = {c: roles.get(c, "feature") for c in self.df.columns}

    def derive(self, df, roles=None):
        """A new table with `df`; columns keep this table's roles by name."""
        merged = {c: r for c, r in self.roles.items()}
        merged.update(roles or {})
        return Table(df, merged)

    def features(self):
        return [c for c in self.df.columns if self.roles[c] == "feature"]

    def target(self, named=""):
        """The column to predict: `named`, else the one target-role column."""
        if named:
            if named not in self.df.columns:
                raise ValueError(f"the target column '{named}' is not in the table "
                                 f"(columns: {', '.join(self.df.columns)})")
            return named
        targets = [c for c, r in self.roles.items() if r == "target"]
        if len(targets) != 1:
            raise ValueError("no single target column: set the target parameter, or mark "
                             "a column as target with a Select columns step")
        return targets[0]


def is_numeric(series):
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


ISO_DATE = r"-?\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"


def is_datetime(series):
    return pd.api.types.is_datetime64_any_dtype(series)


def read_csv(path, sep, header, decimal, missing, max_rows, parse_dates=True, date_format=""):
    """pandas' reader with Sluice's options. With sep=None pandas sniffs the
    delimiter (Sluice has its own detector; both agree on ordinary files).
    A text column whose every value is an ISO 8601 date (or in date_format)
    becomes datetime64, in UTC without a zone, as Sluice reads it."""
    kw = dict(sep=sep, header=header, na_values=missing, keep_default_na=False,
              decimal=decimal, nrows=max_rows or None, skipinitialspace=False)
    if sep is None or (isinstance(sep, str) and len(sep) > 1):
        kw["engine"] = "python"
    df = pd.read_csv(path, **kw)
    if header is None:
        df.columns = [f"column_{k + 1}" for k in range(df.shape[1])]
    for c in df.columns if parse_dates else []:
        present = df[c].dropna()
        if df[c].dtype != object or present.empty:
            continue
        present = present.astype(str)
        if date_format:
            parsed = pd.to_datetime(present, format=date_format, errors="coerce")
        elif present.str.fullmatch(ISO_DATE).all():
            parsed = pd.to_datetime(present, utc=True, errors="coerce").dt.tz_localize(None)
        else:
            continue
        if parsed.notna().all():
            df[c] = parsed.reindex(df.index)
    return Table(df)


class SluiceRng:
    """Sluice's ml::Rng: std::mt19937_64 with its own fixed algorithms for
    bounded integers (Lemire's method) and shuffling (Fisher-Yates)."""

    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.mt = [0] * 312
        self.mt[0] = seed & self.MASK
        for i in range(1, 312):
            prev = self.mt[i - 1]
            self.mt[i] = (6364136223846793005 * (prev ^ (prev >> 62)) + i) & self.MASK
        self.index = 312

    def _twist(self):
        mt = self.mt
        for i in range(312):
            y = (mt[i] & 0xFFFFFFFF80000000) | (mt[(i + 1) % 312] & 0x7FFFFFFF)
            v = mt[(i + 156) % 312] ^ (y >> 1)
            if y & 1:
                v ^= 0xB5026F5AA96619E9
            mt[i] = v
        self.index = 0

    def next(self):
        if self.index >= 312:
            self._twist()
        y = self.mt[self.index]
        self.index += 1
        y ^= (y >> 29) & 0x5555555555555555
        y ^= (y << 17) & 0x71D67FFFEDA60000
        y ^= (y << 37) & 0xFFF7EEE000000000
        y ^= y >> 43
        return y & self.MASK

    def below(self, n):
        m = self.next() * n
        low = m & self.MASK
        if low < n:
            threshold = ((1 << 64) - n) % n
            while low < threshold:
                m = self.next() * n
                low = m & self.MASK
        return m >> 64

    def shuffle(self, items):
        for i in range(len(items), 1, -1):
            j = self.below(i)
            items[i - 1], items[j] = items[j], items[i - 1]


def class_codes(values):
    """Class indices over the sorted distinct labels, as Sluice's LabelEncoder."""
    labels = sorted(pd.unique(values[pd.notna(values)]))
    index = {v: k for k, v in enumerate(labels)}
    return np.array([index[v] for v in values]), labels


def sluice_train_test_split(n, test_fraction, seed, strata=None):
    """Row indices (train, test) exactly as Sluice's ml::trainTestSplit picks
    them: ceil(fraction * n) test rows; with strata, each class in proportion
    (largest remainders), each class's rows shuffled in label order."""
    test_size = math.ceil(test_fraction * n)
    if test_size < 1 or test_size >= n:
        raise ValueError(f"{n} rows are too few to split with test fraction {test_fraction}")
    rng = SluiceRng(seed)
    in_test = [False] * n
    if strata is None:
        order = list(range(n))
        rng.shuffle(order)
        for k in range(test_size):
            in_test[order[k]] = True
    else:
        by_class = {}
        for i, c in enumerate(strata):
            by_class.setdefault(c, []).append(i)
        shares = []
        assigned = 0
        for c in sorted(by_class):
            rows = by_class[c]
            exact = test_size * len(rows) / n
            take = math.floor(exact)
            shares.append([rows, take, exact - take])
            assigned += take
        order = sorted(range(len(shares)), key=lambda s: (-shares[s][2], -len(shares[s][0])))
        k = 0
        while assigned < test_size:
            share = shares[order[k]]
            if share[1] < len(share[0]):
                share[1] += 1
                assigned += 1
            k = (k + 1) % len(order)
        for rows, take, _ in shares:
            rng.shuffle(rows)
            for r in rows[:take]:
                in_test[r] = True
    train = [i for i in range(n) if not in_test[i]]
    test = [i for i in range(n) if in_test[i]]
    return train, test


def sluice_folds(y_codes, folds, shuffle, seed, stratified):
    """(train, test) index lists per fold as Sluice's kFold and stratifiedKFold.
    Unshuffled they equal scikit-learn's KFold / StratifiedKFold folds;
    shuffled they follow Sluice's generator, so the seed selects the same
    folds as in Sluice (scikit-learn's shuffled folds would differ)."""
    n = len(y_codes)
    fold = [0] * n
    if not stratified:
        order = list(range(n))
        if shuffle:
            SluiceRng(seed).shuffle(order)
        at = 0
        for f in range(folds):
            for _ in range(n // folds + (1 if f < n % folds else 0)):
                fold[order[at]] = f
                at += 1
    else:
        first_seen = {}
        encoded = [first_seen.setdefault(v, len(first_seen)) for v in y_codes]
        classes = len(first_seen)
        count = [encoded.count(k) for k in range(classes)]
        allocation = [[0] * classes for _ in range(folds)]
        position = 0
        for k in range(classes):
            for _ in range(count[k]):
                allocation[position % folds][k] += 1
                position += 1
        rng = SluiceRng(seed)
        for k in range(classes):
            per_class = [f for f in range(folds) for _ in range(allocation[f][k])]
            if shuffle:
                rng.shuffle(per_class)
            it = iter(per_class)
            for i in range(n):
                if encoded[i] == k:
                    fold[i] = next(it)
    return [([i for i in range(n) if fold[i] != f], [i for i in range(n) if fold[i] == f])
            for f in range(folds)]


def feature_matrix(table, features):
    for c in features:
        if c not in table.df.columns:
            raise ValueError(f"the model needs the column '{c}', which the table lacks")
        if not is_numeric(table.df[c]):
            raise ValueError(f"feature column '{c}' is not numeric: one-hot encode it "
                             "or make it meta")
    return table.df[features].to_numpy(dtype=float)


class Model:
    """A fitted estimator with the feature columns it reads, its target, and
    the fitted steps (ScaleStep...) a table goes through first."""

    def __init__(self, estimator, features, target, steps=()):
        self.estimator, self.features, self.target = estimator, features, target
        self.steps = list(steps)

    def with_leading_steps(self, steps):
        return Model(self.estimator, self.features, self.target, list(steps) + self.steps)


def fit_model(estimator, table, target_name="", supervised=True):
    target = table.target(target_name) if supervised else None
    features = [c for c in table.features() if c != target]
    X = feature_matrix(table, features)
    if not supervised:
        return Model(estimator.fit(X), features, None)
    y = table.df[target]
    keep = y.notna().to_numpy()
    if is_classifier(estimator) and is_numeric(y):
        y = y.astype(float)
    estimator.fit(X[keep], y[keep].to_numpy())
    return Model(estimator, features, target)


def predict(model, table):
    """The table with a "prediction" column and, for classifiers, one
    "p(label)" column per class; all meta, as Sluice's Predict node."""
    df = table.df[[c for c in table.df.columns
                   if c != "prediction" and not str(c).startswith("p(")]].copy()
    for step in model.steps:
        table = step.apply(table)
    X = feature_matrix(table, model.features)
    est = model.estimator
    df["prediction"] = est.predict(X)
    if getattr(est, "_estimator_type", None) == "clusterer":
        # Cluster ids are categories in Sluice ("0", "1", ... one per
        # cluster of the model), not numbers.
        df["prediction"] = pd.Categorical(
            df["prediction"].astype(int).astype(str),
            categories=[str(k) for k in range(len(est.cluster_centers_))])
    roles = {"prediction": "meta"}
    if is_classifier(est) and hasattr(est, "predict_proba"):
        proba = est.predict_proba(X)
        for k, label in enumerate(est.classes_):
            name = f"p({label_text(label)})"
            df[name] = proba[:, k]
            roles[name] = "meta"
    return table.derive(df, roles)


def label_text(label):
    """A label as Sluice spells it (numbers in shortest form)."""
    if isinstance(label, (float, np.floating)) and float(label).is_integer():
        return str(int(label))
    return str(label)


def class_predictions(table, target):
    """(truth, predicted, labels, proba) of a classification predictions table;
    rows without a true value are skipped."""
    df = table.df[table.df[target].notna()]
    truth = df[target].map(label_text).to_numpy()
    predicted = df["prediction"].map(label_text).to_numpy()
    labels = list(pd.unique(table.df["prediction"].map(label_text)))
    prob_cols = [c for c in df.columns if str(c).startswith("p(")]
    labels = [c[2:-1] for c in prob_cols] if prob_cols else sorted(labels)
    labels += sorted(set(truth) - set(labels))
    proba = df[prob_cols].to_numpy() if prob_cols else None
    return truth, predicted, labels, proba


)PY",
    R"PY(def classification_scores(truth, predicted, labels, proba):
    """Every metric of Sluice's Score node for classes."""
    s = {"accuracy": skm.accuracy_score(truth, predicted)}
    present = [l for l in labels if l in set(truth)]
    recalls = skm.recall_score(truth, predicted, labels=present, average=None, zero_division=0)
    s["balanced_accuracy"] = float(np.mean(recalls))
    for avg in ("macro", "micro", "weighted"):
        s[f"precision_{avg}"] = skm.precision_score(truth, predicted, labels=labels,
                                                    average=avg, zero_division=0)
        s[f"recall_{avg}"] = skm.recall_score(truth, predicted, labels=labels, average=avg,
                                              zero_division=0)
        s[f"f1_{avg}"] = skm.f1_score(truth, predicted, labels=labels, average=avg,
                                      zero_division=0)
    if proba is not None and proba.shape[1] == len(labels):
        s["log_loss"] = log_loss(truth, proba, labels)
        if len(labels) == 2 and len(set(truth)) == 2:
            s["roc_auc"] = skm.roc_auc_score(truth == labels[1], proba[:, 1])
        elif len(labels) > 2 and set(truth) == set(labels):
            s["roc_auc"] = skm.roc_auc_score(truth, proba, multi_class="ovr", labels=labels)
    return s


def log_loss(truth, proba, labels, eps=1e-15):
    """scikit-learn's log_loss with Sluice's clipping: probabilities clipped
    to [1e-15, 1 - 1e-15] and rows renormalised (scikit-learn's default
    clip, machine epsilon, weighs a confident mistake differently)."""
    p = np.clip(proba, eps, 1 - eps)
    p = p / p.sum(axis=1, keepdims=True)
    index = {label: k for k, label in enumerate(labels)}
    return float(-np.mean(np.log([p[i, index[t]] for i, t in enumerate(truth)])))


def regression_scores(truth, predicted):
    """Every metric of Sluice's Score node for numbers."""
    mse = skm.mean_squared_error(truth, predicted)
    return {"r2": skm.r2_score(truth, predicted), "mse": mse, "rmse": math.sqrt(mse),
            "mae": skm.mean_absolute_error(truth, predicted)}


def score(table, target_name=""):
    target = table.target(target_name)
    if not is_numeric(table.df["prediction"]) or not is_numeric(table.df[target]) \
            or any(str(c).startswith("p(") for c in table.df.columns):
        return classification_scores(*class_predictions(table, target))
    df = table.df[table.df[target].notna() & table.df["prediction"].notna()]
    return regression_scores(df[target].to_numpy(float), df["prediction"].to_numpy(float))


def columns_or(table, named, accept):
    """The named columns (each must exist), or every feature column `accept` takes."""
    for c in named:
        if c not in table.df.columns:
            raise ValueError(f"column '{c}' not found (columns: {', '.join(table.df.columns)})")
    return list(named) if named else [c for c in table.features() if accept(table.df[c])]


def save_pickle(obj, path):
    with open(path, "wb") as f:
        pickle.dump(obj, f)


class SluiceDraws(SluiceRng):
    """Uniform and normal draws as Sluice's ml::Rng makes them."""

    def __init__(self, seed):
        super().__init__(seed)
        self.spare = None

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53

    def normal(self):  # Marsaglia's polar method, as Sluice
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        while True:
            u, v = 2.0 * self.uniform() - 1.0, 2.0 * self.uniform() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                break
        f = math.sqrt(-2.0 * math.log(s) / s)
        self.spare = v * f
        return u * f


def synthetic(kind, n_rows, n_features, n_classes, noise, seed):
    """Sluice's Synthetic data node, draw for draw (pure Python: slow for
    millions of rows)."""
    rng = SluiceDraws(seed)
    X = np.zeros((n_rows, n_features if kind != "moons" else 2))
    if kind == "blobs":
        centres = []
        for _ in range(n_classes):
            for _attempt in range(100):
                centre = [-10.0 + 20.0 * rng.uniform() for _ in range(n_features)]
                if all(sum((a - b) ** 2 for a, b in zip(centre, o)) >= 16.0 for o in centres):
                    break
            centres.append(centre)
        y = [f"class_{i % n_classes}" for i in range(n_rows)]
        for i in range(n_rows):
            for j in range(n_features):
                X[i, j] = centres[i % n_classes][j] + noise * rng.normal()
    elif kind == "moons":
        outer = n_rows // 2
        inner = n_rows - outer

        def angle(i, count):
            return 0.0 if count < 2 else math.pi * i / (count - 1)
        y = []
        for i in range(n_rows):
            if i < outer:
                t = angle(i, outer)
                x0, x1 = math.cos(t), math.sin(t)
            else:
                t = angle(i - outer, inner)
                x0, x1 = 1.0 - math.cos(t), 0.5 - math.sin(t)
            X[i, 0] = x0 + noise * rng.normal()
            X[i, 1] = x1 + noise * rng.normal()
            y.append("class_0" if i < outer else "class_1")
    else:
        w = [-10.0 + 20.0 * rng.uniform() for _ in range(n_features)]
        y = []
        for i in range(n_rows):
            total = 0.0
            for j in range(n_features):
                X[i, j] = rng.normal()
                total += w[j] * X[i, j]
            y.append(total + noise * rng.normal())
    df = pd.DataFrame(X, columns=[f"x{j + 1}" for j in range(X.shape[1])])
    df["target"] = y
    return Table(df, {"target": "target"})


def filter_rows(table, column, op, value, drop_missing, mask=False):
    """Sluice's Filter rows: a missing value fails every test but is_missing.
    With mask, the rows that pass as booleans instead of a table."""
    df = table.df
    keep = pd.Series(True, index=df.index)
    if column:
        if column not in df.columns:
            raise ValueError(f"column '{column}' not found (columns: {', '.join(df.columns)})")
        x = df[column]
        missing = x.isna()
        numeric = is_numeric(x)
        items = [s.strip() for s in value.split(",") if s.strip()] if op in ("in", "not_in") \
            else [value]
        if op == "is_missing":
            keep = missing
        elif op == "not_missing":
            keep = ~missing
        elif op in ("<", "<=", ">", ">="):
            if not numeric and not is_datetime(x):
                raise ValueError(f"'{op}' compares numbers, but column '{column}' is not numeric")
            v = pd.Timestamp(value) if is_datetime(x) else float(value)
            keep = {"<": x < v, "<=": x <= v, ">": x > v, ">=": x >= v}[op]
        elif is_datetime(x):
            found = x.isin([pd.Timestamp(s) for s in items])
            keep = (~found if op in ("!=", "not_in") else found) & ~missing
        else:
            wanted = [float(s) for s in items] if numeric else items
            found = x.isin(wanted) if numeric else x.astype(str).isin(wanted)
            keep = (~found if op in ("!=", "not_in") else found) & ~missing
    if drop_missing:
        keep &= ~df.isna().any(axis=1)
    if mask:
        return keep.to_numpy(bool)
    return table.derive(df[keep.to_numpy()])


def select_columns(table, keep, drop, target, meta):
    """Sluice's Select columns: keep (all if empty), then drop, then roles."""
    names = []
    for c in keep or list(table.df.columns):
        if c not in table.df.columns:
            raise ValueError(f"column '{c}' not found (columns: {', '.join(table.df.columns)})")
        if c not in drop and c not in names:
            names.append(c)
    roles = {}
    for c in names:
        role = table.roles[c]
        if c == target:
            role = "target"
        elif c in meta:
            role = "meta"
        elif target and role == "target":
            role = "feature"  # one target at a time
        roles[c] = role
    return Table(table.df[names], roles)


class ScaleStep:
    """Sluice's Scale: statistics from the train table; NaN ignored, kept."""

    def __init__(self, method, columns):
        from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler
        self.scaler = {"standard": StandardScaler, "min_max": MinMaxScaler,
                       "robust": RobustScaler}[method]()
        self.columns = columns

    def fit(self, table):
        self.columns = columns_or(table, self.columns, is_numeric)
        self.scaler.fit(table.df[self.columns].to_numpy(float))
        return self

    def apply(self, table):
        df = table.df.copy()
        df[self.columns] = self.scaler.transform(df[self.columns].to_numpy(float))
        return table.derive(df)


class ImputeStep:
    """Sluice's Impute: mean/median fill numbers; most_frequent and constant
    also fill categories (constant with fill_level)."""

    def __init__(self, strategy, fill_value, fill_level, columns):
        self.strategy, self.fill_value, self.fill_level = strategy, fill_value, fill_level
        self.columns = columns

    def fit(self, table):
        from sklearn.impute import SimpleImputer
        takes_text = self.strategy in ("most_frequent", "constant")
        cols = columns_or(table, self.columns, lambda s: takes_text or is_numeric(s))
        self.numeric = [c for c in cols if is_numeric(table.df[c])]
        self.text = [c for c in cols if c not in self.numeric]
        self.imputers = []
        if self.numeric:
            imp = SimpleImputer(strategy=self.strategy, fill_value=self.fill_value)
            self.imputers.append((self.numeric, imp.fit(table.df[self.numeric].to_numpy(float))))
        if self.text:
            imp = SimpleImputer(strategy=self.strategy, fill_value=self.fill_level,
                                missing_values=np.nan)
            data = table.df[self.text].astype(object).where(table.df[self.text].notna(), np.nan)
            self.imputers.append((self.text, imp.fit(data.to_numpy())))
        return self

    def apply(self, table):
        df = table.df.copy()
        for cols, imp in self.imputers:
            data = df[cols].to_numpy(float) if cols is self.numeric else \
                df[cols].astype(object).where(df[cols].notna(), np.nan).to_numpy()
            df[cols] = imp.transform(data)
        return table.derive(df)


class OneHotStep:
    """Sluice's One-hot encode: one 0/1 column "name=level" per level seen in
    training, in place of the column; an unseen or missing value gives zeros
    (scikit-learn's OneHotEncoder(handle_unknown="ignore") does the same)."""

    def __init__(self, columns):
        self.columns = columns

    def fit(self, table):
        self.columns = columns_or(table, self.columns, lambda s: not is_numeric(s))
        self.levels = {c: list(pd.unique(table.df[c].dropna().astype(str)))
                       for c in self.columns}
        return self

    def apply(self, table):
        parts, roles = {}, {}
        for c in table.df.columns:
            if c in self.levels:
                text = table.df[c].astype(str).where(table.df[c].notna(), None)
                for level in self.levels[c]:
                    parts[f"{c}={level}"] = (text == level).astype(float)
                    roles[f"{c}={level}"] = "feature"
            else:
                parts[c] = table.df[c]
        return table.derive(pd.DataFrame(parts), roles)


class PcaStep:
    """Sluice's PCA: pc1..pcK from the numeric features, then the other
    columns as they were. Components may differ from Sluice's in sign."""

    def __init__(self, n_components, whiten):
        from sklearn.decomposition import PCA
        self.pca = PCA(n_components=n_components, whiten=whiten, svd_solver="full")

    def fit(self, table):
        self.features = table.features()
        self.pca.fit(feature_matrix(table, self.features))
        return self

    def apply(self, table):
        pcs = self.pca.transform(feature_matrix(table, self.features))
        df = pd.DataFrame(pcs, columns=[f"pc{k + 1}" for k in range(pcs.shape[1])])
        rest = [c for c in table.df.columns if table.roles[c] != "feature"]
        for c in rest:
            df[c] = table.df[c].to_numpy()
        return Table(df, {c: table.roles[c] for c in rest})


)PY",
    R"PY(def cross_validate(table, target_name, learners, folds, stratified, shuffle, seed):
    """Sluice's Cross-validate: every learner on the same folds; the mean of
    each fold metric, named "<learner> <metric>"."""
    target = table.target(target_name)
    features = [c for c in table.features() if c != target]
    df = table.df[table.df[target].notna()]
    X = feature_matrix(Table(df, table.roles), features)
    classify = is_classifier(learners[0][1])
    if classify:
        y, labels = class_codes(df[target].to_numpy())
        classes = list(range(len(labels)))
    else:
        y = df[target].to_numpy(float)
    splits = sluice_folds(list(y), folds, shuffle, seed, classify and stratified)
    out = {}
    for title, learner in learners:
        per_metric = {}
        for train_rows, test_rows in splits:
            est = clone(learner).fit(X[train_rows], y[train_rows])
            truth, pred = y[test_rows], est.predict(X[test_rows])
            if classify:
                present = sorted(set(truth))
                fold = {"accuracy": skm.accuracy_score(truth, pred),
                        "balanced_accuracy": float(np.mean(skm.recall_score(
                            truth, pred, labels=present, average=None, zero_division=0))),
                        "f1_macro": skm.f1_score(truth, pred, labels=classes, average="macro",
                                                 zero_division=0)}
            else:
                fold = {"r2": skm.r2_score(truth, pred),
                        "rmse": math.sqrt(skm.mean_squared_error(truth, pred)),
                        "mae": skm.mean_absolute_error(truth, pred)}
            for name, value in fold.items():
                per_metric.setdefault(name, []).append(value)
        for name, values in per_metric.items():
            out[f"{title} {name}"] = float(np.mean(values))
    return out


def roc_aucs(table, target_name, model_name):
    """Sluice's ROC curve areas: one curve per class (one for the second
    class of a binary problem), named as Sluice names them."""
    truth, _, labels, proba = class_predictions(table, table.target(target_name))
    if proba is None:
        raise ValueError("ROC curves need class probabilities (the p(...) columns)")
    out = {}
    for c in range(1 if len(labels) == 2 else 0, len(labels)):
        positive = truth == labels[c]
        if positive.all() or not positive.any():
            continue
        name = labels[c] if len(labels) == 2 else labels[c] + " vs rest"
        if model_name:
            name = model_name + ": " + name
        out["auc " + name] = skm.roc_auc_score(positive, proba[:, c])
    return out


def importances(model):
    """Sluice's Feature importance: impurity decrease for trees, else the
    mean absolute coefficient over outputs; largest first."""
    est = model.estimator
    if hasattr(est, "feature_importances_"):
        values = np.asarray(est.feature_importances_)
    elif hasattr(est, "coef_"):
        values = np.abs(np.atleast_2d(est.coef_)).mean(axis=0)
    else:
        raise ValueError(f"scikit-learn's {type(est).__name__} reports neither feature "
                         "importances nor coefficients")
    order = sorted(range(len(values)), key=lambda k: -values[k])
    return [(model.features[k], float(values[k])) for k in order]
)PY",
    // Issue 18's data preparation nodes: Join, Concatenate, Sample.
    R"PY(
def join_tables(left, right, left_on, right_on, how, left_suffix, right_suffix):
    """Sluice's Join: a missing key part matches nothing (pandas would match
    NaN with NaN); rows in left order (right order for a right join), an
    outer join appending the unmatched right rows; a right key named like
    its left key merges into it."""
    right_on = right_on or left_on

    def keys(df, cols):
        out = []
        for values in df[cols].itertuples(index=False, name=None):
            if any(pd.isna(v) for v in values):
                out.append(None)
            else:
                out.append(tuple(float(v) if is_number(v) else str(v) for v in values))
        return out

    lkeys, rkeys = keys(left.df, left_on), keys(right.df, right_on)
    index = {}
    for i, k in enumerate(lkeys if how == "right" else rkeys):
        if k is not None:
            index.setdefault(k, []).append(i)
    lrows, rrows = [], []
    if how == "right":
        for r, k in enumerate(rkeys):
            for l in index.get(k, [-1]) if k is not None else [-1]:
                lrows.append(l)
                rrows.append(r)
    else:
        matched = set()
        for l, k in enumerate(lkeys):
            hits = index.get(k, []) if k is not None else []
            if how in ("semi", "anti"):
                if bool(hits) == (how == "semi"):
                    lrows.append(l)
                continue
            if not hits and how in ("left", "outer"):
                lrows.append(l)
                rrows.append(-1)
            for r in hits:
                matched.add(r)
                lrows.append(l)
                rrows.append(r)
        if how in ("semi", "anti"):
            return left.derive(left.df.iloc[lrows])
        if how == "outer":
            for r in range(len(right.df)):
                if r not in matched:
                    lrows.append(-1)
                    rrows.append(r)
    # reindex(-1) gives a row of missing values, keeping categories.
    lpart = left.df.reindex(lrows).reset_index(drop=True)
    rpart = right.df.reindex(rrows).reset_index(drop=True)
    merged = [(a, b) for a, b in zip(left_on, right_on) if a == b]
    for a, _ in merged:
        absent = pd.Series(lrows) == -1
        if absent.any():
            filled = rpart[a]
            if isinstance(lpart[a].dtype, pd.CategoricalDtype) and isinstance(
                    filled.dtype, pd.CategoricalDtype):
                levels = list(lpart[a].cat.categories) + [
                    c for c in filled.cat.categories if c not in set(lpart[a].cat.categories)]
                lpart[a] = lpart[a].cat.set_categories(levels)
                filled = filled.cat.set_categories(levels)
            lpart[a] = lpart[a].where(~absent, filled)
        rpart = rpart.drop(columns=[a])
    clash = set(lpart.columns) & set(rpart.columns)
    lpart = lpart.rename(columns={c: c + left_suffix for c in clash})
    rpart = rpart.rename(columns={c: c + right_suffix for c in clash})
    roles = {(c + left_suffix if c in clash else c): r for c, r in left.roles.items()}
    roles.update({(c + right_suffix if c in clash else c): r for c, r in right.roles.items()
                  if c not in {a for a, _ in merged}})
    return Table(pd.concat([lpart, rpart], axis=1), roles)


def concat_tables(tables, numbers, columns, source_column):
    """Sluice's Concatenate: rows one after another, columns matched by name
    (union or intersection); a column of numbers in one input and text in
    another is refused; `source_column` says which input (its number) each
    row came from."""
    names = [c for t in tables for c in t.df.columns]
    for name in dict.fromkeys(names):
        kinds = {is_numeric(t.df[name]) for t in tables if name in t.df.columns}
        if len(kinds) > 1:
            raise ValueError(f"column '{name}' holds numbers in one input but text in "
                             "another; give it one kind first")
    df = pd.concat([t.df for t in tables], join="outer" if columns == "union" else "inner",
                   ignore_index=True, sort=False)
    roles = {}
    for t in tables:
        for c, r in t.roles.items():
            roles.setdefault(c, r)
    if source_column:
        df[source_column] = pd.Categorical(
            [str(n) for t, n in zip(tables, numbers) for _ in range(len(t.df))],
            categories=[str(n) for n in numbers])
        roles[source_column] = "meta"
    return Table(df, roles)


def sample_rows(table, size, fraction, rows, replace, stratify, seed):
    """Sluice's Sample, drawing the very same rows with SluiceRng: strata in
    order of first appearance (missing as one more value) get their share
    by largest remainders; each stratum's rows are shuffled and the first
    taken (without replacement) or drawn one by one (with it). Returns the
    sample and the rest, both in input order."""
    n = len(table.df)
    k = rows if size == "rows" else int(math.floor(fraction * n + 0.5))
    if k > n and not replace:
        raise ValueError(f"{k} rows asked but the table has {n}")
    if stratify:
        values = table.df[stratify]
        strata, index = [], {}
        for r, v in enumerate(values):
            key = None if pd.isna(v) else str(v)
            if key not in index:
                index[key] = len(strata)
                strata.append([])
            strata[index[key]].append(r)
    else:
        strata = [list(range(n))]
    sizes = [len(s) for s in strata]
    take = sizes
    if n:
        quotas = [k * s / n for s in sizes]
        take = [int(math.floor(q)) for q in quotas]
        order = sorted(range(len(sizes)), key=lambda s: -(quotas[s] - math.floor(quotas[s])))
        for s in order[:k - sum(take)]:
            take[s] += 1
    rng = SluiceRng(seed)
    drawn = []
    for s, members in enumerate(strata):
        if replace:
            drawn += [members[rng.below(len(members))] for _ in range(take[s])]
        else:
            rng.shuffle(members)
            drawn += members[:take[s]]
    drawn.sort()
    chosen = set(drawn)
    rest = [r for r in range(n) if r not in chosen]
    return table.derive(table.df.iloc[drawn]), table.derive(table.df.iloc[rest])


def is_number(value):
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
)PY",
};
// clang-format on

}  // namespace

std::string preludeText() {
    std::string text;
    for (const char* piece : kPieces)
        text += piece;
    return text;
}

}  // namespace sluice::python_export
