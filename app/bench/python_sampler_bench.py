"""Times the Python reference sampler (training/sampler.py) on the inputs `fvstudio bench pipeline` wrote.

Usage (from the repository root, as `fvstudio bench pipeline --python-cmd` runs it):
    /usr/bin/python3 app/bench/python_sampler_bench.py INPUTS_DIR PACK_DIR STEPS
INPUTS_DIR holds ref_image_u8.npy [N,128,128,3], ref_pose_u8.npy [N,256,256,3],
target_pose_u8.npy [F,256,256,3] and noise.npy [F,3,128,128], exactly what the Java pipeline fed its graphs
for the F timed frames. Prints PYTHON_SECONDS_PER_FRAME=<s> (graph loading excluded, as Java's warm pipeline).
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..')))
from training.sampler import Pack, generate  # noqa: E402


def main():
    inputs, pack_dir, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    pack = Pack(pack_dir)
    ri = np.load(os.path.join(inputs, 'ref_image_u8.npy'))
    rp = np.load(os.path.join(inputs, 'ref_pose_u8.npy'))
    tp = np.load(os.path.join(inputs, 'target_pose_u8.npy'))
    noise = np.load(os.path.join(inputs, 'noise.npy'))
    frames = tp.shape[0]
    t0 = time.time()
    for f in range(frames):
        generate(pack, ri, rp, tp[f:f + 1], noise[f:f + 1], steps=steps, guidance=1.0)
    print('PYTHON_SECONDS_PER_FRAME=%.4f' % ((time.time() - t0) / frames), flush=True)


if __name__ == '__main__':
    main()
