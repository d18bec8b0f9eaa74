"""A tiny real training run on phantom films: CI proves train -> checkpoint -> resume -> export works."""

import json
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import torch

from spineqc_ml.config import load_config
from spineqc_ml.export import export, load_net
from spineqc_ml.model import InferenceWrapper
from spineqc_ml.onnx_weights import eager_from_onnx
from spineqc_ml.train import train

CONFIG = Path(__file__).resolve().parents[1] / "configs" / "spineqc-unet.json"
TINY = {"canvas": [64, 48], "widths": [8, 16, 32], "batch_size": 2, "steps": 4, "validate_every": 2, "warmup_steps": 1}


def weights(path: Path) -> dict[str, torch.Tensor]:
    return torch.load(path, map_location="cpu")["model"]


def test_tiny_run_is_reproducible_and_resumable(phantom_dir: Path, tmp_path: Path) -> None:
    config = load_config(CONFIG, TINY)
    result = train(config, phantom_dir, phantom_dir, tmp_path / "a")
    assert len(result["history"]) == 2
    assert all(np.isfinite(h["train"]["loss"]) for h in result["history"])
    for name in ("checkpoint.pt", "best.pt", "history.json", "curves.png", "config.json"):
        assert (tmp_path / "a" / name).stat().st_size > 0

    train(config, phantom_dir, phantom_dir, tmp_path / "b")
    a, b = weights(tmp_path / "a" / "checkpoint.pt"), weights(tmp_path / "b" / "checkpoint.pt")
    assert all(torch.equal(a[k], b[k]) for k in a), "same config and seed must give the same weights"

    train(load_config(CONFIG, {**TINY, "steps": 2}), phantom_dir, phantom_dir, tmp_path / "c")
    train(config, phantom_dir, phantom_dir, tmp_path / "c", resume=True)
    c = weights(tmp_path / "c" / "checkpoint.pt")
    assert all(torch.allclose(a[k].float(), c[k].float()) for k in a), "resuming must continue the same run"


def test_export_matches_pytorch(phantom_dir: Path, tmp_path: Path) -> None:
    train(load_config(CONFIG, {**TINY, "steps": 2}), phantom_dir, phantom_dir, tmp_path / "run")
    onnx_path = tmp_path / "model.onnx"
    meta = export(tmp_path / "run" / "best.pt", onnx_path, "0.0.1-test")
    assert json.loads(onnx_path.with_suffix(".json").read_text())["sha256"] == meta["sha256"]
    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    assert json.loads(session.get_modelmeta().custom_metadata_map["spineqc"])["version"] == "0.0.1-test"
    net, _ = load_net(tmp_path / "run" / "best.pt")
    for shape in ((1, 1, 64, 48), (2, 1, 96, 80)):  # dynamic batch and size
        x = torch.rand(shape)
        expected = [t.detach().numpy() for t in InferenceWrapper(net)(x)]
        got = session.run(None, {"image": x.numpy()})
        for e, g in zip(expected, got, strict=False):
            assert g.shape == e.shape
            assert np.abs(e - g).max() == pytest.approx(0, abs=1e-4)


def test_eager_weights_from_onnx_reproduce_the_runtime(phantom_dir: Path, tmp_path: Path) -> None:
    """The eager benchmark must time exactly the shipped weights."""
    train(load_config(CONFIG, {**TINY, "steps": 2}), phantom_dir, phantom_dir, tmp_path / "run")
    onnx_path = tmp_path / "model.onnx"
    meta = export(tmp_path / "run" / "best.pt", onnx_path, "0.0.1-test")
    eager = eager_from_onnx(onnx_path, tuple(meta["widths"]))
    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    x = torch.rand(1, 1, 64, 48)
    with torch.no_grad():
        expected = [t.numpy() for t in eager(x)]
    for e, g in zip(expected, session.run(None, {"image": x.numpy()}), strict=True):
        assert np.abs(e - g).max() < 1e-4
