#!/usr/bin/env python3
"""Write the benchmark inputs into OUT_DIR.

sp500.csv: Date and Adj Close of ../shared/data/ohlcv/sp500_1999_2018.csv (as "SP500").
stocks20.csv: the 20 stocks of ../shared/data/prices/sp500_20_stocks_1990_2022.csv.
synthetic.csv: 500 GARCH(1,1) return series (percent) of 2,500 days, seed 20240601.
"""
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def main(shared: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    sp = pd.read_csv(shared / "data/ohlcv/sp500_1999_2018.csv")
    sp[["Date", "Adj Close"]].rename(columns={"Adj Close": "SP500"}).to_csv(
        out / "sp500.csv", index=False)
    pd.read_csv(shared / "data/prices/sp500_20_stocks_1990_2022.csv").to_csv(
        out / "stocks20.csv", index=False)

    rng = np.random.default_rng(20240601)
    assets, days, burn = 500, 2500, 500
    omega = rng.uniform(0.01, 0.1, assets)
    alpha = rng.uniform(0.03, 0.15, assets)
    beta = np.minimum(rng.uniform(0.75, 0.95, assets), 0.985 - alpha)
    mu = rng.uniform(-0.02, 0.08, assets)
    s2 = omega / (1 - alpha - beta)
    returns = np.empty((days, assets))
    eps = np.zeros(assets)
    for t in range(days + burn):
        s2 = omega + alpha * eps**2 + beta * s2
        eps = np.sqrt(s2) * rng.standard_normal(assets)
        if t >= burn:
            returns[t - burn] = mu + eps
    dates = pd.bdate_range("2010-01-04", periods=days).strftime("%Y-%m-%d")
    frame = pd.DataFrame(returns, columns=[f"A{i:03d}" for i in range(assets)])
    frame.insert(0, "Date", dates)
    frame.to_csv(out / "synthetic.csv", index=False, float_format="%.10g")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
