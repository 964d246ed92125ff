"""Times scikit-learn's IsolationForest and PyOD's ECOD on a synthetic table.

Usage: python peer.py generate OUT.csv [ROWS]   write the table (fixed seed)
       python peer.py time IN.csv               time the peers, print one line each

The table has 8 Gaussian features with mild correlation; 0.5 % of the rows are shifted
by 5 to 8 standard deviations on two random features (the injected anomalies), marked
in the last column `is_anomaly`.
"""
import resource
import sys
import time

import numpy as np


def generate(path, rows):
    rng = np.random.default_rng(20240601)
    mixing = np.eye(8) + 0.3 * rng.standard_normal((8, 8))
    features = rng.standard_normal((rows, 8)) @ mixing
    labels = np.zeros(rows, dtype=int)
    chosen = rng.choice(rows, size=rows // 200, replace=False)
    for row in chosen:
        columns = rng.choice(8, size=2, replace=False)
        features[row, columns] += rng.choice([-1, 1], 2) * rng.uniform(5, 8, 2)
    labels[chosen] = 1
    header = ",".join([f"f{i}" for i in range(8)] + ["is_anomaly"])
    table = np.column_stack([features, labels])
    np.savetxt(path, table, delimiter=",", header=header, comments="",
               fmt=["%.10g"] * 8 + ["%d"])


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds():
    """User + system CPU time of this process and its finished children (joblib)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label, fit, score, features, labels):
    from sklearn.metrics import roc_auc_score
    start, cpu_start = time.perf_counter(), cpu_seconds()
    model = fit(features)
    fitted, cpu_fitted = time.perf_counter(), cpu_seconds()
    scores = score(model, features)
    done, cpu_done = time.perf_counter(), cpu_seconds()
    auc = roc_auc_score(labels, scores)
    print(f"{label} fit_s={fitted - start:.3f} score_s={done - fitted:.3f} "
          f"total_s={done - start:.3f} fit_cpu_s={cpu_fitted - cpu_start:.3f} "
          f"score_cpu_s={cpu_done - cpu_fitted:.3f} auc={auc:.4f} peak_rss_mib={peak_mib():.0f}",
          flush=True)


def time_peers(path):
    from pyod.models.ecod import ECOD
    from sklearn.ensemble import IsolationForest
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    features, labels = table[:, :-1], table[:, -1]
    del table
    print(f"loaded rows={len(features)} peak_rss_mib={peak_mib():.0f}", flush=True)
    timed("sklearn-iforest",
          lambda x: IsolationForest(n_estimators=100, n_jobs=2, random_state=0).fit(x),
          lambda m, x: -m.score_samples(x), features, labels)
    timed("pyod-ecod", lambda x: ECOD().fit(x), lambda m, x: m.decision_scores_,
          features, labels)


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000)
    else:
        time_peers(sys.argv[2])
