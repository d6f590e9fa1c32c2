# Generates interpolate_cases.json with PyTorch's own F.interpolate (bilinear, no antialias),
# so the Java resize is checked against the reference implementation, not against itself.
# Run: /usr/bin/python3 make_interpolate_cases.py  (Debian python3-torch 1.13)
import json
import torch
import torch.nn.functional as F

g = torch.Generator().manual_seed(1234)
cases = []
for (ih, iw, oh, ow) in [(16, 16, 8, 8), (16, 16, 32, 32), (4, 5, 7, 3), (16, 16, 16, 16), (3, 3, 11, 6), (16, 16, 5, 9)]:
    x = torch.randn(1, 1, ih, iw, generator=g)
    for ac in (False, True):
        y = F.interpolate(x, size=(oh, ow), mode="bilinear", align_corners=ac)
        cases.append({"in_h": ih, "in_w": iw, "out_h": oh, "out_w": ow, "align_corners": ac,
                      "input": x.flatten().tolist(), "output": y.flatten().tolist()})
with open("interpolate_cases.json", "w") as f:
    json.dump({"source": "torch " + torch.__version__ + " F.interpolate(mode='bilinear')", "cases": cases}, f)
