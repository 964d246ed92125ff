"""PyTorch + transformers peer for `riskml sentiment`: all-MiniLM-L6-v2 embeddings.

Usage: peer.py MODEL_DIR TEXTS_CSV THREADS BATCH
Prints one JSON object: sentences, seconds, sentences_per_second, peak_rss_mib.
Same work as riskml: tokenise, pad to the longest in each batch (max_length 256),
run the encoder, mean-pool over the attention mask and L2-normalise.
"""
import csv
import json
import resource
import sys
import time

import torch
from transformers import AutoModel, AutoTokenizer


def main():
    model_dir, texts_csv = sys.argv[1], sys.argv[2]
    threads, batch = int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    with open(texts_csv, newline="", encoding="utf-8") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()

    def run():
        for start in range(0, len(texts), batch):
            encoded = tokenizer(texts[start:start + batch], padding=True, truncation=True,
                                max_length=256, return_tensors="pt")
            with torch.inference_mode():
                states = model(**encoded).last_hidden_state
            mask = encoded["attention_mask"].unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            torch.nn.functional.normalize(pooled, dim=1)

    run()  # warm-up
    began = time.perf_counter()
    run()
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"sentences": len(texts), "seconds": round(seconds, 3),
                      "sentences_per_second": round(len(texts) / seconds, 1),
                      "peak_rss_mib": round(peak, 1), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
