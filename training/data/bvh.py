"""Minimal BVH reader with forward kinematics (numpy), for the CMU skeleton layout."""
import numpy as np


class Joint:
    def __init__(self, name, parent, offset):
        self.name = name
        self.parent = parent
        self.offset = np.asarray(offset, dtype=np.float64)
        self.channels = []
        self.end_site = None


def _rot(axis, deg):
    a = np.deg2rad(deg)
    c, s = np.cos(a), np.sin(a)
    n = a.shape[0]
    m = np.zeros((n, 3, 3))
    if axis == 'X':
        m[:, 0, 0] = 1; m[:, 1, 1] = c; m[:, 1, 2] = -s; m[:, 2, 1] = s; m[:, 2, 2] = c
    elif axis == 'Y':
        m[:, 1, 1] = 1; m[:, 0, 0] = c; m[:, 0, 2] = s; m[:, 2, 0] = -s; m[:, 2, 2] = c
    else:
        m[:, 2, 2] = 1; m[:, 0, 0] = c; m[:, 0, 1] = -s; m[:, 1, 0] = s; m[:, 1, 1] = c
    return m


class Motion:
    """Joint world positions and rotations for every frame."""

    def __init__(self, path):
        with open(path) as f:
            tokens = f.read().split()
        self.joints = []
        stack = []
        i = 0
        last = None
        while tokens[i] != 'MOTION':
            t = tokens[i]
            if t in ('ROOT', 'JOINT'):
                name = tokens[i + 1]
                parent = stack[-1] if stack else None
                last = Joint(name, parent, [0, 0, 0])
                self.joints.append(last)
                i += 2
            elif t == 'End':
                last = ('end', stack[-1])
                i += 2
            elif t == '{':
                stack.append(len(self.joints) - 1 if not isinstance(last, tuple) else stack[-1])
                if isinstance(last, tuple):
                    stack[-1] = ('end', last[1])
                i += 1
            elif t == '}':
                stack.pop()
                i += 1
            elif t == 'OFFSET':
                off = [float(v) for v in tokens[i + 1:i + 4]]
                if isinstance(last, tuple):
                    self.joints[last[1]].end_site = np.asarray(off)
                else:
                    last.offset = np.asarray(off)
                i += 4
            elif t == 'CHANNELS':
                n = int(tokens[i + 1])
                last.channels = tokens[i + 2:i + 2 + n]
                i += 2 + n
            else:
                i += 1
        # parents in stack were indices; fix Joint.parent set before '{' was pushed
        nframes = int(tokens[i + 2])
        self.frame_time = float(tokens[i + 5])
        data = np.asarray(tokens[i + 6:], dtype=np.float64)
        nch = sum(len(j.channels) for j in self.joints)
        data = data[:nframes * nch].reshape(nframes, nch)
        self.nframes = nframes
        self.index = {j.name: k for k, j in enumerate(self.joints)}
        self._fk(data)

    def _fk(self, data):
        nf = data.shape[0]
        nj = len(self.joints)
        pos = np.zeros((nf, nj, 3))
        rot = np.zeros((nf, nj, 3, 3))
        col = 0
        for k, j in enumerate(self.joints):
            local = np.tile(np.eye(3), (nf, 1, 1))
            trans = np.tile(j.offset, (nf, 1))
            for ch in j.channels:
                v = data[:, col]
                col += 1
                if ch.endswith('position'):
                    trans[:, 'XYZ'.index(ch[0])] = v + (0 if j.parent is not None else 0)
                else:
                    local = local @ _rot(ch[0], v)
            if j.parent is None:
                pos[:, k] = trans
                rot[:, k] = local
            else:
                p = j.parent
                pos[:, k] = pos[:, p] + np.einsum('fij,fj->fi', rot[:, p], trans)
                rot[:, k] = rot[:, p] @ local
        self.pos = pos
        self.rot = rot
        ends = {}
        for k, j in enumerate(self.joints):
            if j.end_site is not None:
                ends[j.name] = pos[:, k] + np.einsum('fij,j->fi', rot[:, k], j.end_site)
        self.ends = ends

    def p(self, name):
        return self.pos[:, self.index[name]]

    def r(self, name):
        return self.rot[:, self.index[name]]
