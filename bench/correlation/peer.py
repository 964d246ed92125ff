"""scikit-learn's LedoitWolf on a returns CSV, timed as riskml is: read + fit, and fit alone.

Usage: peer.py FILE [--repeats N]. Prints one JSON object: read seconds (pandas),
best fit seconds over the repeats, and the shrinkage.
"""

import argparse
import json
import time

import pandas as pd
import sklearn
from sklearn.covariance import LedoitWolf


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    x = pd.read_csv(args.file).to_numpy()
    read_s = time.perf_counter() - start

    fits = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        model = LedoitWolf().fit(x)
        fits.append(time.perf_counter() - start)
    print(json.dumps({"peer": f"scikit-learn {sklearn.__version__} LedoitWolf",
                      "read_s": read_s, "fit_s": min(fits),
                      "shrinkage": float(model.shrinkage_)}))


if __name__ == "__main__":
    main()
