import torch

from spineqc_ml.contract import LEVEL_CLASSES, STRUCTURES, VIEW_CLASSES
from spineqc_ml.model import SCSE, InferenceWrapper, ScseUNet, parameter_count


def test_scse_keeps_shape_and_recalibrates() -> None:
    block = SCSE(16)
    x = torch.randn(2, 16, 8, 8)
    y = block(x)
    assert y.shape == x.shape
    assert not torch.allclose(x, y)


def test_heads_have_the_contract_shapes() -> None:
    net = ScseUNet((8, 16, 32))
    structures, levels, view = net(torch.zeros(2, 1, 32, 48))
    assert structures.shape == (2, len(STRUCTURES), 32, 48)
    assert levels.shape == (2, LEVEL_CLASSES, 32, 48)
    assert view.shape == (2, len(VIEW_CLASSES))


def test_inference_outputs_are_probabilities() -> None:
    net = ScseUNet((8, 16, 32)).eval()
    structures, levels, view = InferenceWrapper(net)(torch.rand(1, 1, 32, 32))
    assert 0 <= structures.min() and structures.max() <= 1
    assert torch.allclose(levels.sum(1), torch.ones(1, 32, 32), atol=1e-5)
    assert torch.allclose(view.sum(1), torch.ones(1), atol=1e-5)


def test_shipped_width_fits_the_10_mb_budget() -> None:
    assert parameter_count(ScseUNet()) * 4 < 10 * 1024 * 1024
