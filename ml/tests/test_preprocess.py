import json
from pathlib import Path

import torch

from spineqc_ml.preprocess import area_resize, percentile_normalise, placement, to_canvas

VECTOR = Path(__file__).parent / "fixtures" / "preprocess-vector.json"


def test_placement_centres_the_fitted_content() -> None:
    p = placement(100, 50, 64, 64)
    assert (p.height, p.width) == (64, 32)
    assert (p.top, p.left) == (0, 16)


def test_area_resize_averages_bins() -> None:
    x = torch.arange(16, dtype=torch.float32).view(4, 4)
    assert area_resize(x, 2, 2).tolist() == [[2.5, 4.5], [10.5, 12.5]]


def test_percentile_normalise_maps_to_unit_range() -> None:
    x = torch.linspace(100, 200, 1001)
    y = percentile_normalise(x)
    assert y.min() == 0 and y.max() == 1
    assert abs(float(y[500]) - 0.5) < 0.01


def test_shared_vector_matches() -> None:
    """The same vector is checked by libs/segmentation's preprocess spec, so both stay identical."""
    vector = json.loads(VECTOR.read_text())
    image = torch.tensor(vector["image"], dtype=torch.float32).view(vector["height"], vector["width"])
    canvas, place = to_canvas(image, *vector["canvas"])
    assert [place.top, place.left, place.height, place.width] == vector["placement"]
    assert torch.allclose(canvas.flatten(), torch.tensor(vector["expected"]), atol=1e-5)
