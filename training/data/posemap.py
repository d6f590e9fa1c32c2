"""DWPose-convention pose maps (body part), as docs/model-pack.md section 3 specifies."""
import math
import cv2
import numpy as np

COLORS = [[255, 0, 0], [255, 85, 0], [255, 170, 0], [255, 255, 0], [170, 255, 0], [85, 255, 0],
          [0, 255, 0], [0, 255, 85], [0, 255, 170], [0, 255, 255], [0, 170, 255], [0, 85, 255],
          [0, 0, 255], [85, 0, 255], [170, 0, 255], [255, 0, 255], [255, 0, 170], [255, 0, 85]]
LIMBS = [[2, 3], [2, 6], [3, 4], [4, 5], [6, 7], [7, 8], [2, 9], [9, 10], [10, 11], [2, 12],
         [12, 13], [13, 14], [2, 1], [1, 15], [15, 17], [1, 16], [16, 18]]


def draw_body(body, canvas_w, canvas_h, out_w=256, out_h=256, stick=4, radius=4):
    """body: (18,3) x, y (canvas px), confidence. Returns uint8 (out_h,out_w,3) RGB."""
    img = np.zeros((out_h, out_w, 3), np.uint8)
    sx, sy = out_w / canvas_w, out_h / canvas_h
    pts = np.asarray(body, np.float64).copy()
    pts[:, 0] *= sx
    pts[:, 1] *= sy
    vis = pts[:, 2] > 0.3
    for i, (a, b) in enumerate(LIMBS):
        a -= 1
        b -= 1
        if not (vis[a] and vis[b]):
            continue
        x1, y1 = pts[a, 0], pts[a, 1]
        x2, y2 = pts[b, 0], pts[b, 1]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        length = math.hypot(x1 - x2, y1 - y2)
        angle = math.degrees(math.atan2(y1 - y2, x1 - x2))
        poly = cv2.ellipse2Poly((int(mx), int(my)), (int(length / 2), stick), int(angle), 0, 360, 1)
        cv2.fillConvexPoly(img, poly, COLORS[i])
    img = (img * 0.6).astype(np.uint8)
    for j in range(18):
        if vis[j]:
            cv2.circle(img, (int(pts[j, 0]), int(pts[j, 1])), radius, COLORS[j], thickness=-1)
    return img
