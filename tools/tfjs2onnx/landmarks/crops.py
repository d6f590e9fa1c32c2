"""Model inputs for the landmark models: a rotated square cut from an image, or the letterboxed image.

The square crop is the contract the Java side reproduces (see ../README.md, "Landmark models"):
a square of `side` source pixels centred on (cx, cy), turned by `angle` radians (clockwise on
screen, since image y points down), sampled bilinearly onto size x size pixels, black outside the
image, each value rounded to a byte. Output pixel (i, j) looks at the source point

    u = (j + 0.5) / size - 0.5,  v = (i + 0.5) / size - 0.5
    x = cx + side * (cos(angle) * u - sin(angle) * v)
    y = cy + side * (sin(angle) * u + cos(angle) * v)

with pixel centres at integer + 0.5 (pixel k covers [k, k + 1)). A point (px, py) the model gives
in input pixels maps back by the same formula with u = px / size - 0.5, v = py / size - 0.5.
"""

import math

import numpy as np


class SquareCrop:
    def __init__(self, cx, cy, side, angle=0.0):
        self.cx, self.cy, self.side, self.angle = float(cx), float(cy), float(side), float(angle)

    @staticmethod
    def upright(cx, cy, side, toward):
        """The crop turned so that `toward` (a direction in the image, e.g. elbow -> wrist) points up in it."""
        dx, dy = toward
        return SquareCrop(cx, cy, side, math.atan2(dx, -dy))

    def source_points(self, u, v):
        c, s = math.cos(self.angle), math.sin(self.angle)
        return (self.cx + self.side * (c * u - s * v), self.cy + self.side * (s * u + c * v))

    def sample(self, image, size):
        """uint8 [size, size, 3] from an RGB uint8 [h, w, 3] image."""
        grid = (np.arange(size, dtype=np.float64) + 0.5) / size - 0.5
        u, v = np.meshgrid(grid, grid)  # u varies along a row (j), v down the rows (i)
        x, y = self.source_points(u, v)
        return bilinear(image, x - 0.5, y - 0.5)

    def to_source(self, points, size):
        """(x, y[, z, ...]) rows in model-input pixels -> source pixels; a third column (depth) scales by side / size."""
        p = np.array(points, dtype=np.float64)
        x, y = self.source_points(p[:, 0] / size - 0.5, p[:, 1] / size - 0.5)
        p[:, 0], p[:, 1] = x, y
        if p.shape[1] > 2:
            p[:, 2] *= self.side / size
        return p

    def describe(self):
        return {'kind': 'square_crop', 'cx': self.cx, 'cy': self.cy, 'side': self.side, 'angle_rad': self.angle,
                'angle_deg': math.degrees(self.angle), 'fill_rgb': [0, 0, 0]}


def bilinear(image, fx, fy):
    """Bilinear samples at fractional pixel indices (fx, fy); neighbours outside the image count as black."""
    h, w = image.shape[:2]
    x0, y0 = np.floor(fx).astype(np.int64), np.floor(fy).astype(np.int64)
    wx, wy = (fx - x0)[..., None], (fy - y0)[..., None]
    padded = np.zeros((h + 2, w + 2, image.shape[2]), dtype=np.float64)
    padded[1:-1, 1:-1] = image
    xs = [np.clip(x0 + k + 1, 0, w + 1) for k in (0, 1)]
    ys = [np.clip(y0 + k + 1, 0, h + 1) for k in (0, 1)]
    top = padded[ys[0], xs[0]] * (1 - wx) + padded[ys[0], xs[1]] * wx
    bottom = padded[ys[1], xs[0]] * (1 - wx) + padded[ys[1], xs[1]] * wx
    value = top * (1 - wy) + bottom * wy
    return np.clip(np.floor(value + 0.5), 0, 255).astype(np.uint8)
