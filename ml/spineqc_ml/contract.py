"""The model's input/output contract, shared with libs/segmentation (TypeScript).

Anything changed here must change in `libs/segmentation/src/contract.ts` too; the exported
model carries these values in its metadata so the runtime can check them.
"""

from __future__ import annotations

# Order of the structure channels; kebab-case names as in DESIGN.md and the phantom's file names.
STRUCTURES: tuple[str, ...] = (
    "vertebral-body",
    "l3-double-contour",
    "spinous-process",
    "pedicle",
    "inferior-articular-process",
    "intervertebral-foramen",
    "sacrum",
    "pelvis",
)

# Level codes of the level map: 0 background, T6 = 1 ... L5 = 12.
LEVELS: tuple[str, ...] = ("T6", "T7", "T8", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5")
LEVEL_CLASSES = len(LEVELS) + 1

# View classes of the view head. "other" = not a lumbar spine radiograph (abstain).
VIEW_CLASSES: tuple[str, ...] = ("ap", "lateral", "oblique", "other")

# Robust intensity normalisation: these percentiles of the content map to 0 and 1.
LOW_PERCENTILE = 0.01
HIGH_PERCENTILE = 0.99
