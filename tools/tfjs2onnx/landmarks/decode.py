"""From a landmark model's outputs to points, and from model-input pixels to source pixels."""

import numpy as np

from crops import SquareCrop


def points(family, arrays):
    """The family's point output as [points][columns] (e.g. x, y, z in model-input pixels)."""
    return arrays[family.coords_output].reshape(family.points, family.point_columns)


def to_source(geometry, pts, size):
    """Model-pixel (x, y, ...) rows -> source pixels, for a SquareCrop or a letterbox (movenet/images.py)."""
    if isinstance(geometry, SquareCrop):
        return geometry.to_source(pts, size)
    p = np.array(pts, dtype=np.float64)
    scale = geometry.side / size
    p[:, 0] = p[:, 0] * scale - geometry.pad_left
    p[:, 1] = p[:, 1] * scale - geometry.pad_top
    return p
