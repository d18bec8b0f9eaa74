"""Training loss: BCE + soft Dice on the structures, cross-entropy on levels and view."""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class LossWeights:
    dice: float = 1.0
    bce: float = 1.0
    levels: float = 0.5
    view: float = 0.2


def soft_dice_loss(logits: torch.Tensor, target: torch.Tensor, eps: float = 1.0) -> torch.Tensor:
    """1 - Dice per structure over the whole batch (so a structure absent from one view does not
    divide by zero), averaged over structures present in the batch."""
    prob = torch.sigmoid(logits)
    dims = (0, 2, 3)
    intersection = (prob * target).sum(dims)
    denominator = prob.sum(dims) + target.sum(dims)
    dice = (2 * intersection + eps) / (denominator + eps)
    present = target.sum(dims) > 0
    if not present.any():
        return prob.mean()  # nothing to find: push every probability down
    return 1 - dice[present].mean()


def total_loss(
    outputs: tuple[torch.Tensor, torch.Tensor, torch.Tensor],
    structures: torch.Tensor,
    levels: torch.Tensor,
    view: torch.Tensor,
    weights: LossWeights,
) -> tuple[torch.Tensor, dict[str, float]]:
    s_logits, l_logits, v_logits = outputs
    dice = soft_dice_loss(s_logits, structures)
    bce = F.binary_cross_entropy_with_logits(s_logits, structures)
    level_ce = F.cross_entropy(l_logits, levels)
    view_ce = F.cross_entropy(v_logits, view)
    loss = weights.dice * dice + weights.bce * bce + weights.levels * level_ce + weights.view * view_ce
    parts = {"dice": dice.item(), "bce": bce.item(), "levels": level_ce.item(), "view": view_ce.item()}
    return loss, parts
