#!/usr/bin/env python3
"""Time Python arch on the fits `riskml volatility --model garch` makes.

Model: GARCH(1,1), normal innovations, constant mean, arch's default backcast, fitted
with arch_model(...).fit(disp="off") as arch users do. Input: a wide CSV with a date
column first and one column per asset, holding prices (returns are 100 * log(p_t/p_{t-1}))
or, with --returns, returns already. Prints one JSON object: timings and log-likelihoods.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from arch import arch_model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("csv")
    parser.add_argument("--returns", action="store_true", help="values are returns")
    parser.add_argument("--scale", type=float, default=None,
                        help="multiplier (default 100 for prices, 1 with --returns)")
    args = parser.parse_args()

    frame = pd.read_csv(args.csv)
    frame = frame.set_index(frame.columns[0])
    scale = args.scale if args.scale is not None else (1.0 if args.returns else 100.0)
    # One untimed fit first, so imports and first-call set-up are not counted.
    warm = 100 * np.diff(np.log(np.linspace(100.0, 110.0, 300) * (1 + 0.01 * np.sin(
        np.arange(300)))))
    arch_model(warm, mean="Constant", vol="GARCH", p=1, q=1).fit(disp="off")
    logliks = {}
    fit_seconds = []
    converged = 0
    start_all = time.perf_counter()
    for column in frame.columns:
        values = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)
        if args.returns:
            r = values[np.isfinite(values)]
        else:
            prices = values[np.isfinite(values) & (values > 0)]
            r = np.diff(np.log(prices))
        r = scale * r
        started = time.perf_counter()
        result = arch_model(r, mean="Constant", vol="GARCH", p=1, q=1,
                            dist="normal", rescale=False).fit(disp="off")
        fit_seconds.append(time.perf_counter() - started)
        logliks[column] = float(result.loglikelihood)
        converged += int(result.convergence_flag == 0)
    total = time.perf_counter() - start_all
    print(json.dumps({
        "tool": "arch",
        "assets": len(logliks),
        "converged": converged,
        "total_s": total,
        "fit_s": sum(fit_seconds),
        "ms_per_fit": 1000 * sum(fit_seconds) / max(len(fit_seconds), 1),
        "loglik_sum": sum(logliks.values()),
        "logliks": logliks,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
