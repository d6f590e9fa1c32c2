"""fvs-tiny: PCM + reference net + pose guider + denoiser (docs/model-pack.md)."""
import math
import torch
import torch.nn as nn
import torch.nn.functional as F

BANKS = [('g16', 16, 96, 192), ('g8', 8, 128, 48)]  # name, grid, channels, top-K


def space_to_depth(x, r):
    b, c, h, w = x.shape
    x = x.reshape(b, c, h // r, r, w // r, r).permute(0, 1, 3, 5, 2, 4)
    return x.reshape(b, c * r * r, h // r, w // r)


def depth_to_space(x, r):
    b, c, h, w = x.shape
    x = x.reshape(b, c // (r * r), r, r, h, w).permute(0, 1, 4, 2, 5, 3)
    return x.reshape(b, c // (r * r), h * r, w * r)


def norm(c):
    return nn.GroupNorm(8, c)


class ResBlock(nn.Module):
    def __init__(self, cin, cout, temb=0):
        super().__init__()
        self.n1, self.c1 = norm(cin), nn.Conv2d(cin, cout, 3, padding=1)
        self.n2, self.c2 = norm(cout), nn.Conv2d(cout, cout, 3, padding=1)
        self.t = nn.Linear(temb, cout) if temb else None
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else nn.Identity()
        nn.init.zeros_(self.c2.weight)
        nn.init.zeros_(self.c2.bias)

    def forward(self, x, temb=None):
        h = self.c1(F.silu(self.n1(x)))
        if self.t is not None:
            h = h + self.t(temb)[:, :, None, None]
        h = self.c2(F.silu(self.n2(h)))
        return self.skip(x) + h


class PoseEncoder(nn.Module):
    """Pose map [*,3,256,256] -> tokens [*,256,C] on the 16x16 grid (1/16)."""

    def __init__(self, c=64):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 32, 8, 8), nn.SiLU(), nn.Conv2d(32, 64, 3, 2, 1), nn.SiLU(),
                                 nn.Conv2d(64, c, 3, 1, 1))

    def forward(self, x):
        h = self.net(x)
        return h.flatten(2).transpose(1, 2)


class PCM(nn.Module):
    """Cross-attention: REFERENCE pose tokens query the TARGET pose tokens; zero-init 1x1 ->
    one correlation map (logits) per (target, reference)."""

    def __init__(self, c=64, heads=2):
        super().__init__()
        self.ref_enc, self.tgt_enc = PoseEncoder(c), PoseEncoder(c)
        self.heads = heads
        self.nq, self.nk = nn.LayerNorm(c), nn.LayerNorm(c)
        self.q, self.k, self.v, self.o = (nn.Linear(c, c) for _ in range(4))
        self.n2 = nn.LayerNorm(c)
        self.mlp = nn.Sequential(nn.Linear(c, 2 * c), nn.SiLU(), nn.Linear(2 * c, c))
        self.out = nn.Linear(c, 1)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def pair(self, ref_tok, tgt_tok):
        """ref_tok [Bq,N,L,C] (Bq = B or 1), tgt_tok [B,L,C] -> [B,N,16,16]."""
        bq, n, l, c = ref_tok.shape
        hd = c // self.heads
        q = self.q(self.nq(ref_tok)).reshape(bq, n, l, self.heads, hd).permute(0, 1, 3, 2, 4)
        kn = self.nk(tgt_tok)
        b = tgt_tok.shape[0]
        k = self.k(kn).reshape(b, 1, l, self.heads, hd).permute(0, 1, 3, 2, 4)
        v = self.v(kn).reshape(b, 1, l, self.heads, hd).permute(0, 1, 3, 2, 4)
        a = torch.softmax(torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(hd)), dim=-1)
        h = torch.matmul(a, v).permute(0, 1, 3, 2, 4).reshape(-1, n, l, c)
        x = ref_tok + self.o(h)
        x = x + self.mlp(self.n2(x))
        side = int(round(math.sqrt(l)))
        return self.out(x).reshape(-1, n, side, side)

    def forward(self, ref_pose, target_pose):
        """Export form: ref_pose [N,3,256,256] shared by all targets [B,3,256,256]."""
        r = self.ref_enc(ref_pose).unsqueeze(0)
        t = self.tgt_enc(target_pose)
        return self.pair(r, t)


class ReferenceNet(nn.Module):
    """Reference image (+ its pose map) -> feature banks g16 [N,96,16,16] and g8 [N,128,8,8]."""

    def __init__(self):
        super().__init__()
        self.img_in = nn.Conv2d(192, 64, 1)
        self.pose_in = nn.Conv2d(3, 32, 16, 16)
        self.c0 = nn.Conv2d(96, 96, 3, padding=1)
        self.d2 = nn.Conv2d(96, 128, 3, 2, 1)
        self.c2 = nn.Conv2d(128, 128, 3, padding=1)

    def forward(self, ref_image, ref_pose):
        x = torch.cat([self.img_in(space_to_depth(ref_image, 8)), self.pose_in(ref_pose)], 1)
        g16 = self.c0(F.silu(x))
        g8 = self.c2(F.silu(self.d2(F.silu(g16))))
        return g16, g8


FINE_C = 8  # channels of the pose guider's 64x64 detail map


class PoseGuider(nn.Module):
    """Target pose map [B,3,256,256] -> pose features [B,64,16,16], or with `fine`
    [B,64+16*FINE_C,16,16]: the extra channels hold a 64x64 map of the limbs (4x4 pixels of the
    pose map per cell), packed space-to-depth onto the 16x16 grid, for the denoiser's detail head."""

    def __init__(self, c=64, fine=True):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 32, 8, 8), nn.SiLU(), nn.Conv2d(32, 64, 3, 2, 1), nn.SiLU(),
                                 nn.Conv2d(64, c, 3, 1, 1))
        self.fine = nn.Sequential(nn.Conv2d(3, 16, 4, 4), nn.SiLU(), nn.Conv2d(16, FINE_C, 3, 1, 1)) if fine else None

    def forward(self, target_pose):
        coarse = self.net(target_pose)
        if self.fine is None:
            return coarse
        return torch.cat([coarse, space_to_depth(self.fine(target_pose), 4)], 1)


class RefAttention(nn.Module):
    """Self-attention over [own tokens; selected reference tokens]; reference token weight w
    enters as logit bias log(w + 1e-6)."""

    def __init__(self, c, cref, heads=4):
        super().__init__()
        self.heads = heads
        self.n = nn.GroupNorm(1, c)
        self.q, self.k, self.v = nn.Linear(c, c), nn.Linear(c, c), nn.Linear(c, c)
        self.rk, self.rv = nn.Linear(cref, c, bias=False), nn.Linear(cref, c, bias=False)
        self.o = nn.Linear(c, c)
        nn.init.zeros_(self.o.weight)
        nn.init.zeros_(self.o.bias)

    def forward(self, x, tokens, weights):
        b, c, h, w = x.shape
        hd = c // self.heads
        t = self.n(x).flatten(2).transpose(1, 2)  # [B,HW,C]
        q = self.q(t)
        k = torch.cat([self.k(t), self.rk(tokens)], 1)
        v = torch.cat([self.v(t), self.rv(tokens)], 1)
        bias = torch.cat([torch.zeros_like(t[:, :, 0]), torch.log(weights + 1e-6)], 1)  # [B,HW+K]

        def split(z):
            return z.reshape(b, -1, self.heads, hd).transpose(1, 2)
        a = torch.matmul(split(q), split(k).transpose(-1, -2)) * (1.0 / math.sqrt(hd))
        a = torch.softmax(a + bias[:, None, None, :], dim=-1)
        o = torch.matmul(a, split(v)).transpose(1, 2).reshape(b, h * w, c)
        return x + self.o(o).transpose(1, 2).reshape(b, c, h, w)


def timestep_embedding(t, dim=64):
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32, device=t.device) / half)
    a = t[:, None] * freqs[None]
    return torch.cat([torch.cos(a), torch.sin(a)], 1)


class Block(nn.Module):
    """Cheap residual block: norm, SiLU, 3x3 conv, timestep bias; zero-initialised."""

    def __init__(self, cin, cout, temb):
        super().__init__()
        self.n, self.c = norm(cin), nn.Conv2d(cin, cout, 3, padding=1)
        self.t = nn.Linear(temb, cout)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else nn.Identity()

    def forward(self, x, temb):
        return self.skip(x) + self.c(F.silu(self.n(x))) + self.t(temb)[:, :, None, None]


class DetailHead(nn.Module):
    """Full-resolution refinement of the coarse 16x16-grid prediction: the grid features are
    unfolded to a 64x64 grid (2x2 pixels per cell) next to the noisy sample and the coarse
    prediction. Its output layer starts at zero, so a model trained without the head keeps its
    behaviour when the head is added."""

    def __init__(self, c_feat=96, c=32, temb=128, pose_c=0):
        super().__init__()
        self.unfold = nn.Conv2d(c_feat, c * 16, 1)
        self.pixels = nn.Conv2d(24, c, 3, padding=1)
        self.pose = nn.Conv2d(pose_c, c, 3, padding=1) if pose_c else None
        if self.pose is not None:
            nn.init.zeros_(self.pose.weight)
            nn.init.zeros_(self.pose.bias)
        self.b1, self.b2 = Block(c, c, temb), Block(c, c, temb)
        self.on = norm(c)
        self.out = nn.Conv2d(c, 12, 3, padding=1)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def forward(self, feat, sample, coarse, te, pose_fine=None):
        h = depth_to_space(self.unfold(feat), 4)
        h = h + self.pixels(torch.cat([space_to_depth(sample, 2), space_to_depth(coarse, 2)], 1))
        if self.pose is not None:
            h = h + self.pose(depth_to_space(pose_fine, 4))
        h = self.b2(self.b1(h, te), te)
        return coarse + depth_to_space(self.out(F.silu(self.on(h))), 2)


class Denoiser(nn.Module):
    """Works on the 16x16 space-to-depth grid (8x8 pixels per cell) and an 8x8 grid; the
    optional detail head refines the result at full resolution."""

    def __init__(self, pose_c=64, detail=True, fine_pose=True):
        super().__init__()
        self.pose_c = pose_c
        self.detail = DetailHead(pose_c=FINE_C if fine_pose else 0) if detail else None
        T = 128
        self.temb = nn.Sequential(nn.Linear(64, T), nn.SiLU(), nn.Linear(T, T))
        self.inp = nn.Conv2d(192, 96, 1)
        self.pose = nn.Conv2d(pose_c, 96, 1)
        self.r1 = Block(96, 96, T)
        self.a1 = RefAttention(96, 96)
        self.d2 = nn.Conv2d(96, 128, 3, 2, 1)
        self.r2 = Block(128, 128, T)
        self.a2 = RefAttention(128, 128)
        self.u1 = Block(128 + 96, 96, T)
        self.a3 = RefAttention(96, 96)
        self.r3 = Block(96, 96, T)
        self.on = norm(96)
        self.out = nn.Conv2d(96, 192, 1)

    def forward(self, sample, timestep, pose_features, tokens_g16, weights_g16, tokens_g8, weights_g8):
        te = self.temb(timestep_embedding(timestep))
        x = self.inp(space_to_depth(sample, 8)) + self.pose(pose_features[:, :self.pose_c])
        s1 = self.a1(self.r1(x, te), tokens_g16, weights_g16)
        x = self.a2(self.r2(self.d2(s1), te), tokens_g8, weights_g8)
        x = F.interpolate(x, scale_factor=2.0, mode='nearest')
        x = self.a3(self.u1(torch.cat([x, s1], 1), te), tokens_g16, weights_g16)
        x = self.r3(x, te)
        # no skip from x_t: the 96-channel bottleneck cannot cancel per-pixel noise, so a
        # c_skip(t) * x_t term left visible noise in the final frame (tried at steps 850-1100)
        coarse = depth_to_space(self.out(F.silu(self.on(x))), 8)
        if self.detail is None:
            return coarse
        return self.detail(x, sample, coarse, te, pose_features[:, self.pose_c:])


class FVSTiny(nn.Module):
    def __init__(self, detail=True):
        """detail=False is the v1/v2 architecture (no detail head, 64 pose-feature channels)."""
        super().__init__()
        self.pcm = PCM()
        self.refnet = ReferenceNet()
        self.guider = PoseGuider(fine=detail)
        self.denoiser = Denoiser(detail=detail, fine_pose=detail)


def weights(checkpoint, raw=False):
    """The weights to evaluate or export: the moving average when the run kept one."""
    return checkpoint['model'] if raw or 'ema' not in checkpoint else checkpoint['ema']


def model_for(state_dict):
    """The architecture a checkpoint was trained with (packs before v3 have no detail head)."""
    model = FVSTiny(detail=any(k.startswith('denoiser.detail.') for k in state_dict))
    model.load_state_dict(state_dict)
    return model


def select_tokens(corr, banks_feats, topk, extra_random=False, softmax=False, use_pcm=True, generator=None):
    """Training/eval selection (same rule as the host): corr [B,N,16,16], bank feats list of
    [B,N,C,h,w]; topk list of K (None = all tokens). Returns list of (tokens [B,K',C], weights [B,K'])."""
    out = []
    for feats, k in zip(banks_feats, topk):
        b, n, c, h, w = feats.shape
        r = corr if use_pcm else torch.zeros_like(corr)
        if r.shape[-1] != w:
            r = F.interpolate(r, size=(h, w), mode='bilinear', align_corners=False)
        s = r.reshape(b, n * h * w)
        if softmax:
            s = torch.softmax(s, 1)
        f = feats.permute(0, 1, 3, 4, 2).reshape(b, n * h * w, c)
        total = n * h * w
        if k is None or k >= total:
            idx = torch.arange(total, device=s.device).expand(b, total)
        elif not use_pcm:
            idx = torch.arange(k, device=s.device).expand(b, k)  # uniform scores: ties go to the smaller index
        else:
            idx = torch.topk(s, k, dim=1, sorted=True).indices
            if extra_random:
                rnd = torch.randint(0, total, (b, k), generator=generator, device=s.device)
                idx = torch.cat([idx, rnd], 1)
        sv = torch.gather(s, 1, idx)
        wgt = 2.0 * torch.sigmoid(sv)
        tok = torch.gather(f, 1, idx[:, :, None].expand(-1, -1, c)) * wgt[:, :, None]
        out.append((tok, wgt, idx))
    return out
