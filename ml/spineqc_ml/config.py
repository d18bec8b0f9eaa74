"""Training configuration: one JSON file plus the seed reproduce a run."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from .augment import AugmentConfig
from .losses import LossWeights


@dataclass(frozen=True)
class TrainConfig:
    seed: int = 20261127
    canvas: tuple[int, int] = (256, 192)
    widths: tuple[int, ...] = (16, 32, 64, 128, 256)
    batch_size: int = 8
    steps: int = 2400
    learning_rate: float = 2e-3
    weight_decay: float = 1e-4
    warmup_steps: int = 100
    validate_every: int = 200
    threads: int = 2
    augment: AugmentConfig = field(default_factory=AugmentConfig)
    loss: LossWeights = field(default_factory=LossWeights)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def load_config(path: Path, overrides: dict[str, Any] | None = None) -> TrainConfig:
    raw: dict[str, Any] = json.loads(path.read_text())
    raw.update(overrides or {})
    known = {f.name for f in fields(TrainConfig)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ValueError(f"{path}: unknown keys {', '.join(unknown)}")
    augment = AugmentConfig(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.pop("augment", {}).items()})
    loss = LossWeights(**raw.pop("loss", {}))
    for key in ("canvas", "widths"):
        if key in raw:
            raw[key] = tuple(raw[key])
    config = TrainConfig(**raw, augment=augment, loss=loss)
    if any(c % 2 ** (len(config.widths) - 1) for c in config.canvas):
        raise ValueError(f"{path}: canvas {config.canvas} must be a multiple of {2 ** (len(config.widths) - 1)}")
    return config
