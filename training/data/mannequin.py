"""2.5D mannequin renderer driven by BVH mocap.

Every body part is a parametric surface (ellipsoid) sampled densely per image, coloured by
the character's appearance in part-local coordinates (so patterns, logos, faces and hair are
view dependent), Lambert-shaded and z-buffered by painting far-to-near. Each image comes with
its exact DWPose keypoints (18 body + 6 feet) computed from the same 3D skeleton.
"""
import math
import numpy as np
import cv2

from .bvh import Motion

UNIT = 1.75 / 27.0  # CMU BVH units -> metres (subject about 1.75 m tall)

SKIN = [(255, 224, 196), (241, 194, 160), (224, 172, 130), (198, 134, 90), (141, 85, 54), (95, 60, 40)]
HAIR = [(20, 15, 10), (60, 40, 25), (110, 70, 35), (180, 140, 80), (225, 200, 140), (150, 40, 20),
        (200, 200, 200)]


def _unit(v):
    return v / (np.linalg.norm(v, axis=-1, keepdims=True) + 1e-9)


class Skeleton3D:
    """World-space (metres, y up) joints of one mocap frame plus head frame."""
    NAMES = ['Hips', 'LeftUpLeg', 'LeftLeg', 'LeftFoot', 'LeftToeBase', 'RightUpLeg', 'RightLeg',
             'RightFoot', 'RightToeBase', 'Spine1', 'Neck1', 'Head', 'LeftArm', 'LeftForeArm',
             'LeftHand', 'RightArm', 'RightForeArm', 'RightHand']

    def __init__(self, motion, frame):
        self.j = {n: motion.p(n)[frame] * UNIT for n in self.NAMES}
        self.j['HeadTop'] = motion.ends['Head'][frame] * UNIT
        self.j['LeftToeEnd'] = motion.ends['LeftToeBase'][frame] * UNIT
        self.j['RightToeEnd'] = motion.ends['RightToeBase'][frame] * UNIT
        self.head_rot = motion.r('Head')[frame]
        self.root_rot = motion.r('Hips')[frame]


def load_motions(paths):
    return [Motion(p) for p in paths]


def random_appearance(rng):
    a = {}
    a['skin'] = np.array(SKIN[rng.integers(len(SKIN))], float) * rng.uniform(0.92, 1.05)
    a['hair'] = np.array(HAIR[rng.integers(len(HAIR))], float)
    a['hair_style'] = rng.choice(['short', 'long', 'bald', 'bun'], p=[0.45, 0.3, 0.1, 0.15])
    a['shirt'] = rng.uniform(20, 240, 3)
    a['shirt2'] = rng.uniform(20, 240, 3)
    a['pattern'] = rng.choice(['plain', 'stripes', 'checks', 'logo'])
    a['stripe_n'] = int(rng.integers(3, 8))
    a['logo'] = rng.uniform(0, 255, 3)
    a['logo_shape'] = rng.choice(['circle', 'square'])
    a['sleeves'] = rng.choice(['short', 'long'])
    a['trousers'] = rng.uniform(15, 200, 3)
    a['shorts'] = bool(rng.random() < 0.25)
    a['shoes'] = rng.uniform(10, 240, 3)
    a['eyes'] = np.array([30, 30, 40.0]) if rng.random() < 0.7 else np.array([40, 80, 140.0])
    a['beard'] = bool(rng.random() < 0.15)
    a['build'] = rng.uniform(0.85, 1.2)
    a['bg'] = rng.uniform(60, 230, 3)
    a['bg2'] = np.clip(a['bg'] + rng.uniform(-40, 40, 3), 0, 255)
    return a


class Camera:
    """Pinhole camera orbiting the character; framing 0 = close-up on the face, 1 = wide."""

    def __init__(self, yaw, elevation, framing, pan=(0.0, 0.0), roll=0.0, distance=4.0):
        self.yaw, self.elev, self.framing = yaw, elevation, framing
        self.pan, self.roll, self.distance = pan, roll, distance

    def setup(self, skel, size):
        hips = skel.j['Hips']
        head = 0.5 * (skel.j['Head'] + skel.j['HeadTop'])
        body_c = np.array([hips[0], 0.5 * (hips[1] + head[1]) - 0.1, hips[2]])
        f = self.framing
        look = head * (1 - f) + body_c * f
        look = look + np.array([0, -0.06 * (1 - f), 0])
        vis_h = 0.6 + f * (2.2 - 0.6)
        look = look + np.array([self.pan[0], self.pan[1], 0]) * vis_h
        yaw, el = math.radians(self.yaw), math.radians(self.elev)
        # yaw 0 = camera in front of the character (CMU characters face +z)
        fw = skel.root_rot @ np.array([0, 0, 1.0])
        base = math.atan2(fw[0], fw[2])
        d = np.array([math.sin(yaw + base) * math.cos(el), math.sin(el), math.cos(yaw + base) * math.cos(el)])
        self.eye = look + d * self.distance
        fwd = _unit(look - self.eye)
        right = _unit(np.cross(fwd, np.array([0, 1.0, 0])))
        up = np.cross(right, fwd)
        r = math.radians(self.roll)
        right, up = right * math.cos(r) + up * math.sin(r), -right * math.sin(r) + up * math.cos(r)
        self.R = np.stack([right, -up, fwd])  # camera x right, y down, z forward
        self.focal = size * self.distance / vis_h
        self.size = size
        self.c = size / 2.0

    def project(self, p):
        q = (p - self.eye) @ self.R.T
        z = np.maximum(q[..., 2], 1e-3)
        return np.stack([self.focal * q[..., 0] / z + self.c, self.focal * q[..., 1] / z + self.c], -1), z


def keypoints(skel, cam):
    """DWPose body (18) + feet (6) for a camera, (24,3) in image px, confidence 1 or 0."""
    j = skel.j
    hc = 0.5 * (j['Head'] + j['HeadTop'])
    R = skel.head_rot
    fwd, up, lr = R @ np.array([0, 0, 1.0]), R @ np.array([0, 1.0, 0]), R @ np.array([1.0, 0, 0])
    nose = hc + fwd * 0.11 - up * 0.02
    reye = hc + fwd * 0.085 + up * 0.025 - lr * 0.035
    leye = hc + fwd * 0.085 + up * 0.025 + lr * 0.035
    rear = hc - lr * 0.1
    lear = hc + lr * 0.1
    neck = 0.5 * (j['LeftArm'] + j['RightArm'])
    pts3 = [nose, neck, j['RightArm'], j['RightForeArm'], j['RightHand'], j['LeftArm'], j['LeftForeArm'],
            j['LeftHand'], j['RightUpLeg'], j['RightLeg'], j['RightFoot'], j['LeftUpLeg'], j['LeftLeg'],
            j['LeftFoot'], reye, leye, rear, lear]
    feet = []
    for side, s in (('Left', 1.0), ('Right', -1.0)):
        ank, toe, end = j[side + 'Foot'], j[side + 'ToeBase'], j[side + 'ToeEnd']
        fd = _unit(end - ank)
        side_v = _unit(np.cross(np.array([0, 1.0, 0]), fd)) * s
        feet += [end + side_v * 0.02, end - side_v * 0.04 - fd * 0.03, ank - fd * 0.06 + np.array([0, -0.05, 0])]
    pts3 = np.array(pts3 + feet)
    xy, z = cam.project(pts3)
    conf = np.ones(len(pts3))
    to_cam = _unit(cam.eye - hc)
    facing = float(fwd @ to_cam)
    if facing < -0.15:
        conf[[0, 14, 15]] = 0
    if float(lr @ to_cam) > 0.75:
        conf[16] = 0
    if float(-lr @ to_cam) > 0.75:
        conf[17] = 0
    inside = (xy[:, 0] >= 0) & (xy[:, 0] < cam.size) & (xy[:, 1] >= 0) & (xy[:, 1] < cam.size)
    conf[~inside] = 0
    return np.concatenate([xy, conf[:, None]], 1)


def _ellipsoid(center, axes, radii, nu, nv):
    """Points, normals and (u, v) params of an ellipsoid: axes (3,3) rows = local x,y,z."""
    u = (np.arange(nu) + 0.5) / nu
    v = (np.arange(nv) + 0.5) / nv
    uu, vv = np.meshgrid(u, v, indexing='ij')
    th = uu.ravel() * 2 * np.pi
    ph = vv.ravel() * np.pi
    # local: y along the long axis, x/z around
    lx, ly, lz = np.sin(ph) * np.sin(th), -np.cos(ph), np.sin(ph) * np.cos(th)
    local = np.stack([lx, ly, lz], 1)
    p = center + (local * radii) @ axes
    n = _unit((local / radii) @ axes)
    return p, n, local


class Part:
    def __init__(self, name, a, b, radius, side_ref=None):
        self.name, self.a, self.b, self.radius, self.side_ref = name, a, b, radius, side_ref


def _frame(a, b, side_hint):
    y = _unit(b - a)
    x = side_hint - (side_hint @ y) * y
    if np.linalg.norm(x) < 1e-6:
        x = np.array([1.0, 0, 0]) - y[0] * y
    x = _unit(x)
    z = np.cross(x, y)
    return np.stack([x, y, z])


def render(skel, cam, app, size=256):
    """RGB uint8 image (size,size,3) and foreground mask (size,size) uint8."""
    cam.setup(skel, size)
    j = skel.j
    b = app['build']
    img = np.zeros((size, size, 3), np.float32)
    yy = np.linspace(0, 1, size, dtype=np.float32)[:, None, None]
    img[:] = app['bg'][None, None] * (1 - yy) + app['bg2'][None, None] * yy
    zbuf = np.full((size, size), np.inf, np.float32)
    light = _unit(cam.eye - j['Hips'] + np.array([0.0, 2.0, 0.0]))
    right_w = _unit(j['LeftArm'] - j['RightArm'])  # character's left direction
    pts_all, col_all = [], []

    def add(center, axes, radii, colour_fn):
        # sampling density from projected size
        _, zc = cam.project(center[None])
        px_per_m = cam.focal / float(zc[0])
        r_max = float(np.max(radii))
        nu = int(np.clip(2 * np.pi * r_max * px_per_m * 1.25, 8, 600))
        nv = int(np.clip(np.pi * float(radii[1]) * px_per_m * 1.25, 6, 500))
        p, n, local = _ellipsoid(center, axes, radii, nu, nv)
        vis = ((cam.eye - p) * n).sum(1) > -0.05 * np.linalg.norm(cam.eye - p, axis=1)
        p, n, local = p[vis], n[vis], local[vis]
        col = colour_fn(local)
        shade = 0.55 + 0.45 * np.clip(n @ light, 0, 1)
        pts_all.append(p)
        col_all.append(col * shade[:, None])

    def solid(c):
        return lambda local: np.tile(c, (len(local), 1))

    def limb(a, bb, r, colour_fn, extend=0.35):
        axes = _frame(a, bb, right_w)
        c = 0.5 * (a + bb)
        half = 0.5 * np.linalg.norm(bb - a) + r * extend
        add(c, axes, np.array([r, half, r]), colour_fn)

    # torso
    sh_c = 0.5 * (j['LeftArm'] + j['RightArm'])
    hip_c = 0.5 * (j['LeftUpLeg'] + j['RightUpLeg'])
    axes = _frame(hip_c, sh_c, right_w)
    tlen = np.linalg.norm(sh_c - hip_c)
    shirt, shirt2 = app['shirt'], app['shirt2']

    def torso_col(local):
        x, y, z = local[:, 0], local[:, 1], local[:, 2]
        col = np.tile(shirt, (len(local), 1))
        pat = app['pattern']
        if pat == 'stripes':
            m = np.floor((y + 1) * app['stripe_n']) % 2 == 1
            col[m] = shirt2
        elif pat == 'checks':
            ang = np.arctan2(x, z)
            m = (np.floor((y + 1) * app['stripe_n']) + np.floor((ang + np.pi) / (2 * np.pi) * 10)) % 2 == 1
            col[m] = shirt2
        elif pat == 'logo':
            d = (x / 0.35) ** 2 + ((y - 0.3) / 0.3) ** 2 if app['logo_shape'] == 'circle' else \
                np.maximum(np.abs(x) / 0.3, np.abs(y - 0.3) / 0.25) ** 2
            m = (d < 1) & (z > 0)
            col[m] = app['logo']
        lower = y < -0.62
        col[lower] = app['trousers']
        return col

    add(0.5 * (sh_c + hip_c) + axes[1] * 0.02, axes, np.array([0.17 * b, tlen * 0.62, 0.11 * b]), torso_col)
    # neck and head
    hc = 0.5 * (j['Head'] + j['HeadTop'])
    limb(sh_c, hc, 0.05, solid(app['skin']), extend=0.0)
    hr = skel.head_rot
    haxes = np.stack([hr @ np.array([1.0, 0, 0]), hr @ np.array([0, 1.0, 0]), hr @ np.array([0, 0, 1.0])])
    style = app['hair_style']

    def head_col(local):
        x, y, z = local[:, 0], local[:, 1], local[:, 2]
        col = np.tile(app['skin'], (len(local), 1))
        face = z > 0.3
        for ex in (-0.38, 0.38):
            m = ((x - ex) ** 2 + (y - 0.12) ** 2 < 0.022) & face
            col[m] = app['eyes']
        mouth = (np.abs(x) < 0.28) & (np.abs(y + 0.45) < 0.06) & face
        col[mouth] = (150, 60, 60)
        nose = (np.abs(x) < 0.08) & (y > -0.25) & (y < 0.05) & (z > 0.9)
        col[nose] = app['skin'] * 0.8
        if app['beard']:
            col[(y < -0.35) & (z > -0.2) & ~mouth] = app['hair'] * 0.9
        if style == 'short':
            hm = (y > 0.35 - 0.25 * (z < 0)) | ((z < -0.25) & (y > -0.35))
        elif style == 'long':
            hm = (y > 0.3) | ((z < -0.1) & (y > -1.0)) | ((np.abs(x) > 0.8) & (y > -0.5) & (z < 0.4))
        elif style == 'bun':
            hm = (y > 0.3) | ((z < -0.3) & (y > -0.2))
        else:
            hm = np.zeros(len(local), bool)
        col[hm] = app['hair']
        return col

    add(hc + haxes[1] * 0.0, haxes, np.array([0.095, 0.12, 0.105]), head_col)
    if style == 'bun':
        add(hc - haxes[2] * 0.1 + haxes[1] * 0.06, haxes, np.array([0.05, 0.05, 0.05]), solid(app['hair']))
    if style == 'long':
        add(hc - haxes[2] * 0.05 - haxes[1] * 0.12, haxes, np.array([0.1, 0.14, 0.06]), solid(app['hair']))
    # arms
    sleeve = app['shirt'] if app['pattern'] != 'stripes' else app['shirt']
    for side in ('Left', 'Right'):
        sh, el, wr = j[side + 'Arm'], j[side + 'ForeArm'], j[side + 'Hand']
        limb(sh, el, 0.05 * b, solid(sleeve))
        limb(el, wr, 0.042 * b, solid(sleeve if app['sleeves'] == 'long' else app['skin']))
        limb(wr, wr + (wr - el) * 0.35, 0.035, solid(app['skin']), extend=0.6)
        hip, kn, an = j[side + 'UpLeg'], j[side + 'Leg'], j[side + 'Foot']
        limb(hip, kn, 0.075 * b, solid(app['trousers']))
        limb(kn, an, 0.055 * b, solid(app['skin'] if app['shorts'] else app['trousers']))
        limb(an + np.array([0, -0.03, 0]), j[side + 'ToeEnd'], 0.045, solid(app['shoes']), extend=0.5)

    p = np.concatenate(pts_all)
    col = np.concatenate(col_all)
    xy, z = cam.project(p)
    xi = np.floor(xy[:, 0]).astype(np.int64)
    yi = np.floor(xy[:, 1]).astype(np.int64)
    ok = (xi >= 0) & (xi < size) & (yi >= 0) & (yi < size) & (z > 0.05)
    xi, yi, z, col = xi[ok], yi[ok], z[ok], col[ok]
    order = np.argsort(-z, kind='stable')  # far first, near last wins
    flat = yi[order] * size + xi[order]
    fimg = img.reshape(-1, 3)
    fimg[flat] = col[order]
    mask = np.zeros(size * size, np.uint8)
    mask[flat] = 255
    mask = mask.reshape(size, size)
    # close pin-holes of the point splats
    m2 = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    holes = (m2 > 0) & (mask == 0)
    if holes.any():
        med = cv2.medianBlur(np.clip(img, 0, 255).astype(np.uint8), 3)
        img[holes] = med[holes]
    return np.clip(img, 0, 255).astype(np.uint8), m2
