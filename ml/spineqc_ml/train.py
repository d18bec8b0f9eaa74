"""Trains the scSE U-Net on phantom folders.

    /usr/bin/python3 -m spineqc_ml.train --config configs/spineqc-unet.json \
        --train DATA/train --val DATA/val --out runs/NAME [--resume]

Same config + seed + data => same run (CPU; cuDNN is made deterministic where it can be).
Writes checkpoint.pt (latest), best.pt (best validation Dice), history.json and curves.png.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import torch

from .augment import make_sample
from .config import TrainConfig, load_config
from .evaluate import validate
from .losses import total_loss
from .model import ScseUNet, parameter_count
from .phantom_folder import Film, read_folder
from .plot import plot_history


def pick_device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def seed_everything(seed: int, threads: int) -> None:
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.backends.cudnn.benchmark = False
    torch.backends.cudnn.deterministic = True


def make_batch(
    films: list[Film], config: TrainConfig, rng: np.random.Generator, device: torch.device
) -> tuple[torch.Tensor, ...]:
    picks = rng.integers(0, len(films), size=config.batch_size)
    samples = [make_sample(films[i], config.canvas, rng, config.augment) for i in picks]
    return (
        torch.stack([s.image for s in samples]).to(device),
        torch.stack([s.structures for s in samples]).to(device),
        torch.stack([s.levels for s in samples]).to(device),
        torch.tensor([s.view for s in samples], dtype=torch.int64, device=device),
    )


def learning_rate(config: TrainConfig, step: int) -> float:
    if step < config.warmup_steps:
        return config.learning_rate * (step + 1) / config.warmup_steps
    progress = (step - config.warmup_steps) / max(1, config.steps - config.warmup_steps)
    return config.learning_rate * 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))


def train(config: TrainConfig, train_dir: Path, val_dir: Path, out: Path, resume: bool = False) -> dict:
    seed_everything(config.seed, config.threads)
    device = pick_device()
    out.mkdir(parents=True, exist_ok=True)
    films = read_folder(train_dir)
    val_films = read_folder(val_dir)
    net = ScseUNet(config.widths).to(device)
    optimizer = torch.optim.AdamW(net.parameters(), lr=config.learning_rate, weight_decay=config.weight_decay)
    rng = np.random.default_rng(config.seed)
    history: list[dict] = []
    start, best = 0, -1.0
    if resume and (out / "checkpoint.pt").exists():
        state = torch.load(out / "checkpoint.pt", map_location=device)
        net.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        rng.bit_generator.state = state["rng"]
        torch.set_rng_state(state["torch_rng"])
        start, best, history = state["step"], state["best"], state["history"]
    (out / "config.json").write_text(json.dumps(config.to_json(), indent=2) + "\n")
    print(
        f"device {device}, {parameter_count(net):,} parameters, {len(films)} training films, "
        f"{len(val_films)} validation films, steps {start}..{config.steps}",
        flush=True,
    )
    running: dict[str, float] = {}
    tick = time.time()
    for step in range(start, config.steps):
        net.train()
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(config, step)
        image, structures, levels, view = make_batch(films, config, rng, device)
        loss, parts = total_loss(net(image), structures, levels, view, config.loss)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        for k, v in {"loss": loss.item(), **parts}.items():
            running[k] = running.get(k, 0.0) + v
        done = step + 1
        if done % config.validate_every == 0 or done == config.steps:
            n = done - (history[-1]["step"] if history else start)
            seconds = time.time() - tick
            scores = validate(net, val_films, config.canvas, device)
            record = {
                "step": done,
                "lr": learning_rate(config, step),
                "train": {k: v / max(1, n) for k, v in running.items()},
                "val": scores,
                "images_per_s": n * config.batch_size / seconds,
            }
            history.append(record)
            running, tick = {}, time.time()
            improved = scores["mean_dice"] > best
            best = max(best, scores["mean_dice"])
            state = {
                "model": net.state_dict(),
                "optimizer": optimizer.state_dict(),
                "rng": rng.bit_generator.state,
                "torch_rng": torch.get_rng_state(),
                "step": done,
                "best": best,
                "history": history,
                "config": config.to_json(),
            }
            torch.save(state, out / "checkpoint.pt")
            if improved:
                torch.save({"model": net.state_dict(), "step": done, "config": config.to_json()}, out / "best.pt")
            (out / "history.json").write_text(json.dumps(history, indent=1) + "\n")
            plot_history(history, out / "curves.png")
            print(
                f"step {done}: loss {record['train'].get('loss', 0):.4f} val dice {scores['mean_dice']:.4f} "
                f"levels {scores['level_accuracy']:.3f} view {scores['view_accuracy']:.3f} "
                f"({record['images_per_s']:.1f} img/s){' *' if improved else ''}",
                flush=True,
            )
    return {"best_mean_dice": best, "steps": config.steps, "history": history}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--train", type=Path, required=True, help="folder written by `spineqc phantom`")
    parser.add_argument("--val", type=Path, required=True, help="validation phantom folder (another seed)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--steps", type=int, help="override the config's step count")
    parser.add_argument("--resume", action="store_true", help="continue from OUT/checkpoint.pt")
    args = parser.parse_args()
    overrides = {"steps": args.steps} if args.steps else None
    train(load_config(args.config, overrides), args.train, args.val, args.out, args.resume)


if __name__ == "__main__":
    main()
