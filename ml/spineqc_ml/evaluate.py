"""Validation during training: Dice per structure and view, level and view accuracy."""

from __future__ import annotations

import numpy as np
import torch

from .augment import make_sample
from .contract import STRUCTURES, VIEW_CLASSES
from .metrics import dice
from .phantom_folder import Film


@torch.no_grad()
def validate(net: torch.nn.Module, films: list[Film], canvas: tuple[int, int], device: torch.device) -> dict:
    net.eval()
    rng = np.random.default_rng(0)
    per_view: dict[str, dict[str, list[float]]] = {}
    level_hits = level_total = view_hits = 0
    for film in films:
        sample = make_sample(film, canvas, rng, None)
        s_logits, l_logits, v_logits = net(sample.image[None].to(device))
        pred = (torch.sigmoid(s_logits[0]) > 0.5).cpu().numpy()
        truth = sample.structures.numpy() > 0.5
        view = VIEW_CLASSES[film.view]
        scores = per_view.setdefault(view, {})
        for i, structure in enumerate(STRUCTURES):
            d = dice(pred[i], truth[i])
            if d is not None:
                scores.setdefault(structure, []).append(d)
        body = sample.levels > 0
        level_pred = l_logits[0].argmax(0).cpu()
        level_hits += int((level_pred[body] == sample.levels[body]).sum())
        level_total += int(body.sum())
        view_hits += int(int(v_logits[0].argmax()) == film.view)
    dice_by_view = {
        view: {s: float(np.mean(v)) for s, v in scores.items()} for view, scores in sorted(per_view.items())
    }
    view_means = {view: float(np.mean(list(s.values()))) for view, s in dice_by_view.items()}
    return {
        "dice": dice_by_view,
        "view_mean_dice": view_means,
        "mean_dice": float(np.mean(list(view_means.values()))),
        "level_accuracy": level_hits / max(1, level_total),
        "view_accuracy": view_hits / max(1, len(films)),
    }
