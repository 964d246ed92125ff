"""Time scikit-learn's LedoitWolf on synthetic returns, for comparison with riskml.

Data: T x N daily-like returns from a one-factor model (market beta ~ U(0.5, 1.5), market
vol 1 %, idiosyncratic vol 1-3 %), numpy default_rng(seed). Prints one JSON object with
the best and median wall time of `repeats` fits per size, the best process CPU time
(all threads; steadier than wall time on a shared machine) and the shrinkage found.
With --dump DIR the data are also written as raw little-endian float64, row-major
(T x N), to DIR/lw_<T>x<N>.f64 so that riskml can time the same matrix.
"""

import argparse
import json
import os
import platform
import statistics
import time

import numpy as np
import sklearn
from sklearn.covariance import LedoitWolf


def synthetic_returns(t, n, seed):
    rng = np.random.default_rng(seed)
    market = rng.normal(0.0, 0.01, size=(t, 1))
    betas = rng.uniform(0.5, 1.5, size=(1, n))
    idio = rng.normal(0.0, 1.0, size=(t, n)) * rng.uniform(0.01, 0.03, size=(1, n))
    return market @ betas + idio


def time_fit(x, repeats):
    times = []
    cpu = []
    shrinkage = None
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        model = LedoitWolf().fit(x)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        shrinkage = float(model.shrinkage_)
    return {
        "best_s": min(times),
        "median_s": statistics.median(times),
        "best_cpu_s": min(cpu),
        "shrinkage": shrinkage,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="2500x500,2500x2000", help="TxN,TxN,...")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--dump", help="folder for the raw float64 data")
    args = parser.parse_args()

    results = {
        "peer": "scikit-learn LedoitWolf",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "seed": args.seed,
        "sizes": {},
    }
    for size in args.sizes.split(","):
        t, n = (int(v) for v in size.split("x"))
        x = synthetic_returns(t, n, args.seed)
        if args.dump:
            os.makedirs(args.dump, exist_ok=True)
            x.astype("<f8").tofile(os.path.join(args.dump, f"lw_{t}x{n}.f64"))
        results["sizes"][size] = time_fit(x, args.repeats)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
