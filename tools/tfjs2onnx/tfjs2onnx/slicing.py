"""TF's StridedSlice, spelled out: the sparse begin/end/strides and five masks -> one item per output step."""

from dataclasses import dataclass

import numpy as np

INT64_MAX, INT64_MIN = 2 ** 63 - 1, -2 ** 63


@dataclass
class Item:
    kind: str  # 'full', 'slice', 'shrink' (one index, the dimension goes) or 'new' (a new dimension of 1)
    dim: int = None  # the input dimension it reads
    start: int = None  # None: from the edge (begin_mask)
    stop: int = None  # None: to the edge (end_mask)
    step: int = 1


class StridedSliceSpec:
    def __init__(self, items, shape):
        self.items, self.shape = items, tuple(shape)

    def numpy_index(self):
        index = []
        for it in self.items:
            if it.kind == 'full':
                index.append(slice(None))
            elif it.kind == 'new':
                index.append(np.newaxis)
            elif it.kind == 'shrink':
                index.append(it.start)
            else:
                index.append(slice(it.start, it.stop, it.step))
        return tuple(index)

    def out_shape(self):
        out = []
        for it in self.items:
            if it.kind == 'new':
                out.append(1)
            elif it.kind == 'full':
                out.append(self.shape[it.dim])
            elif it.kind == 'slice':
                size = self.shape[it.dim]
                out.append(None if size is None else len(range(*slice(it.start, it.stop, it.step).indices(size))))
        return tuple(out)

    def onnx_slices(self):
        """(starts, ends, axes, steps) for ONNX Slice over the input; Python clamping, as TF and ONNX do."""
        starts, ends, axes, steps = [], [], [], []
        for it in self.items:
            if it.kind == 'shrink':
                starts.append(it.start), ends.append(it.start + 1), axes.append(it.dim), steps.append(1)
            elif it.kind == 'slice' and not (it.start is None and it.stop is None and it.step == 1):
                forward = it.step > 0
                starts.append(it.start if it.start is not None else (0 if forward else INT64_MAX))
                ends.append(it.stop if it.stop is not None else (INT64_MAX if forward else INT64_MIN))
                axes.append(it.dim), steps.append(it.step)
        return starts, ends, axes, steps

    def shrink_dims(self):
        return [it.dim for it in self.items if it.kind == 'shrink']

    def new_axes(self):
        """Positions of the new dimensions in the output."""
        kept = [it for it in self.items if it.kind != 'shrink']
        return [k for k, it in enumerate(kept) if it.kind == 'new']


def parse_strided_slice(node, shape, begin, end, strides):
    begin, end, strides = ([int(v) for v in np.atleast_1d(a)] for a in (begin, end, strides))
    masks = {k: node.attr(f'{k}_mask', 0) for k in ('begin', 'end', 'ellipsis', 'new_axis', 'shrink_axis')}
    rank, n = len(shape), len(begin)
    if bin(masks['ellipsis']).count('1') > 1:
        node.fail('more than one ellipsis')
    real = sum(1 for i in range(n) if not (masks['new_axis'] | masks['ellipsis']) >> i & 1)
    items, d = [], 0
    for i in range(n):
        if masks['ellipsis'] >> i & 1:
            items += [Item('full', d + k) for k in range(rank - real)]
            d += rank - real
        elif masks['new_axis'] >> i & 1:
            items.append(Item('new'))
        elif masks['shrink_axis'] >> i & 1:
            index = begin[i]
            if index < 0:
                if shape[d] is None:
                    node.fail('a negative index into a dimension of unknown size')
                index += shape[d]
            if shape[d] is not None and not 0 <= index < shape[d]:
                node.fail(f'index {begin[i]} out of range for dimension {d} of size {shape[d]}')
            items.append(Item('shrink', d, index))
            d += 1
        else:
            if strides[i] == 0:
                node.fail('a stride of 0')
            start = None if masks['begin'] >> i & 1 else begin[i]
            stop = None if masks['end'] >> i & 1 else end[i]
            items.append(Item('slice', d, start, stop, strides[i]))
            d += 1
    if d > rank:
        node.fail(f'{d} dimensions addressed, the input has {rank}')
    items += [Item('full', k) for k in range(d, rank)]
    return StridedSliceSpec(items, shape)
