"""Reads folders written by `spineqc phantom` into compact in-memory films."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from .contract import STRUCTURES, VIEW_CLASSES


@dataclass
class Film:
    id: str
    view: int
    image: np.ndarray  # (H, W) uint16, bright bone
    structures: np.ndarray  # (H, W) uint8 bit field, bit i = STRUCTURES[i]
    levels: np.ndarray  # (H, W) uint8 level codes
    qualified: bool


def film_ids(folder: Path) -> list[str]:
    return sorted(p.name[: -len(".truth.json")] for p in folder.glob("*.truth.json"))


def read_film(folder: Path, film_id: str) -> Film:
    truth = json.loads((folder / f"{film_id}.truth.json").read_text())
    image = np.asarray(Image.open(folder / f"{film_id}.png")).astype(np.uint16)
    bits = np.zeros(image.shape, dtype=np.uint8)
    for i, structure in enumerate(STRUCTURES):
        mask = np.asarray(Image.open(folder / f"{film_id}.{structure}.png")) > 0
        bits |= mask.astype(np.uint8) << i
    levels = np.asarray(Image.open(folder / f"{film_id}.levels.png")).astype(np.uint8)
    if levels.shape != image.shape:
        raise ValueError(f"{film_id}: level map {levels.shape} differs from image {image.shape}")
    return Film(
        id=film_id,
        view=VIEW_CLASSES.index(truth["view"]),
        image=image,
        structures=bits,
        levels=levels,
        qualified=bool(truth["qualified"]),
    )


def read_folder(folder: Path, limit: int | None = None) -> list[Film]:
    ids = film_ids(folder)
    if not ids:
        raise FileNotFoundError(f"{folder} holds no *.truth.json (make one with `spineqc phantom`)")
    return [read_film(folder, i) for i in ids[:limit]]


def unpack_structures(bits: np.ndarray) -> np.ndarray:
    """(H, W) bit field -> (len(STRUCTURES), H, W) float32 0/1."""
    shifts = np.arange(len(STRUCTURES), dtype=np.uint8)[:, None, None]
    return ((bits[None] >> shifts) & 1).astype(np.float32)
