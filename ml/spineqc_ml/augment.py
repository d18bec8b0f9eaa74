"""Training samples: random field-of-view crop, flips, and the intensity changes that separate
one DR vendor's processing from another's, so the model transfers beyond the phantom."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from .contract import VIEW_CLASSES
from .phantom_folder import Film, unpack_structures
from .preprocess import area_resize, percentile_normalise, placement


@dataclass(frozen=True)
class AugmentConfig:
    crop_min: float = 0.7  # smallest kept fraction of each side (field-of-view change)
    flip: float = 0.5
    gamma: tuple[float, float] = (0.6, 1.6)
    noise_max: float = 0.06
    blur_max: float = 1.2  # Gaussian sigma in canvas pixels
    unsharp_max: float = 1.5  # edge enhancement amount, as vendor processing does
    contrast_curve: float = 0.5  # probability of an S-shaped tone curve
    negative: float = 0.06  # probability of a non-spine image (teaches abstention)


@dataclass
class Sample:
    image: torch.Tensor  # (1, H, W)
    structures: torch.Tensor  # (S, H, W) soft 0..1
    levels: torch.Tensor  # (H, W) int64
    view: int


def make_sample(film: Film, canvas: tuple[int, int], rng: np.random.Generator, cfg: AugmentConfig | None) -> Sample:
    ch, cw = canvas
    image = torch.from_numpy(film.image.astype(np.float32))
    structures = torch.from_numpy(unpack_structures(film.structures))
    levels = torch.from_numpy(film.levels.astype(np.float32))
    if cfg is not None:
        if rng.random() < cfg.negative:
            return negative_sample(canvas, rng, image)
        image, structures, levels = random_crop(image, structures, levels, rng, cfg.crop_min)
        if rng.random() < cfg.flip:
            image, structures, levels = image.flip(-1), structures.flip(-1), levels.flip(-1)
    place = placement(image.shape[0], image.shape[1], ch, cw)
    content = percentile_normalise(area_resize(image, place.height, place.width))
    if cfg is not None:
        content = intensity(content, rng, cfg)
    fitted_structures = area_resize(structures, place.height, place.width)
    fitted_levels = F.interpolate(levels[None, None], size=(place.height, place.width), mode="nearest")[0, 0]
    img = torch.zeros((1, ch, cw))
    st = torch.zeros((structures.shape[0], ch, cw))
    lv = torch.zeros((ch, cw), dtype=torch.int64)
    rows = slice(place.top, place.top + place.height)
    cols = slice(place.left, place.left + place.width)
    img[0, rows, cols] = content
    st[:, rows, cols] = fitted_structures
    lv[rows, cols] = fitted_levels.long()
    return Sample(img, st, lv, film.view)


def random_crop(
    image: torch.Tensor, structures: torch.Tensor, levels: torch.Tensor, rng: np.random.Generator, crop_min: float
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    h, w = image.shape
    if rng.random() < 0.4:  # keep the whole field often: the rules judge the field as exposed
        return image, structures, levels
    ch = int(h * rng.uniform(crop_min, 1.0))
    cw = int(w * rng.uniform(crop_min, 1.0))
    top = int(rng.integers(0, h - ch + 1))
    left = int(rng.integers(0, w - cw + 1))
    return (
        image[top : top + ch, left : left + cw],
        structures[:, top : top + ch, left : left + cw],
        levels[top : top + ch, left : left + cw],
    )


def intensity(x: torch.Tensor, rng: np.random.Generator, cfg: AugmentConfig) -> torch.Tensor:
    x = x.clamp(0, 1) ** float(rng.uniform(*cfg.gamma))
    if rng.random() < cfg.contrast_curve:
        k = float(rng.uniform(3, 8))
        x = torch.sigmoid(k * (x - 0.5))
        x = (x - x.min()) / (x.max() - x.min()).clamp(min=1e-6)
    sigma = float(rng.uniform(0, cfg.blur_max))
    if sigma > 0.3:
        x = gaussian_blur(x, sigma)
    amount = float(rng.uniform(0, cfg.unsharp_max))
    if amount > 0.2:
        x = (x + amount * (x - gaussian_blur(x, 3.0))).clamp(0, 1)
    noise = float(rng.uniform(0, cfg.noise_max))
    if noise > 0:
        gen = torch.Generator().manual_seed(int(rng.integers(0, 2**31)))
        x = (x + noise * torch.randn(x.shape, generator=gen)).clamp(0, 1)
    return x


def gaussian_blur(x: torch.Tensor, sigma: float) -> torch.Tensor:
    radius = max(1, math.ceil(2.5 * sigma))
    t = torch.arange(-radius, radius + 1, dtype=torch.float32)
    kernel = torch.exp(-(t**2) / (2 * sigma**2))
    kernel = kernel / kernel.sum()
    y = x[None, None]
    y = F.conv2d(F.pad(y, (radius, radius, 0, 0), mode="replicate"), kernel.view(1, 1, 1, -1))
    y = F.conv2d(F.pad(y, (0, 0, radius, radius), mode="replicate"), kernel.view(1, 1, -1, 1))
    return y[0, 0]


def negative_sample(canvas: tuple[int, int], rng: np.random.Generator, film_image: torch.Tensor) -> Sample:
    """An image that is not a lumbar spine radiograph: blank detector, noise, smooth shapes,
    or a spine film cut into shuffled tiles (bone texture without anatomy)."""
    ch, cw = canvas
    gen = torch.Generator().manual_seed(int(rng.integers(0, 2**31)))
    kind = int(rng.integers(0, 4))
    if kind == 0:
        x = torch.full((ch, cw), float(rng.uniform(0, 1))) + float(rng.uniform(0, 0.05)) * torch.randn(
            (ch, cw), generator=gen
        )
    elif kind == 1:
        x = torch.rand((ch, cw), generator=gen)
    elif kind == 2:
        low = torch.rand((1, 1, 6, 5), generator=gen)
        x = F.interpolate(low, size=(ch, cw), mode="bicubic", align_corners=False)[0, 0]
    else:
        fitted = percentile_normalise(area_resize(film_image, ch, cw))
        tile = 32
        tiles = [fitted[r : r + tile, c : c + tile] for r in range(0, ch, tile) for c in range(0, cw, tile)]
        order = rng.permutation(len(tiles))
        rows = []
        per_row = cw // tile
        for r in range(ch // tile):
            rows.append(torch.cat([tiles[order[r * per_row + c]] for c in range(per_row)], dim=1))
        x = torch.cat(rows, dim=0)
    x = x.clamp(0, 1)
    return Sample(
        image=x[None],
        structures=torch.zeros((8, ch, cw)),
        levels=torch.zeros((ch, cw), dtype=torch.int64),
        view=VIEW_CLASSES.index("other"),
    )
