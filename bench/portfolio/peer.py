"""Peer timings for bench/portfolio: PyPortfolioOpt minimum variance (500 assets) and HRP
(200 assets), scikit-learn Ledoit-Wolf (2,000 assets), on synthetic factor-structured
returns of 2,500 days; writes the returns as CSV for riskml.

Usage: peer.py OUTDIR  (prints one JSON line per measurement)
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd
import pypfopt
import sklearn
from pypfopt import EfficientFrontier, HRPOpt
from sklearn.covariance import LedoitWolf

DAYS = 2500
SEED = 20240601


def synthetic_returns(assets, seed=SEED):
    """Daily returns from 5 factors plus idiosyncratic noise, fixed seed."""
    rng = np.random.default_rng(seed)
    factors = rng.normal(0.0, 0.01, size=(DAYS, 5))
    loadings = rng.normal(0.0, 1.0, size=(5, assets)) * np.array([[1.0, .6, .4, .3, .2]]).T
    loadings[0] = np.abs(loadings[0]) + 0.5
    noise = rng.normal(0.0, 1.0, size=(DAYS, assets)) * rng.uniform(0.005, 0.02, assets)
    data = 0.0003 + factors @ loadings + noise
    names = ["A%04d" % i for i in range(assets)]
    dates = pd.bdate_range("2010-01-04", periods=DAYS)
    return pd.DataFrame(data, index=dates.strftime("%Y-%m-%d"), columns=names)


def best_of(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "bench/out"
    os.makedirs(out, exist_ok=True)
    version = pypfopt.__version__ if hasattr(pypfopt, "__version__") else "1.6"

    r500 = synthetic_returns(500)
    r500.to_csv(os.path.join(out, "returns_500.csv"), index_label="Date")
    cov = r500.cov() * 252

    def min_variance():
        ef = EfficientFrontier(None, cov, weight_bounds=(0, 1))
        return ef.min_volatility()

    seconds, weights = best_of(min_variance, 5)
    w = np.array([weights[a] for a in r500.columns])
    print(json.dumps({"task": "min-variance-500", "peer": "pyportfolioopt " + version,
                      "seconds": seconds, "volatility": float(np.sqrt(w @ cov.values @ w)),
                      "nonzero": int((w > 1e-6).sum())}))

    r200 = synthetic_returns(200, SEED + 1)
    r200.to_csv(os.path.join(out, "returns_200.csv"), index_label="Date")
    seconds, weights = best_of(lambda: HRPOpt(r200).optimize(), 5)
    print(json.dumps({"task": "hrp-200", "peer": "pyportfolioopt " + version,
                      "seconds": seconds, "max_weight": float(max(weights.values()))}))

    r2000 = synthetic_returns(2000, SEED + 2)
    path = os.path.join(out, "returns_2000.csv")
    r2000.to_csv(path, index_label="Date")
    seconds, model = best_of(lambda: LedoitWolf().fit(r2000.values), 3)
    read_seconds, _ = best_of(lambda: pd.read_csv(path, index_col=0), 1)
    print(json.dumps({"task": "ledoit-wolf-2000", "peer": "scikit-learn " + sklearn.__version__,
                      "seconds": seconds, "read_csv_seconds": read_seconds,
                      "shrinkage": float(model.shrinkage_)}))


if __name__ == "__main__":
    main()
