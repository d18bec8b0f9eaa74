"""Image pre-processing, identical to the runtime's (libs/segmentation/src/preprocess.ts).

The image (bright bone, already windowed/inverted by the decoder) is fitted into the model's
canvas preserving its aspect ratio, area-averaged (adaptive average pooling bins, which the
runtime reproduces exactly), normalised by robust percentiles of the fitted content, and padded
with zeros around the centred content.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F

from .contract import HIGH_PERCENTILE, LOW_PERCENTILE


@dataclass(frozen=True)
class Placement:
    """Where the fitted content sits inside the canvas."""

    top: int
    left: int
    height: int
    width: int


def fit_size(height: int, width: int, canvas_h: int, canvas_w: int) -> tuple[int, int]:
    scale = min(canvas_h / height, canvas_w / width)
    return max(1, min(canvas_h, round(height * scale))), max(1, min(canvas_w, round(width * scale)))


def placement(height: int, width: int, canvas_h: int, canvas_w: int) -> Placement:
    fh, fw = fit_size(height, width, canvas_h, canvas_w)
    return Placement(top=(canvas_h - fh) // 2, left=(canvas_w - fw) // 2, height=fh, width=fw)


def area_resize(image: torch.Tensor, height: int, width: int) -> torch.Tensor:
    """Area-average resize of a (C, H, W) or (H, W) float tensor (adaptive average pooling bins)."""
    squeeze = image.dim() == 2
    x = image[None, None] if squeeze else image[None]
    out = F.adaptive_avg_pool2d(x, (height, width))[0]
    return out[0] if squeeze else out


def percentile_normalise(content: torch.Tensor) -> torch.Tensor:
    """Maps the content's LOW/HIGH percentiles to 0/1 and clips."""
    flat = content.flatten().sort().values
    n = flat.numel()
    lo = flat[min(n - 1, int(LOW_PERCENTILE * (n - 1)))]
    hi = flat[min(n - 1, int(HIGH_PERCENTILE * (n - 1)))]
    span = torch.clamp(hi - lo, min=1e-6)
    return torch.clamp((content - lo) / span, 0.0, 1.0)


def to_canvas(image: torch.Tensor, canvas_h: int, canvas_w: int) -> tuple[torch.Tensor, Placement]:
    """(H, W) float image -> (canvas_h, canvas_w) model input and the content placement."""
    place = placement(image.shape[0], image.shape[1], canvas_h, canvas_w)
    content = percentile_normalise(area_resize(image.float(), place.height, place.width))
    canvas = torch.zeros((canvas_h, canvas_w), dtype=torch.float32)
    canvas[place.top : place.top + place.height, place.left : place.left + place.width] = content
    return canvas, place
