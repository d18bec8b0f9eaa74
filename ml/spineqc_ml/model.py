"""U-Net with concurrent spatial and channel squeeze-and-excitation (scSE) after every encoder and
decoder block (Roy et al. 2018, as in Chen et al. 2022), with three heads:

- structures: one sigmoid per structure (multi-label, structures overlap in projection);
- levels: a softmax over background + T6..L5 per pixel, so vertebral bodies carry their level;
- view: AP / lateral / oblique / other from the bottleneck, "other" meaning not a lumbar film.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from .contract import LEVEL_CLASSES, STRUCTURES, VIEW_CLASSES


class SCSE(nn.Module):
    def __init__(self, channels: int, reduction: int = 8) -> None:
        super().__init__()
        hidden = max(4, channels // reduction)
        self.channel = nn.Sequential(
            nn.AdaptiveAvgPool2d(1),
            nn.Conv2d(channels, hidden, 1),
            nn.ReLU(inplace=True),
            nn.Conv2d(hidden, channels, 1),
            nn.Sigmoid(),
        )
        self.spatial = nn.Sequential(nn.Conv2d(channels, 1, 1), nn.Sigmoid())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.channel(x) + x * self.spatial(x)


class ConvBlock(nn.Module):
    def __init__(self, cin: int, cout: int) -> None:
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding=1, bias=False),
            nn.BatchNorm2d(cout),
            nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False),
            nn.BatchNorm2d(cout),
            nn.ReLU(inplace=True),
        )
        self.scse = SCSE(cout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.scse(self.body(x))


class ScseUNet(nn.Module):
    def __init__(self, widths: tuple[int, ...] = (16, 32, 64, 128, 256)) -> None:
        super().__init__()
        self.widths = widths
        self.encoders = nn.ModuleList()
        cin = 1
        for w in widths:
            self.encoders.append(ConvBlock(cin, w))
            cin = w
        self.decoders = nn.ModuleList()
        for skip, w in zip(reversed(widths[:-1]), reversed(widths[1:]), strict=False):
            self.decoders.append(ConvBlock(w + skip, skip))
        self.structures = nn.Conv2d(widths[0], len(STRUCTURES), 1)
        self.levels = nn.Conv2d(widths[0], LEVEL_CLASSES, 1)
        self.view = nn.Linear(widths[-1], len(VIEW_CLASSES))

    @property
    def stride(self) -> int:
        return 2 ** (len(self.widths) - 1)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Returns logits: structures (N, S, H, W), levels (N, L, H, W), view (N, V)."""
        skips = []
        for i, encoder in enumerate(self.encoders):
            if i:
                x = F.max_pool2d(x, 2)
            x = encoder(x)
            skips.append(x)
        view = self.view(torch.mean(x, dim=(2, 3)))
        for decoder, skip in zip(self.decoders, reversed(skips[:-1]), strict=False):
            x = F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=False)
            x = decoder(torch.cat([x, skip], dim=1))
        return self.structures(x), self.levels(x), view


class InferenceWrapper(nn.Module):
    """What the ONNX file computes: probabilities, not logits, so the runtime only thresholds."""

    def __init__(self, net: ScseUNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        structures, levels, view = self.net(x)
        return torch.sigmoid(structures), torch.softmax(levels, dim=1), torch.softmax(view, dim=1)


def parameter_count(net: nn.Module) -> int:
    return sum(p.numel() for p in net.parameters())
