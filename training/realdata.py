"""The real multi-camera footage for the adaptation protocol: Pose2Sim's four synchronised cameras
(one person, 100 frames each) with their real OpenPose BODY_25B skeletons, framed the way the
studio's virtual camera frames a subject, at the pack's 128x128.

Framing: a square virtual camera that tracks the subject. Its centre is the centre of the box of
the subject's visible body points in that frame; its side is 1.3 x the median (over the camera's
frames) of the box's larger side, so a standing person fills about three quarters of the frame
height, as in the wide shots of the synthetic training data, and the zoom does not pump.

Subject: the person with the largest box in the first frame (bystanders stand small at the edges
of cam01/cam02), then in each frame the person whose box overlaps the previous subject box most.

Mask (for the person-masked metrics, the silhouette and the loss weights): OpenCV GrabCut
(5 iterations, on the 256x256 crop) seeded by the skeleton: strokes 0.12 torso wide are sure figure,
strokes 0.4 torso wide (head disc 0.45 torso) probable figure, that region grown by 0.3 torso
probable background, everything else sure background; the result is cut to strokes 0.7 torso wide
(head disc 0.55 torso), which keeps GrabCut from spreading into background of the figure's colours,
then a 3x3 opening. Each crop is composited
on a flat green (GREEN) with that mask, so the silhouette of any generated frame is the pixels that
differ from GREEN by more than 0.1 (the rule of training/evaluate.py).
"""
import glob
import json
import os

import cv2
import numpy as np

from .adapt import torso

# BODY_25B point that gives OpenPose-18 point j (docs: project-files BodyLayout.BODY_25B)
FROM_BODY_25B = [0, 17, 6, 8, 10, 5, 7, 9, 12, 14, 16, 11, 13, 15, 2, 1, 4, 3]
GREEN = np.array([40, 170, 70], np.uint8)
SIZE = 128
WORK = 256
SIDE_FACTOR = 1.3


def read_people(path):
    with open(path) as f:
        people = json.load(f).get('people', [])
    out = []
    for p in people:
        k = np.asarray(p['pose_keypoints_2d'], np.float32).reshape(-1, 3)
        out.append(k[FROM_BODY_25B])
    return out


def box(kp):
    v = kp[:, 2] > 0.3
    if v.sum() < 2:
        return None
    return np.array([kp[v, 0].min(), kp[v, 1].min(), kp[v, 0].max(), kp[v, 1].max()])


def iou(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def subject_track(frames):
    """frames: list of person lists -> the subject's (18,3) per frame (largest first, then overlap)."""
    track, prev = [], None
    for people in frames:
        boxes = [box(p) for p in people]
        cands = [(p, b) for p, b in zip(people, boxes) if b is not None]
        if not cands:
            track.append(np.zeros((18, 3), np.float32))
            continue
        if prev is None:
            p, b = max(cands, key=lambda pb: (pb[1][2] - pb[1][0]) * (pb[1][3] - pb[1][1]))
        else:
            p, b = max(cands, key=lambda pb: iou(prev, pb[1]))
            if iou(prev, b) == 0:
                p, b = max(cands, key=lambda pb: (pb[1][2] - pb[1][0]) * (pb[1][3] - pb[1][1]))
        track.append(p)
        prev = b
    return track


def read_video(path, limit=None):
    cap = cv2.VideoCapture(path)
    frames = []
    while limit is None or len(frames) < limit:
        ok, f = cap.read()
        if not ok:
            break
        frames.append(f[:, :, ::-1])
    cap.release()
    if not frames:
        raise FileNotFoundError(f'{path}: no frames decoded')
    return frames


def skeleton_strokes(kp, t, width, head):
    from .adapt import LIMBS
    m = np.zeros((WORK, WORK), np.uint8)
    vis = kp[:, 2] > 0.3
    for a, b in LIMBS:
        if vis[a] and vis[b]:
            cv2.line(m, tuple(int(v) for v in kp[a, :2]), tuple(int(v) for v in kp[b, :2]), 1,
                     max(1, int(round(width * t))))
    if vis[0]:
        cv2.circle(m, tuple(int(v) for v in kp[0, :2]), max(1, int(round(head * t))), 1, -1)
    return m


def person_mask(img, kp):
    """GrabCut seeded by the skeleton (module doc); img, kp at WORK x WORK."""
    t = torso(kp) or WORK / 5.0
    sure = skeleton_strokes(kp, t, 0.12, 0.25)
    prob = skeleton_strokes(kp, t, 0.4, 0.45)
    grow = int(round(0.3 * t)) * 2 + 1
    near = cv2.dilate(prob, np.ones((grow, grow), np.uint8))
    gc = np.full((WORK, WORK), cv2.GC_BGD, np.uint8)
    gc[near > 0] = cv2.GC_PR_BGD
    gc[prob > 0] = cv2.GC_PR_FGD
    gc[sure > 0] = cv2.GC_FGD
    bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.grabCut(np.ascontiguousarray(img[:, :, ::-1]), gc, None, bgd, fgd, 5, cv2.GC_INIT_WITH_MASK)
    m = ((gc == cv2.GC_FGD) | (gc == cv2.GC_PR_FGD)).astype(np.uint8) & skeleton_strokes(kp, t, 0.7, 0.55)
    return cv2.morphologyEx(m, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))


def frame_camera(track):
    """Per-frame crop (cx, cy, side): tracking centre, fixed side (module doc)."""
    boxes = [box(k) for k in track]
    sides = [max(b[2] - b[0], b[3] - b[1]) for b in boxes if b is not None]
    side = SIDE_FACTOR * float(np.median(sides))
    out, last = [], None
    for b in boxes:
        if b is not None:
            last = ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)
        out.append((last[0], last[1], side))
    return out


def crop(img, kp, cx, cy, side, size):
    s = size / side
    M = np.array([[s, 0, size / 2 - s * cx], [0, s, size / 2 - s * cy]], np.float32)
    out = cv2.warpAffine(img, M, (size, size), flags=cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR,
                         borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    k = kp.copy()
    k[:, 0] = kp[:, 0] * s + M[0, 2]
    k[:, 1] = kp[:, 1] * s + M[1, 2]
    k[kp[:, 2] <= 0.3, :2] = 0
    return out, k


def prepare_camera(video, pose_dir, frames=None):
    """-> dict images [F,128,128,3] (on green), keypoints [F,18,3] (128 px), masks [F,128,128], frame ids."""
    files = sorted(f for f in glob.glob(os.path.join(pose_dir, '*.json')) if not os.path.basename(f).startswith('del_'))
    if not files:
        raise FileNotFoundError(f'{pose_dir}: no OpenPose JSON files')
    track = subject_track([read_people(f) for f in files])
    cams = frame_camera(track)
    rgb = read_video(video, len(files))
    ids = list(range(min(len(rgb), len(files)))) if frames is None else [f for f in frames if f < len(rgb)]
    imgs, kps, masks = [], [], []
    for f in ids:
        cx, cy, side = cams[f]
        big, kbig = crop(rgb[f], track[f], cx, cy, side, WORK)
        m = person_mask(big, kbig)
        comp = np.where(m[:, :, None] > 0, big, GREEN[None, None]).astype(np.uint8)
        imgs.append(cv2.resize(comp, (SIZE, SIZE), interpolation=cv2.INTER_AREA))
        masks.append((cv2.resize(m.astype(np.float32), (SIZE, SIZE), interpolation=cv2.INTER_AREA) > 0.5)
                     .astype(np.uint8) * 255)
        k = kbig.copy()
        k[:, :2] *= SIZE / WORK
        kps.append(k)
    return {'images': np.stack(imgs), 'keypoints': np.stack(kps).astype(np.float32), 'masks': np.stack(masks),
            'frames': np.asarray(ids)}


def prepare(video_dir, pose_dir, cache=None, frames=None):
    """All four cameras (cam01..cam04), cached in `cache` (npz) when given."""
    if cache and os.path.isfile(cache):
        z = np.load(cache)
        return {c: {k: z[f'{c}_{k}'] for k in ('images', 'keypoints', 'masks', 'frames')} for c in CAMERAS}
    data = {c: prepare_camera(os.path.join(video_dir, f'pose2sim_{c}.mp4'), os.path.join(pose_dir, c), frames)
            for c in CAMERAS}
    if cache:
        os.makedirs(os.path.dirname(cache) or '.', exist_ok=True)
        np.savez(cache + '.tmp.npz', **{f'{c}_{k}': v for c, d in data.items() for k, v in d.items()})
        os.replace(cache + '.tmp.npz', cache)
    return data


CAMERAS = ['cam01', 'cam02', 'cam03', 'cam04']
