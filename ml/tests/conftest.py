from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import torch

REPO = Path(__file__).resolve().parents[2]

torch.set_num_threads(2)


@pytest.fixture(scope="session")
def phantom_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few real phantom films from the project's own generator (coarse pixels, so it is quick)."""
    out = tmp_path_factory.mktemp("phantom")
    cli = REPO / "apps" / "cli" / "bin" / "spineqc.mjs"
    subprocess.run(
        [
            "node",
            str(cli),
            "phantom",
            "--out",
            str(out),
            "--count",
            "6",
            "--seed",
            "3",
            "--format",
            "png",
            "--pixel-spacing",
            "2",
        ],
        check=True,
        capture_output=True,
    )
    return out
