"""Writes the PyOD ECOD digest the Swift tests compare against.

Usage: bench/.venv/bin/python bench/anomaly/ecod_fixture.py SHARED_DATA_DIR OUT_JSON
Stores only digests (selected rows, sum, ROC-AUC), never the data itself.
"""
import json
import sys

import numpy as np
import pyod
from pyod.models.copod import COPOD
from pyod.models.ecod import ECOD
from sklearn.metrics import roc_auc_score


def digest(scores, labels):
    rows = sorted(set(range(50)) | set(range(0, len(scores), 100)))
    return {
        "n": int(len(scores)),
        "rows": rows,
        "scores": [float(scores[i]) for i in rows],
        "sum": float(np.sum(scores)),
        "auc": float(roc_auc_score(labels, scores)),
    }


def main():
    data_dir, out_path = sys.argv[1], sys.argv[2]
    result = {"pyod_version": pyod.__version__, "ecod": {}, "copod": {}}
    for name in ("cardio", "thyroid"):
        table = np.loadtxt(f"{data_dir}/{name}.csv", delimiter=",", skiprows=1)
        labels = table[:, -1]
        features = table[:, :-1]
        result["ecod"][name] = digest(ECOD().fit(features).decision_scores_, labels)
        result["copod"][name] = digest(COPOD().fit(features).decision_scores_, labels)
    with open(out_path, "w") as handle:
        json.dump(result, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
