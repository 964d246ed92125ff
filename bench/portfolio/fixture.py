"""Regenerates Tests/RiskMLModelsTests/Portfolio/PyPortfolioOptFixture.swift's numbers:
PyPortfolioOpt HRP, expected returns and efficient-frontier weights on the 20 stocks of
../shared/data/prices/sp500_20_stocks_1990_2022.csv from 2018-01-01. The main results go to
stdout as JSON, the constrained ones to stderr."""
import sys, json, pandas as pd, numpy as np, pypfopt, scipy
from pypfopt import HRPOpt, EfficientFrontier, expected_returns
p = pd.read_csv("../shared/data/prices/sp500_20_stocks_1990_2022.csv",
                index_col=0, parse_dates=True)
p = p[p.index >= "2018-01-01"]
r = p.pct_change().dropna(how="all")
out = {"pyportfolioopt": pypfopt.__version__ if hasattr(pypfopt, "__version__") else "1.6.0",
       "scipy": scipy.__version__}
for link in ["single", "average", "ward"]:
    h = HRPOpt(r); w = h.optimize(linkage_method=link)
    out["hrp_" + link] = [w[a] for a in r.columns]
S = r.cov() * 252
mu = expected_returns.mean_historical_return(p)
out["cagr"] = list(mu.values)
out["mean"] = list(expected_returns.mean_historical_return(p, compounding=False).values)
out["ewma"] = list(expected_returns.ema_historical_return(p).values)
ef = EfficientFrontier(mu, S); w = ef.max_sharpe(risk_free_rate=0.02)
out["max_sharpe_rf002"] = [w[a] for a in r.columns]
ef = EfficientFrontier(mu, S); w = ef.efficient_return(0.15)
out["efficient_return_015"] = [w[a] for a in r.columns]
ef = EfficientFrontier(mu, S); w = ef.efficient_risk(0.22)
out["efficient_risk_022"] = [w[a] for a in r.columns]
ef = EfficientFrontier(mu, S); w = ef.max_quadratic_utility(risk_aversion=2)
out["max_quadratic_utility_2"] = [w[a] for a in r.columns]
print(json.dumps(out, indent=1))
ef = EfficientFrontier(mu, S, weight_bounds=(0, 0.3)); w = ef.max_sharpe(risk_free_rate=0.02)
extra = {"max_sharpe_rf002_cap03": [w[a] for a in r.columns]}
sectors = {a: ("tech" if a in ("AAPL", "AMD", "MSFT") else "health" if a in
           ("JNJ", "LLY", "MRK", "PFE", "UNH") else "other") for a in r.columns}
ef = EfficientFrontier(mu, S)
ef.add_sector_constraints(sectors, {"tech": 0.1}, {"health": 0.25})
w = ef.min_volatility()
extra["min_volatility_health_max025_tech_min01"] = [w[a] for a in r.columns]
print(json.dumps(extra), file=sys.stderr)
