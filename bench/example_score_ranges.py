#!/usr/bin/python3
"""What scikit-learn scores on the bundled example pipelines: the ranges
test_examples holds Sluice's own runs of resources/examples/*.sluice to.

Method
------
Each example file is read as JSON and its graph is *interpreted* with
scikit-learn and pandas, node by node, with the node parameters written in
the file (defaults are filled in every example file, so nothing is taken
from Sluice's code). The run is repeated REPS times (default 50); in
repetition r every seed of the pipeline is replaced by 1000 + r: the
train/test split's seed, the cross-validation shuffle seed, each learner's
random_state and the synthetic data's noise. Everything else stays as the
file says: the same data, test fraction, stratification, scaling, folds and
hyperparameters.

For every metric a Score, ROC curve, Confusion matrix or Cross-validate
node reports (under the same names Sluice gives them, e.g. "accuracy",
"auc malignant", "Ridge regression r2"), the fixture records scikit-learn's
observed minimum, maximum and mean over the repetitions. min and max are
then widened by TOLERANCE = 0.02 times max(1, |value|): 0.02 absolute for
metrics on a unit scale (accuracy, F1, AUC, R^2, log loss), 2 % relative
for errors in the target's units (MSE, RMSE, MAE); scores bounded by 1 are
not widened past 1 and errors not below 0. Sluice's one seeded run must fall
inside: it is one more draw from the same experiment, so a result outside
what scikit-learn reaches in REPS draws, plus the tolerance, is far more
likely a bug than bad luck (an unlucky draw just past scikit-learn's extremes
is what the tolerance absorbs). The ranges come only from scikit-learn;
Sluice is not run. Seeds are fixed, so the fixture is reproducible.

Data: data.read_csv reads the file named (relative to the example's folder).
data.synthetic is re-implemented with numpy: blob centres and regression
weights are drawn exactly as Sluice draws them (mt19937-64, the first values
of the seed written in the file), so the problem is the same; the per-row
noise is numpy's, seeded per repetition. Moons are scikit-learn's make_moons.

Learners map to scikit-learn with the same hyperparameter names
(LEARNERS below): logistic regression -> LogisticRegression (lbfgs),
gradient boosting -> HistGradientBoosting*, MLP -> MLP* (adam), forests ->
RandomForest* (oob_score off: it changes no prediction), max_depth 0 ->
None. A node type or learner the table does not know stops the script, so
a new example cannot silently go without ranges.

Some examples are costly in scikit-learn (the MLP on 100,000 rows);
MAX_REPS caps their repetitions, documented in the fixture.

Usage: /usr/bin/python3 bench/example_score_ranges.py [--reps N] [--only FILE]
Needs Debian's python3-sklearn and python3-pandas (not a pyenv Python).
Writes tests/examples/fixtures/example_score_ranges.json (with --only, only
that file's entry is replaced).
"""
import os

# One thread for OpenMP (histogram boosting) and BLAS: on small data their
# thread pools only add overhead, and spinning workers crawl on a busy
# 2-core machine. Scores do not depend on it. Set before numpy loads.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import glob  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from sklearn import metrics as skm  # noqa: E402
from sklearn.base import clone  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402
from sklearn.ensemble import (  # noqa: E402
    HistGradientBoostingClassifier, HistGradientBoostingRegressor, RandomForestClassifier,
    RandomForestRegressor)
from sklearn.linear_model import (  # noqa: E402
    ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge)
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split  # noqa: E402
from sklearn.naive_bayes import GaussianNB  # noqa: E402
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor  # noqa: E402
from sklearn.neural_network import MLPClassifier, MLPRegressor  # noqa: E402
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler  # noqa: E402
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "resources", "examples")
FIXTURE = os.path.join(ROOT, "tests", "examples", "fixtures", "example_score_ranges.json")
REPS = 50
TOLERANCE = 0.02
# Examples too costly for REPS repetitions of scikit-learn.
MAX_REPS = {"mlp_synthetic.sluice": 20}
# Metrics that are errors (lower is better, unbounded above); the rest are
# scores bounded above by 1.
ERRORS = {"mse", "rmse", "mae", "log_loss"}


# --- tables ---------------------------------------------------------------

class Table:
    """A DataFrame with Sluice's column roles: feature, target or meta."""

    def __init__(self, df, roles=None):
        self.df = df.reset_index(drop=True)
        self.roles = dict(roles) if roles else {c: "feature" for c in df.columns}

    def target(self, named=""):
        if named:
            if named not in self.df.columns:
                raise ValueError(f"target column '{named}' not in {list(self.df.columns)}")
            return named
        targets = [c for c, r in self.roles.items() if r == "target"]
        if len(targets) != 1:
            raise ValueError(f"need exactly one target column, have {targets}")
        return targets[0]

    def features(self, target=None):
        """Numeric feature-role columns except the target, in table order."""
        out = []
        for c in self.df.columns:
            if self.roles[c] != "feature" or c == target:
                continue
            if not pd.api.types.is_numeric_dtype(self.df[c]):
                raise ValueError(f"feature column '{c}' is not numeric")
            out.append(c)
        return out

    def rows(self, index):
        return Table(self.df.iloc[np.sort(np.asarray(index))], self.roles)


def is_class_target(series):
    return not pd.api.types.is_numeric_dtype(series)


# --- data.synthetic -------------------------------------------------------

class MT19937_64:
    """std::mt19937_64, for the few draws that fix a synthetic problem."""
    N, M = 312, 156
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.mt = [seed & self.MASK]
        for i in range(1, self.N):
            prev = self.mt[-1]
            self.mt.append((6364136223846793005 * (prev ^ (prev >> 62)) + i) & self.MASK)
        self.index = self.N

    def next(self):
        if self.index >= self.N:
            mt = self.mt
            for i in range(self.N):
                x = (mt[i] & 0xFFFFFFFF80000000) | (mt[(i + 1) % self.N] & 0x7FFFFFFF)
                xa = x >> 1
                if x & 1:
                    xa ^= 0xB5026F5AA96619E9
                mt[i] = mt[(i + self.M) % self.N] ^ xa
            self.index = 0
        y = self.mt[self.index]
        self.index += 1
        y ^= (y >> 29) & 0x5555555555555555
        y ^= (y << 17) & 0x71D67FFFEDA60000
        y ^= (y << 37) & 0xFFF7EEE000000000
        y ^= y >> 43
        return y & self.MASK

    def uniform(self):
        return (self.next() >> 11) * 2.0 ** -53


def synthetic(params, noise_seed):
    kind, n, d = params["kind"], int(params["n_rows"]), int(params["n_features"])
    k, noise = int(params["n_classes"]), float(params["noise"])
    structure = MT19937_64(int(params["seed"]))  # the file's seed fixes the problem
    rng = np.random.default_rng(noise_seed)  # the repetition draws the rows
    if kind == "moons":
        from sklearn.datasets import make_moons
        X, y = make_moons(n, shuffle=False, noise=noise, random_state=noise_seed)
        y = np.array([f"class_{c}" for c in y])
    elif kind == "blobs":
        centres = []
        for _ in range(k):
            for _attempt in range(100):
                centre = np.array([-10.0 + 20.0 * structure.uniform() for _ in range(d)])
                if all(((centre - o) ** 2).sum() >= 16.0 for o in centres):
                    break
            centres.append(centre)
        cls = np.arange(n) % k
        X = np.array(centres)[cls] + noise * rng.standard_normal((n, d))
        y = np.array([f"class_{c}" for c in range(k)])[cls]
    else:  # linear_regression
        w = np.array([-10.0 + 20.0 * structure.uniform() for _ in range(d)])
        X = rng.standard_normal((n, d))
        y = X @ w + noise * rng.standard_normal(n)
    df = pd.DataFrame(X, columns=[f"x{j + 1}" for j in range(X.shape[1])])
    df["target"] = y
    roles = {c: "feature" for c in df.columns}
    roles["target"] = "target"
    return Table(df, roles)


# --- learners -------------------------------------------------------------

def depth(v):
    return None if int(v) == 0 else int(v)


def max_features(v):
    if isinstance(v, str):
        try:
            v = json.loads(v)
        except ValueError:
            return None if v == "all" else v  # "sqrt", "log2"
    if isinstance(v, float) and not float(v).is_integer():
        return v
    if isinstance(v, float) and v == 1.0:
        return 1.0
    return None if int(v) == 0 else int(v)


def layers(v):
    v = json.loads(v) if isinstance(v, str) else v
    return tuple(v) if isinstance(v, list) else (int(v),)


def gbt(p):
    es = p["early_stopping"]
    return dict(learning_rate=p["learning_rate"], max_iter=p["max_iter"],
                max_depth=depth(p["max_depth"]), max_leaf_nodes=p["max_leaf_nodes"],
                min_samples_leaf=p["min_samples_leaf"],
                l2_regularization=p["l2_regularization"], max_bins=p["max_bins"],
                early_stopping=es if isinstance(es, bool) else "auto",
                validation_fraction=p["validation_fraction"],
                n_iter_no_change=p["n_iter_no_change"], tol=p["tol"],
                random_state=p["random_state"])


def forest(p):
    return dict(n_estimators=p["n_estimators"], criterion=p["criterion"],
                max_depth=depth(p["max_depth"]), min_samples_split=p["min_samples_split"],
                min_samples_leaf=p["min_samples_leaf"], max_features=max_features(
                    p["max_features"]), bootstrap=p["bootstrap"], oob_score=False,
                random_state=p["random_state"], n_jobs=1)


def tree(p):
    return dict(criterion=p["criterion"], max_depth=depth(p["max_depth"]),
                min_samples_split=p["min_samples_split"],
                min_samples_leaf=p["min_samples_leaf"],
                max_features=max_features(p["max_features"]), random_state=p["random_state"])


def mlp(p):
    bs = p["batch_size"]
    return dict(hidden_layer_sizes=layers(p["hidden_layer_sizes"]), activation=p["activation"],
                alpha=p["alpha"], batch_size=bs if bs != "auto" else "auto", solver="adam",
                learning_rate_init=p["learning_rate_init"], max_iter=p["max_iter"], tol=p["tol"],
                n_iter_no_change=p["n_iter_no_change"], early_stopping=p["early_stopping"],
                validation_fraction=p["validation_fraction"], shuffle=p["shuffle"],
                random_state=p["random_state"], beta_1=p["beta_1"], beta_2=p["beta_2"],
                epsilon=p["epsilon"])


def knn(p):
    return dict(n_neighbors=p["n_neighbors"], weights=p["weights"], metric=p["metric"],
                algorithm=p["algorithm"] if p["algorithm"] != "auto" else "auto",
                leaf_size=p["leaf_size"])


def linear_en(p):
    out = dict(alpha=p["alpha"], fit_intercept=p["fit_intercept"], max_iter=p["max_iter"],
               tol=p["tol"])
    if "l1_ratio" in p:
        out["l1_ratio"] = p["l1_ratio"]
    return out


# kind -> (display name as Sluice shows it, scikit-learn class, params(file params) -> kwargs)
LEARNERS = {
    "linear_regression": ("Linear regression", LinearRegression,
                          lambda p: dict(fit_intercept=p["fit_intercept"])),
    "ridge": ("Ridge regression", Ridge,
              lambda p: dict(alpha=p["alpha"], fit_intercept=p["fit_intercept"])),
    "lasso": ("Lasso regression", Lasso, linear_en),
    "elastic_net": ("Elastic net", ElasticNet, linear_en),
    "logistic_regression": ("Logistic regression", LogisticRegression,
                            lambda p: dict(C=p["C"], fit_intercept=p["fit_intercept"],
                                           max_iter=p["max_iter"], tol=p["tol"],
                                           class_weight=None if p["class_weight"] == "none"
                                           else p["class_weight"])),
    "gaussian_nb": ("Gaussian naive Bayes", GaussianNB,
                    lambda p: dict(var_smoothing=p["var_smoothing"])),
    "knn_classifier": ("k-NN classifier", KNeighborsClassifier, knn),
    "knn_regressor": ("k-NN regressor", KNeighborsRegressor, knn),
    "decision_tree_classifier": ("Decision tree classifier", DecisionTreeClassifier, tree),
    "decision_tree_regressor": ("Decision tree regressor", DecisionTreeRegressor, tree),
    "random_forest_classifier": ("Random forest classifier", RandomForestClassifier, forest),
    "random_forest_regressor": ("Random forest regressor", RandomForestRegressor, forest),
    "gradient_boosting_classifier": ("Gradient boosting classifier",
                                     HistGradientBoostingClassifier, gbt),
    "gradient_boosting_regressor": ("Gradient boosting regressor",
                                    HistGradientBoostingRegressor, gbt),
    "mlp_classifier": ("Neural network classifier", MLPClassifier, mlp),
    "mlp_regressor": ("Neural network regressor", MLPRegressor, mlp),
    "kmeans": ("k-means clustering", KMeans,
               lambda p: dict(n_clusters=p["n_clusters"], n_init=p["n_init"],
                              max_iter=p["max_iter"], tol=p["tol"],
                              random_state=p["random_state"])),
}
CLASSIFIERS = {k for k in LEARNERS if k.endswith("_classifier") or k in
               ("logistic_regression", "gaussian_nb")}


class Learner:
    def __init__(self, kind, params):
        if kind not in LEARNERS:
            raise SystemExit(f"no scikit-learn equivalent for learner '{kind}': add it to LEARNERS")
        self.kind = kind
        self.title, cls, translate = LEARNERS[kind]
        self.estimator = cls(**translate(params))
        self.classify = kind in CLASSIFIERS
        self.supervised = kind != "kmeans"


class Model:
    def __init__(self, learner, table, target):
        self.learner = learner
        self.target = target
        self.features = table.features(target)
        self.estimator = clone(learner.estimator)
        X = table.df[self.features].to_numpy(float)
        if learner.supervised:
            self.estimator.fit(X, table.df[target].to_numpy())
        else:
            self.estimator.fit(X)


# --- metrics, named as Sluice names them ----------------------------------

def class_metrics(truth, predicted, proba, labels):
    m = {"accuracy": skm.accuracy_score(truth, predicted),
         "balanced_accuracy": skm.balanced_accuracy_score(truth, predicted)}
    for avg in ("macro", "micro", "weighted"):
        kw = dict(average=avg, labels=labels, zero_division=0)
        m["precision_" + avg] = skm.precision_score(truth, predicted, **kw)
        m["recall_" + avg] = skm.recall_score(truth, predicted, **kw)
        m["f1_" + avg] = skm.f1_score(truth, predicted, **kw)
    if proba is not None:
        m["log_loss"] = skm.log_loss(truth, proba, labels=labels)
        curves = roc_aucs(truth, proba, labels)
        if len(labels) == 2 and curves:
            m["roc_auc"] = next(iter(curves.values()))
        elif len(curves) == len(labels):
            m["roc_auc"] = float(np.mean(list(curves.values())))
    return m


def roc_aucs(truth, proba, labels):
    """'auc <label>' (binary: the second class) or 'auc <label> vs rest'."""
    out = {}
    for c in range(1 if len(labels) == 2 else 0, len(labels)):
        positive = np.asarray(truth) == labels[c]
        if positive.all() or not positive.any():
            continue
        name = labels[c] if len(labels) == 2 else labels[c] + " vs rest"
        out["auc " + name] = skm.roc_auc_score(positive, proba[:, c])
    return out


def value_metrics(truth, predicted):
    mse = skm.mean_squared_error(truth, predicted)
    return {"r2": skm.r2_score(truth, predicted), "mse": mse, "rmse": math.sqrt(mse),
            "mae": skm.mean_absolute_error(truth, predicted)}


# --- the interpreter ------------------------------------------------------

class Predictions:
    def __init__(self, table, model):
        self.table = table
        self.truth = table.df[model.target].to_numpy() if model.target in table.df else None
        X = table.df[model.features].to_numpy(float)
        self.predicted = model.estimator.predict(X)
        self.classify = model.learner.classify
        self.proba, self.labels = None, None
        if self.classify:
            self.labels = [str(c) for c in model.estimator.classes_]
            self.proba = model.estimator.predict_proba(X)


def fit_transform(node_type, params, train, apply):
    if node_type == "transform.scale":
        method = params["method"]
        cols = params["columns"] or [c for c in train.df.columns if train.roles[c] == "feature"
                                     and pd.api.types.is_numeric_dtype(train.df[c])]
        scaler = {"standard": StandardScaler, "min_max": MinMaxScaler,
                  "robust": RobustScaler}[method]()
        scaler.fit(train.df[cols].to_numpy(float))

        def run(t):
            df = t.df.copy()
            df[cols] = scaler.transform(df[cols].to_numpy(float))
            return Table(df, t.roles)
    elif node_type == "transform.pca":
        feats = train.features()
        pca = PCA(n_components=params["n_components"], whiten=params["whiten"])
        pca.fit(train.df[feats].to_numpy(float))

        def run(t):
            pcs = pca.transform(t.df[feats].to_numpy(float))
            df = pd.DataFrame(pcs, columns=[f"pc{j + 1}" for j in range(pcs.shape[1])])
            roles = {c: "feature" for c in df.columns}
            for c in t.df.columns:
                if t.roles[c] != "feature":
                    df[c] = t.df[c].to_numpy()
                    roles[c] = t.roles[c]
            return Table(df, roles)
    else:
        raise SystemExit(f"no scikit-learn equivalent for node type '{node_type}'")
    out = {"train": run(train)}
    if apply is not None:
        out["apply"] = run(apply)
    return out


def cross_validate(params, table, learners):
    classify = learners[0].classify
    target = table.target(params["target"])
    feats = table.features(target)
    X, y = table.df[feats].to_numpy(float), table.df[target].to_numpy()
    shuffle = params["shuffle"]
    kw = dict(n_splits=params["folds"], shuffle=shuffle,
              random_state=params["seed"] if shuffle else None)
    folds = (StratifiedKFold(**kw) if classify and params["stratified"] else KFold(**kw))
    out = {}
    for learner in learners:
        per_fold = {}
        for train, test in folds.split(X, y):
            est = clone(learner.estimator).fit(X[train], y[train])
            pred = est.predict(X[test])
            if classify:
                got = {"accuracy": skm.accuracy_score(y[test], pred),
                       "balanced_accuracy": skm.balanced_accuracy_score(y[test], pred),
                       "f1_macro": skm.f1_score(y[test], pred, average="macro",
                                                labels=np.unique(y), zero_division=0)}
            else:
                got = {"r2": skm.r2_score(y[test], pred),
                       "rmse": math.sqrt(skm.mean_squared_error(y[test], pred)),
                       "mae": skm.mean_absolute_error(y[test], pred)}
            for k, v in got.items():
                per_fold.setdefault(k, []).append(v)
        for k, v in per_fold.items():
            out[f"{learner.title} {k}"] = float(np.mean(v))
    return out


SEEDS = {"seed", "random_state"}


def run_pipeline(path, rep):
    """Every node's outputs for repetition `rep`; metrics per evaluation node."""
    doc = json.load(open(path))
    base = os.path.dirname(os.path.abspath(path))
    nodes = {n["id"]: n for n in doc["nodes"]}
    inputs = {}
    for e in doc["edges"]:
        inputs.setdefault(e["to"][0], {})[e["to"][1]] = tuple(e["from"])
    values, metrics = {}, {}
    seed = 1000 + rep

    def value(node_id, port):
        if node_id not in values:
            values[node_id] = run_node(node_id)
        return values[node_id].get(port)

    def run_node(node_id):
        node = nodes[node_id]
        t = node["type"]
        p = dict(node["params"])
        file_seed = p.get("seed")
        for k in SEEDS & p.keys():
            p[k] = seed
        ins = {port: value(*src) for port, src in inputs.get(node_id, {}).items()}
        if t == "data.read_csv":
            return {"table": Table(pd.read_csv(os.path.join(base, p["path"])))}
        if t == "data.synthetic":
            return {"table": synthetic(dict(p, seed=file_seed), seed)}
        if t == "transform.select_columns":
            tab = ins["table"]
            names = [c for c in (p["keep"] or list(tab.df.columns)) if c not in p["drop"]]
            roles = {}
            for c in names:
                r = tab.roles[c]
                if c == p["target"]:
                    r = "target"
                elif c in p["meta"]:
                    r = "meta"
                elif p["target"] and r == "target":
                    r = "feature"
                roles[c] = r
            return {"table": Table(tab.df[names], roles)}
        if t == "transform.train_test_split":
            tab = ins["table"]
            strat = tab.df[tab.target()].to_numpy() if p["stratify"] else None
            n = len(tab.df)
            train, test = train_test_split(np.arange(n), test_size=p["test_fraction"],
                                           stratify=strat, random_state=p["seed"])
            return {"train": tab.rows(train), "test": tab.rows(test)}
        if t in ("transform.scale", "transform.pca"):
            return fit_transform(t, p, ins["train"], ins.get("apply"))
        if t.startswith("train."):
            learner = Learner(t[len("train."):], p)
            tab = ins["train"]
            target = tab.target(p["target"]) if learner.supervised else None
            return {"model": Model(learner, tab, target), "learner": learner}
        if t == "evaluate.predict":
            return {"predictions": Predictions(ins["table"], ins["model"])}
        if t in ("evaluate.score", "evaluate.roc_curve", "evaluate.confusion_matrix"):
            pr = ins["predictions"]
            if p.get("target"):
                raise SystemExit(f"{node_id}: a Score target other than the model's is not "
                                 "supported here")
            if not pr.classify:
                if t != "evaluate.score":
                    raise SystemExit(f"{node_id}: {t} needs class predictions")
                metrics[node_id] = value_metrics(pr.truth.astype(float), pr.predicted)
            else:
                truth = np.array([str(v) for v in pr.truth])
                pred = np.array([str(v) for v in pr.predicted])
                if t == "evaluate.score":
                    metrics[node_id] = class_metrics(truth, pred, pr.proba, pr.labels)
                elif t == "evaluate.roc_curve":
                    metrics[node_id] = roc_aucs(truth, pr.proba, pr.labels)
                else:
                    metrics[node_id] = {"accuracy": skm.accuracy_score(truth, pred)}
            return {"results": metrics[node_id]}
        if t == "evaluate.cross_validate":
            learners = [ins[f"learner_{k}"] for k in range(1, 5) if f"learner_{k}" in ins]
            metrics[node_id] = cross_validate(p, ins["table"], learners)
            return {"results": metrics[node_id]}
        raise SystemExit(f"{os.path.basename(path)}: no scikit-learn equivalent for node type "
                         f"'{t}' (node '{node_id}'): teach example_score_ranges.py about it")

    for node_id in nodes:
        value(node_id, None)
    return metrics


def widen(name, lo, hi):
    metric = name.split(" ")[-1]
    lo -= TOLERANCE * max(1.0, abs(lo))
    hi += TOLERANCE * max(1.0, abs(hi))
    if metric in ERRORS:
        lo = max(lo, 0.0)
    else:
        hi = min(hi, 1.0)
    return lo, hi


def ranges_for(path, reps):
    runs = []
    for rep in range(reps):
        runs.append(run_pipeline(path, rep))
    out = {}
    for node_id in runs[0]:
        out[node_id] = {}
        for name in sorted(runs[0][node_id]):
            values = np.array([r[node_id][name] for r in runs])
            lo, hi = widen(name, values.min(), values.max())
            out[node_id][name] = {"min": round(float(lo), 6), "max": round(float(hi), 6),
                                  "sklearn_mean": round(float(values.mean()), 6)}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=REPS)
    ap.add_argument("--only", help="one example file name, e.g. iris.sluice")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(EXAMPLES, "*.sluice")))
    if a.only:
        files = [f for f in files if os.path.basename(f) == a.only]
        if not files:
            raise SystemExit(f"no example {a.only} in {EXAMPLES}")
    fixture = {}
    if a.only and os.path.exists(FIXTURE):
        fixture = json.load(open(FIXTURE))
    examples = fixture.get("examples", {})
    reps_used = fixture.get("repetitions", {})
    for f in files:
        name = os.path.basename(f)
        reps = min(a.reps, MAX_REPS.get(name, a.reps))
        t0 = time.perf_counter()
        examples[name] = ranges_for(f, reps)
        reps_used[name] = reps
        print(f"{name}: {reps} repetitions in {time.perf_counter() - t0:.1f} s")
        for node_id, ms in examples[name].items():
            for metric, r in ms.items():
                print(f"  {node_id:18} {metric:44} mean {r['sklearn_mean']:10.4f}  "
                      f"[{r['min']:.4f}, {r['max']:.4f}]")
    out = {
        "about": "scikit-learn's range of every metric of the example pipelines over many "
                 "seeds, widened by the tolerance; written by bench/example_score_ranges.py "
                 "(see its header), checked by tests/examples/test_examples.cpp",
        "sklearn_version": sklearn.__version__,
        "tolerance": TOLERANCE,
        "repetitions": dict(sorted(reps_used.items())),
        "examples": dict(sorted(examples.items())),
    }
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    sys.exit(main())
