"""MoveNet input preparation (the contract the studio's Java code reproduces) and frame extraction."""

import subprocess

import numpy as np
from PIL import Image

# COCO-17 order of MoveNet's output
KEYPOINTS = ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear', 'left_shoulder', 'right_shoulder',
             'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist', 'left_hip', 'right_hip',
             'left_knee', 'right_knee', 'left_ankle', 'right_ankle']


class Letterbox:
    """The image centred on a black square of side max(w, h); the pads are whole pixels (floor)."""

    def __init__(self, width, height):
        self.width, self.height = width, height
        self.side = max(width, height)
        self.pad_left = (self.side - width) // 2
        self.pad_top = (self.side - height) // 2

    def canvas(self, image):
        square = Image.new('RGB', (self.side, self.side), (0, 0, 0))
        square.paste(image, (self.pad_left, self.pad_top))
        return square

    def to_source(self, keypoints):
        """MoveNet's (y, x, score) rows, normalised to the square -> (x, y, score) in source pixels."""
        k = np.asarray(keypoints, dtype=np.float64)
        return np.stack([k[:, 1] * self.side - self.pad_left, k[:, 0] * self.side - self.pad_top, k[:, 2]], axis=1)

    def describe(self):
        return {'side': self.side, 'pad_left': self.pad_left, 'pad_top': self.pad_top, 'fill_rgb': [0, 0, 0]}


def load_rgb(path):
    with Image.open(path) as im:
        return im.convert('RGB')


def model_input(image, size):
    """uint8 [size, size, 3] (RGB, HWC): letterboxed, then Pillow's bilinear (triangle, antialiased) resize."""
    box = Letterbox(*image.size)
    square = box.canvas(image)
    return np.asarray(square.resize((size, size), Image.BILINEAR), dtype=np.uint8), box


def extract_frame(video, index, out_png):
    """Frame `index` (0-based, decode order = display order for these files) as an RGB PNG, with ffmpeg."""
    subprocess.run(['ffmpeg', '-loglevel', 'error', '-y', '-i', video, '-vf', f'select=eq(n\\,{index})',
                    '-vsync', '0', '-frames:v', '1', '-pix_fmt', 'rgb24', out_png], check=True)


def shrink(image, long_side):
    """Pillow bilinear downscale so that the longer side is long_side (the other rounded)."""
    w, h = image.size
    scale = long_side / max(w, h)
    return image.resize((round(w * scale), round(h * scale)), Image.BILINEAR)
