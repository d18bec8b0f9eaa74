"""Training curves as a PNG."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless: CI and servers have no display
import matplotlib.pyplot as plt  # noqa: E402


def plot_history(history: list[dict], path: Path) -> None:
    steps = [h["step"] for h in history]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for key in ("loss", "dice", "bce", "levels", "view"):
        left.plot(steps, [h["train"].get(key, float("nan")) for h in history], label=key)
    left.set_xlabel("step")
    left.set_title("training loss")
    left.set_yscale("log")
    left.legend()
    views = sorted({v for h in history for v in h["val"]["view_mean_dice"]})
    for view in views:
        right.plot(steps, [h["val"]["view_mean_dice"].get(view, float("nan")) for h in history], label=f"dice {view}")
    right.plot(steps, [h["val"]["level_accuracy"] for h in history], label="level accuracy", linestyle="--")
    right.set_xlabel("step")
    right.set_title("validation")
    right.set_ylim(0, 1)
    right.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
