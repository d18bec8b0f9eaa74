"""Dice per structure, as the paper's Table 2 reports it."""

from __future__ import annotations

import numpy as np


def dice(pred: np.ndarray, truth: np.ndarray) -> float | None:
    """Dice of two boolean masks; None when both are empty (nothing to score)."""
    p = pred.astype(bool)
    t = truth.astype(bool)
    total = int(p.sum()) + int(t.sum())
    if total == 0:
        return None
    return 2.0 * float(np.logical_and(p, t).sum()) / total
