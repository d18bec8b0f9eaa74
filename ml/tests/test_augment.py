import numpy as np

from spineqc_ml.augment import AugmentConfig, make_sample
from spineqc_ml.contract import VIEW_CLASSES
from spineqc_ml.phantom_folder import Film


def square_film() -> Film:
    image = np.full((120, 90), 500, dtype=np.uint16)
    image[40:80, 30:60] = 3000  # a bright "body" exactly where the mask and level say
    bits = np.zeros((120, 90), dtype=np.uint8)
    bits[40:80, 30:60] = 1
    levels = np.zeros((120, 90), dtype=np.uint8)
    levels[40:80, 30:60] = 10
    return Film("sq", 0, image, bits, levels, True)


def test_masks_stay_on_the_anatomy_through_geometric_augmentation() -> None:
    rng = np.random.default_rng(1)
    cfg = AugmentConfig(negative=0.0, noise_max=0.0, blur_max=0.0, unsharp_max=0.0, contrast_curve=0.0, gamma=(1, 1))
    for _ in range(20):
        s = make_sample(square_film(), (64, 48), rng, cfg)
        inside = s.structures[0] > 0.99
        outside = s.structures[0] < 0.01
        assert inside.any()
        assert s.image[0][inside].min() > s.image[0][outside].max()
        assert set(s.levels[inside].unique().tolist()) == {10}


def test_negatives_have_no_anatomy_and_view_other() -> None:
    rng = np.random.default_rng(2)
    s = make_sample(square_film(), (64, 64), rng, AugmentConfig(negative=1.0))
    assert s.view == VIEW_CLASSES.index("other")
    assert float(s.structures.sum()) == 0 and int(s.levels.sum()) == 0


def test_same_seed_same_sample() -> None:
    a = make_sample(square_film(), (64, 48), np.random.default_rng(5), AugmentConfig())
    b = make_sample(square_film(), (64, 48), np.random.default_rng(5), AugmentConfig())
    assert (a.image == b.image).all() and (a.structures == b.structures).all()
