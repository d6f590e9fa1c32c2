"""Golden data of the landmark models for the Java tests: the exact input bytes and TF.js's outputs."""

import hashlib
import json
import os
import re

import numpy as np

from decode import points, to_source
from face68 import to68
from families import ASTRONAUT


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def stem(family, model, sample):
    """NAME for the family's first model, NAME.VARIANT (e.g. .full) for the others."""
    return sample.name if model == family.models[0] else f"{sample.name}.{model.split('-')[-1]}"


def source_note(sample, image_size):
    w, h = image_size
    if sample.image == ASTRONAUT:
        return (f'shared/data/images/astronaut.png ({w}x{h}), the same file as '
                'inference/src/test/resources/movenet/astronaut.png')
    cam, n = sample.image.split('_')[1], int(sample.image.split('_f')[1])
    return f'frame {n} (0-based) of shared/data/video/pose2sim_{cam}.mp4, full size {w}x{h}, decoded by ffmpeg to RGB'


def write_golden(folder, family, model, sample, pixels, geometry, image_size, tfjs, row):
    os.makedirs(folder, exist_ok=True)
    size = family.size
    input_file = f'{sample.name}.input.rgb'
    pixels.astype(np.uint8).tofile(os.path.join(folder, input_file))
    geometry_doc = geometry.describe()
    if sample.crop is None:
        geometry_doc['kind'] = 'letterbox'
        geometry_doc['resize'] = f'Pillow Image.resize(({size}, {size}), Image.BILINEAR) of the square'
    pts = points(family, tfjs)
    px = to_source(geometry, pts, size)
    doc = {
        'source': source_note(sample, image_size), 'image_width': image_size[0], 'image_height': image_size[1],
        'model': model, 'onnx': f'assets/models/{family.folder}/{model}.onnx',
        'input': {
            'name': family.renames['input_1'], 'dtype': 'float32', 'shape': [1, size, size, 3],
            'geometry': geometry_doc,
            'file': input_file, 'file_sha256': sha256(os.path.join(folder, input_file)),
            'file_format': f'raw bytes, row-major [{size}][{size}][3] RGB; the tensor value is byte / 255 in float32',
        },
        'tfjs': {
            'runtime': f"@tensorflow/tfjs {row['tfjs_version']} (cpu backend, node)",
            'outputs': {name: {'shape': list(a.shape), 'values': a.ravel().tolist()}
                        for name, a in tfjs.items() if name not in family.large_outputs},
            'presence': row['presence'],
            'points_px': [[round(v, 3) for v in p] for p in px.tolist()],
            'points_note': f"'{family.coords_output}' read as [{family.points}][{family.point_columns}] rows "
                           f'(x, y, z, ... in model-input pixels), x and y mapped back to the source image, '
                           f'z scaled by the same factor for crops, other columns unchanged; rounded to 0.001',
        },
        **({'points68_px': {'note': 'the mesh points in source pixels mapped to the iBUG 68 order by '
                                    'assets/models/face/facemesh-68.json', 'points': [
                                        [round(v, 3) for v in p] for p in to68(px).tolist()]}}
           if family.name == 'face' else {}),
        'onnxruntime': {'runtime': f"onnxruntime-node {row['ort_version']}",
                        'max_abs_diff': row['ort']['max_abs_diff'],
                        'max_abs_diff_no_optimization': row['ort_no_optimization']['max_abs_diff'],
                        'per_output': row['ort']['outputs']},
    }
    with open(os.path.join(folder, f'{stem(family, model, sample)}.tfjs.json'), 'w') as f:
        f.write(compact_json(doc))


def compact_json(doc):
    """Indented JSON with every list of plain numbers on one line (one point per line for lists of points)."""
    text = json.dumps(doc, indent=1)
    return re.sub(r'\[([-+0-9.eE,\s]*)\]', lambda m: '[' + ', '.join(m.group(1).split()).replace(',,', ',') + ']',
                  text) + '\n'
