#!/usr/bin/python3
"""Writes the bundled shop dataset: resources/datasets/shop_customers.csv and
shop_orders.csv, a made-up web shop whose customers place dated orders and
some of whom leave (the churned column). Deterministic: the same files on
every machine (numpy's RandomState with a fixed seed; numpy 1.24).

The story, so the files teach something: each customer has a hidden
engagement; engaged customers order more often, spend more and write kinder
reviews; customers with low engagement, a basic plan, or a short tenure
churn more, and a churned customer's orders stop some weeks before the end
of 2024. So churn shows in recency, frequency, spend, plan and reviews, but
none of them decides it alone.

Usage: /usr/bin/python3 scripts/generate_shop_dataset.py [OUT_DIR]
"""
import os
import sys

import numpy as np
import pandas as pd

END = pd.Timestamp("2024-12-31 23:59:59")
KIND = ["great value", "fast delivery", "love it", "as described", "will buy again",
        "good quality", "quick and easy"]
UNKIND = ["late again", "item broken", "poor packaging", "never again", "too expensive",
          "wrong size", "slow support"]


def main(out_dir):
    rng = np.random.RandomState(20261207)
    n = 1000
    engagement = rng.normal(size=n)
    plan = rng.choice(["basic", "plus", "pro"], size=n, p=[0.5, 0.35, 0.15])
    region = rng.choice(["north", "south", "east", "west"], size=n, p=[0.3, 0.3, 0.25, 0.15])
    age = np.clip(rng.normal(42, 13, size=n).round(), 18, 80).astype(int)
    start = pd.Timestamp("2022-01-01").value // 10**9
    stop = pd.Timestamp("2024-06-30").value // 10**9
    signup_s = rng.randint(start, stop, size=n) // 86400 * 86400
    signup = pd.to_datetime(signup_s, unit="s")
    tenure_years = (END - signup).days / 365.0
    plan_effect = np.select([plan == "basic", plan == "plus"], [0.6, 0.0], -0.7)
    logit = -0.9 - 1.3 * engagement + plan_effect - 0.35 * (tenure_years - 1.5)
    churned = rng.uniform(size=n) < 1 / (1 + np.exp(-logit))

    customers = pd.DataFrame({
        "customer_id": [f"C{i + 1:04d}" for i in range(n)],
        "signup": signup.strftime("%Y-%m-%d"),
        "region": region,
        "plan": plan,
        "age": age,
        "churned": np.where(churned, "yes", "no"),
    })

    rows = []
    order_id = 0
    for i in range(n):
        per_year = np.exp(1.3 + 0.55 * engagement[i] + (0.3 if plan[i] == "pro" else 0.0))
        first = signup[i]
        last = END - pd.Timedelta(days=int(rng.randint(20, 200))) if churned[i] else END
        span_days = max((last - first).days, 1)
        count = rng.poisson(per_year * span_days / 365.0)
        times = np.sort(rng.uniform(0, span_days * 86400, size=count))
        for t in times:
            order_id += 1
            placed = first + pd.Timedelta(seconds=int(t))
            kind_review = rng.uniform() < 1 / (1 + np.exp(-(0.4 + 1.2 * engagement[i])))
            review = ""
            if rng.uniform() < 0.35:
                review = str(rng.choice(KIND if kind_review else UNKIND))
            amount = np.exp(rng.normal(3.4 + 0.2 * engagement[i] +
                                       {"basic": 0.0, "plus": 0.25, "pro": 0.5}[plan[i]], 0.6))
            rows.append({
                "order_id": f"O{order_id:05d}",
                "customer_id": customers.customer_id[i],
                "placed": placed.strftime("%Y-%m-%d %H:%M:%S"),
                "channel": str(rng.choice(["web", "app", "store"], p=[0.5, 0.35, 0.15])),
                "items": int(1 + rng.poisson(1.2)),
                "amount": round(float(amount), 2),
                "review": review,
            })
    orders = pd.DataFrame(rows)
    os.makedirs(out_dir, exist_ok=True)
    customers.to_csv(os.path.join(out_dir, "shop_customers.csv"), index=False)
    orders.to_csv(os.path.join(out_dir, "shop_orders.csv"), index=False)
    print(f"{len(customers)} customers ({churned.mean():.0%} churned), {len(orders)} orders")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "resources", "datasets"))
