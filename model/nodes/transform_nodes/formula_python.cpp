#include "nodes/transform_nodes/formula_python.h"

#include "nodes/python_literals.h"

namespace sluice::formula {

std::string formulaPython(const Expr& e, const std::string& frame) {
    using python_export::pyString;
    using python_export::pyValue;
    auto args = [&] {
        std::string out;
        for (const Expr& a : e.args)
            out += ", " + formulaPython(a, frame);
        return out;
    };
    switch (e.kind) {
        case Expr::Kind::Number:
            return "fx_lit(" + frame + ", " + pyValue(e.number) + ")";
        case Expr::Kind::Bool:
            return "fx_lit(" + frame + ", " + std::string(e.number != 0 ? "True" : "False") + ")";
        case Expr::Kind::Text:
            return "fx_lit(" + frame + ", " + pyString(e.name) + ")";
        case Expr::Kind::Missing:
            return "fx_lit(" + frame + ", None)";
        case Expr::Kind::Column:
            return "fx_col(" + frame + ", " + pyString(e.name) + ")";
        case Expr::Kind::Unary:
        case Expr::Kind::Binary:
            return "fx_op(" + pyString(e.name) + args() + ")";
        case Expr::Kind::Call:
            return "fx_call(" + pyString(e.name) + args() + ")";
    }
    return "None";
}

std::string formulaPythonHelpers() {
    return R"PY(def fx_lit(df, value):
    """A constant as a Series over df's rows."""
    dtype = "boolean" if isinstance(value, bool) else object if value is None or isinstance(value, str) else float
    return pd.Series([value] * len(df), index=df.index, dtype=dtype)


def fx_col(df, name):
    s = df[name]
    if is_datetime(s):
        return s
    return s.astype(float) if is_numeric(s) else s.astype(object).where(s.notna(), None)


def fx_kind(s):
    if is_datetime(s):
        return "date"
    return "bool" if str(s.dtype) == "boolean" else "number" if is_numeric(s) else "text"


def fx_date_text(x):
    """A timestamp as Sluice shows it: the date alone at midnight."""
    return x.strftime("%Y-%m-%d") if x == x.normalize() else x.strftime("%Y-%m-%d %H:%M:%S")


def fx_rows(function, dtype, *series):
    """function over the rows where no argument is missing."""
    present = ~pd.concat([s.isna() for s in series], axis=1).any(axis=1)
    out = pd.Series([None] * len(series[0]), index=series[0].index, dtype=object)
    values = [function(*row) for row in zip(*(s[present] for s in series))]
    out[present] = pd.Series(values, index=present[present].index, dtype=object)
    return out.astype(dtype) if dtype != object else out


def fx_op(op, a, b=None):
    if op == "not":
        return ~a.astype("boolean")
    if op in ("and", "or"):
        a, b = a.astype("boolean"), b.astype("boolean")
        return a & b if op == "and" else a | b
    if b is not None and "date" in (fx_kind(a), fx_kind(b)):
        a = pd.to_datetime(a) if fx_kind(a) == "text" else a
        b = pd.to_datetime(b) if fx_kind(b) == "text" else b
    if b is not None and fx_kind(a) == "text" or b is not None and fx_kind(b) == "text":
        if op == "+":
            return fx_rows(lambda x, y: x + y, object, a, b)
    if op in ("==", "!=", "<", "<=", ">", ">="):
        import operator
        f = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
             ">": operator.gt, ">=": operator.ge}[op]
        return fx_rows(f, "boolean", a, b)
    if op == "-" and b is None:
        return -a.astype(float)
    a, b = a.astype(float), b.astype(float)
    with np.errstate(all="ignore"):
        if op == "+":
            out = a + b
        elif op == "-":
            out = a - b
        elif op == "*":
            out = a * b
        elif op == "/":
            out = (a / b).where(b != 0, np.nan)
        elif op == "%":
            out = (a % b).where(b != 0, np.nan)
        else:
            out = a ** b
    return fx_finite(out)


def fx_finite(s):
    """Infinities as missing, as Sluice keeps them."""
    return s.replace([np.inf, -np.inf], np.nan)


def fx_call(name, *a):
    with np.errstate(all="ignore"):
        out = fx_call_raw(name, *a)
    return fx_finite(out) if fx_kind(out) == "number" else out


def fx_call_raw(name, *a):
    dates = {"year": "year", "quarter": "quarter", "month": "month", "day": "day",
             "hour": "hour", "minute": "minute", "weekday": "weekday", "day_of_year": "dayofyear"}
    if name in dates:
        return getattr(a[0].dt, dates[name]).astype(float)
    if name in ("days_between", "seconds_between"):
        return (a[1] - a[0]).dt.total_seconds() / (86400.0 if name == "days_between" else 1.0)
    if name in ("add_days", "add_seconds"):
        return a[0] + pd.to_timedelta(a[1].astype(float), unit="D" if name == "add_days" else "s")
    if name == "date":
        if len(a) > 1:
            return pd.to_datetime(a[0], format=a[1].iloc[0], errors="coerce")
        return pd.to_datetime(a[0], utc=True, errors="coerce").dt.tz_localize(None)
    floats = [x.astype(float) if fx_kind(x) not in ("text", "date") else x for x in a]
    math = {"log": lambda x: np.log(x.where(x > 0)), "exp": np.exp,
            "sqrt": lambda x: np.sqrt(x.where(x >= 0)), "abs": np.abs,
            "floor": np.floor, "ceil": np.ceil}
    if name in math:
        return math[name](floats[0])
    if name == "pow":
        return floats[0] ** floats[1]
    if name == "round":
        scale = 10.0 ** floats[1] if len(a) > 1 else 1.0
        return np.round(floats[0] * scale) / scale
    if name == "clip":
        return np.minimum(np.maximum(floats[0], floats[1]), floats[2])
    if name in ("min", "max"):
        f = np.minimum if name == "min" else np.maximum
        out = floats[0]
        for x in floats[1:]:
            out = f(out, x)
        return out
    if name == "if":
        c = a[0].astype("boolean")
        out = a[1].where(c.fillna(False), a[2])
        return out.where(c.notna(), None if fx_kind(a[1]) == "text" else np.nan)
    if name == "coalesce":
        out = a[0]
        for x in a[1:]:
            out = out.where(out.notna(), x)
        return out
    if name == "is_missing":
        return a[0].isna().astype("boolean")
    if name == "text":
        if fx_kind(a[0]) == "date":
            return fx_rows(fx_date_text, object, a[0])
        return fx_rows(lambda x: label_text(x) if not isinstance(x, (bool, np.bool_)) else str(x).lower(), object, a[0])
    if name == "number":
        if fx_kind(a[0]) == "date":
            return (a[0] - pd.Timestamp(0)).dt.total_seconds()
        return pd.to_numeric(a[0], errors="coerce").astype(float)
    if name == "concat":
        def shown(x):
            return x if isinstance(x, str) else fx_date_text(x) if isinstance(x, pd.Timestamp) \
                else label_text(x)
        return fx_rows(lambda *xs: "".join(shown(x) for x in xs), object, *a)
    import re
    ascii_blanks = " \t\n\v\f\r"
    text = {"lower": (lambda s: "".join(c.lower() if c < "\x80" else c for c in s), object),
            "upper": (lambda s: "".join(c.upper() if c < "\x80" else c for c in s), object),
            "trim": (lambda s: s.strip(ascii_blanks), object), "len": (len, float),
            "contains": (lambda s, p: p in s, "boolean"),
            "starts_with": (lambda s, p: s.startswith(p), "boolean"),
            "ends_with": (lambda s, p: s.endswith(p), "boolean"),
            "replace": (lambda s, o, n: s.replace(o, n) if o else s, object),
            "substr": (lambda s, i, n=None: s[max(int(i), 0):None if n is None else max(int(i), 0) + max(int(n), 0)], object),
            "regex_match": (lambda s, p: re.fullmatch(p, s) is not None, "boolean")}
    if name in text:
        function, dtype = text[name]
        return fx_rows(function, dtype, *a)

    def extract(s, p, g=0):
        m = re.search(p, s)
        return m.group(int(g)) if m else None
    return fx_rows(extract, object, *a)


def fx_out(s):
    """A result as Sluice stores it: true/false as 1.0 / 0.0."""
    return s.astype("Float64").astype(float) if str(s.dtype) == "boolean" else s
)PY";
}

}  // namespace sluice::formula
