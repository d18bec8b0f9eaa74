"""Times PyTorch eager inference (the paper's stack) on the weights of a shipped ONNX model.

    python -m spineqc_ml.bench_eager --model ../models/spineqc-seg.onnx [--runs 30] [--threads 2]

Prints one JSON object: per-image forward time p50/p95 in ms at the model's canvas.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import torch

from .onnx_weights import eager_from_onnx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    manifest = json.loads(args.model.with_suffix(".json").read_text())
    net = eager_from_onnx(args.model, tuple(manifest["widths"]))
    x = torch.rand(1, 1, *manifest["canvas"])
    times = []
    with torch.no_grad():
        for i in range(args.runs + 3):
            start = time.perf_counter()
            net(x)
            if i >= 3:  # first runs allocate and tune; the service is warm
                times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        json.dumps(
            {
                "runtime": f"PyTorch {torch.__version__} eager",
                "threads": args.threads,
                "runs": args.runs,
                "p50Ms": statistics.median(times),
                "p95Ms": times[min(len(times) - 1, int(0.95 * len(times)))],
            }
        )
    )


if __name__ == "__main__":
    main()
