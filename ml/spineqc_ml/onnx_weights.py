"""Loads the weights of an exported ONNX model back into an eager PyTorch network.

The exporter folds each BatchNorm into the convolution before it, so the eager network used
here is the same U-Net with BatchNorm already folded (identity) and the ONNX Conv weights put
into the convolutions in execution order. Used to time PyTorch eager (the paper's stack) on
exactly the shipped weights.
"""

from __future__ import annotations

from pathlib import Path

import onnx
import torch
from onnx import numpy_helper
from torch import nn

from .model import InferenceWrapper, ScseUNet


def fold_batchnorm(net: ScseUNet) -> ScseUNet:
    """Replaces every Conv→BatchNorm pair with one biased Conv (as the ONNX exporter does)."""
    for module in net.modules():
        if isinstance(module, nn.Sequential):
            for i in range(len(module) - 1):
                conv, bn = module[i], module[i + 1]
                if isinstance(conv, nn.Conv2d) and isinstance(bn, nn.BatchNorm2d):
                    module[i] = torch.nn.utils.fusion.fuse_conv_bn_eval(conv.eval(), bn.eval())
                    module[i + 1] = nn.Identity()
    return net


def eager_from_onnx(path: Path, widths: tuple[int, ...]) -> InferenceWrapper:
    model = onnx.load(str(path))
    weights = {t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in model.graph.initializer}
    net = fold_batchnorm(ScseUNet(widths).eval())
    convs = [m for m in net.modules() if isinstance(m, nn.Conv2d)]
    conv_nodes = [n for n in model.graph.node if n.op_type == "Conv"]
    if len(convs) != len(conv_nodes):
        raise ValueError(f"{path}: {len(conv_nodes)} Conv nodes, the network has {len(convs)} convolutions")
    for conv, node in zip(convs, conv_nodes, strict=True):
        weight, bias = weights[node.input[1]], weights[node.input[2]]
        if weight.shape != conv.weight.shape:
            raise ValueError(f"{path}: {node.name} weight {tuple(weight.shape)} != {tuple(conv.weight.shape)}")
        conv.weight.data.copy_(weight)
        conv.bias.data.copy_(bias)
    gemm = next(n for n in model.graph.node if n.op_type == "Gemm")
    net.view.weight.data.copy_(weights[gemm.input[1]])
    net.view.bias.data.copy_(weights[gemm.input[2]])
    return InferenceWrapper(net).eval()
