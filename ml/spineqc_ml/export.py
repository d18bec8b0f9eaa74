"""Exports a checkpoint to ONNX (dynamic batch and size) with the contract in its metadata.

    /usr/bin/python3 -m spineqc_ml.export --checkpoint runs/NAME/best.pt --out ../models/spineqc-seg-v1.onnx \
        --version 1.0.0
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import torch

from .contract import HIGH_PERCENTILE, LEVELS, LOW_PERCENTILE, STRUCTURES, VIEW_CLASSES
from .model import InferenceWrapper, ScseUNet

OPSET = 17


def load_net(checkpoint: Path) -> tuple[ScseUNet, dict]:
    state = torch.load(checkpoint, map_location="cpu")
    config = state["config"]
    net = ScseUNet(tuple(config["widths"]))
    net.load_state_dict(state["model"])
    net.eval()
    return net, state


def export(checkpoint: Path, out: Path, version: str) -> dict:
    net, state = load_net(checkpoint)
    config = state["config"]
    canvas = tuple(config["canvas"])
    metadata = {
        "name": "spineqc-seg",
        "version": version,
        "canvas": list(canvas),
        "stride": net.stride,
        "widths": list(net.widths),
        "structures": list(STRUCTURES),
        "levels": list(LEVELS),
        "views": list(VIEW_CLASSES),
        "normalisation": {"lowPercentile": LOW_PERCENTILE, "highPercentile": HIGH_PERCENTILE},
        "trainedSteps": state["step"],
        "seed": config["seed"],
    }
    dummy = torch.zeros((1, 1, *canvas))
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(
        InferenceWrapper(net),
        dummy,
        str(out),
        input_names=["image"],
        output_names=["structures", "levels", "view"],
        dynamic_axes={
            "image": {0: "batch", 2: "height", 3: "width"},
            "structures": {0: "batch", 2: "height", 3: "width"},
            "levels": {0: "batch", 2: "height", 3: "width"},
            "view": {0: "batch"},
        },
        opset_version=OPSET,
        do_constant_folding=True,
    )
    add_metadata(out, metadata)
    metadata["sha256"] = hashlib.sha256(out.read_bytes()).hexdigest()
    metadata["bytes"] = out.stat().st_size
    out.with_suffix(".json").write_text(json.dumps(metadata, indent=2) + "\n")
    return metadata


def add_metadata(path: Path, metadata: dict) -> None:
    """Stores the contract as ONNX metadata_props so the runtime can check it without a side file.

    torch 1.13 exports without the `onnx` package; the metadata is appended as a raw protobuf
    field (ModelProto.metadata_props = 14, StringStringEntryProto{key = 1, value = 2})."""
    entry = _field(1, b"spineqc") + _field(2, json.dumps(metadata, separators=(",", ":")).encode())
    with path.open("ab") as f:
        f.write(_field(14, entry))


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--version", required=True, help="semantic version recorded in every verdict")
    args = parser.parse_args()
    metadata = export(args.checkpoint, args.out, args.version)
    print(json.dumps(metadata, indent=2))


if __name__ == "__main__":
    main()
