"""The input/output contract of each landmark family, as written into its SOURCE.md."""

CROP = """\
Preparing the input (the studio's Java code reproduces this; `tools/tfjs2onnx/landmarks/crops.py` is
the reference the golden inputs were made with):

1. Decode the image to 8-bit RGB (drop alpha).
2. Choose a square in the image: centre `(cx, cy)`, side `side` pixels, turned by `angle` radians
   (clockwise on screen; image y points down). {placement}
3. Sample it onto `S x S` pixels (S = {size}): output pixel `(i, j)` (row, column) takes the source point
   `u = (j + 0.5) / S - 0.5`, `v = (i + 0.5) / S - 0.5`,
   `x = cx + side * (cos(angle) * u - sin(angle) * v)`, `y = cy + side * (sin(angle) * u + cos(angle) * v)`,
   bilinearly between the four nearest pixel centres (pixel `k` has its centre at `k + 0.5`; pixels
   outside the image are black), rounded to a byte. No antialiasing: shrink the image first when
   `side` is much more than 2 S.
4. Tensor `input`: float32 `[1, S, S, 3]`, NHWC, RGB, `byte / 255` (0..1). Measured on the test crops:
   the same crops scaled to -1..1 lower the presence score, as Human's source (division by 255) implies.
5. Map a point `(px, py, pz)` of the output back: `u = px / S - 0.5`, `v = py / S - 0.5`, then `x`, `y`
   by the formula of step 3; depth `z = pz * side / S` (same scale as x and y).
"""

HAND = """\
## Interface

| | name | dtype, shape | meaning |
|---|---|---|---|
| input | `input` | float32 `[1, 224, 224, 3]` | the hand crop, RGB 0..1 (below) |
| output | `landmarks` | float32 `[1, 63]` | 21 points x (x, y, z): x, y in pixels of the 224 x 224 input (a point may fall outside 0..224), z depth relative to the wrist in the same units (smaller: nearer the camera) |
| output | `hand_flag` | float32 `[1, 1]` | **hand presence**, 0..1 (the graph ends in a sigmoid) |
| output | `handedness` | float32 `[1, 1]` | sigmoid score of one handedness class; on the test crops it does not tell left from right hands reliably, so it is not used |
| output | `world_landmarks` | float32 `[1, 63]` | 21 points x (x, y, z) in metres around the hand's centre |

TF.js names: input `input_1`, outputs `Identity` (landmarks), `Identity_1` (hand flag), `Identity_2`
(handedness), `Identity_3` (world landmarks).

Point order (MediaPipe hands, the same order as OpenPose's and DWPose's 21 hand points): 0 wrist;
thumb 1 CMC, 2 MCP, 3 IP, 4 tip; index 5 MCP, 6 PIP, 7 DIP, 8 tip; middle 9-12; ring 13-16;
little finger 17-20 (MCP, PIP, DIP, tip).

Presence: use `hand_flag` as it is, for example against 0.5 (the default minimum tracking
confidence of MediaPipe's hand tracker). The Human library runs its own formula
`(100 - trunc(100 / (1 + exp(flag)))) / 100` on it, a second sigmoid; not needed here.

""" + CROP.format(size=224, placement="""\
The model wants the hand upright: turn the square so that the
   wrist -> middle-finger knuckle direction (points 0 -> 9) points up, `angle = atan2(dx, -dy)` for
   that direction `(dx, dy)` in the image, and make `side` about twice the hand's extent (MediaPipe's
   rule when it tracks from the previous frame's points; the test crops were refined that way). From a
   body pose, start from the forearm: elbow -> wrist gives the direction, the centre lies about half a
   forearm beyond the wrist, side about 1.3 forearms. An axis-aligned crop (Human's tracker, no
   rotation) also runs, but measured on the same hand (Pose2Sim cam01 frame 50) the presence fell from
   0.56 / 0.83 (lite / full, upright) to 0.004 / 0.004.""")

FACE = """\
## Interface

| | name | dtype, shape | meaning |
|---|---|---|---|
| input | `input` | float32 `[N, 192, 192, 3]` (feed N = 1) | the face crop, RGB 0..1 (below) |
| output | `mesh` | float32 `[N, 1404]` | 468 points x (x, y, z): x, y in pixels of the 192 x 192 input, z relative depth in the same units |
| output | `face_flag` | float32 `[N, 1]` | **face presence**, 0..1 (the graph ends in a sigmoid) |
| output | `contours` | float32 `[N, 266]` | 133 points x (x, y) in input pixels, each within a few pixels of a mesh point; not used (Human's decoder for it is commented out) |

TF.js names: input `input_1`, outputs `Identity_2` (mesh, signature key `output_mesh`), `Identity_1`
(`output_faceflag`), `Identity` (`output_contours`).

The 468 points are MediaPipe's face mesh topology. `facemesh-68.json` beside this file maps them to
the iBUG 68-point order that DWPose's face uses (jaw 0-16, eyebrows 17-26, nose 27-35, eyes 36-47,
mouth 48-67): each of the 68 points is one mesh vertex or the mean of two; the file names its
source and marks the approximate points (the jaw line, and the five points that are means).

""" + CROP.format(size=192, placement="""\
The model wants the face upright and centred: turn the square by
   the angle of the eye line, `angle = atan2(dy, dx)` from the subject's right eye's outer corner to
   the left eye's (mesh points 33 -> 263, or the eyes of a body pose), and make `side` about 1.5 times
   the face's extent (MediaPipe's tracking rule; the test crops were refined that way). From a face
   box, Human enlarges the detector's box 1.4 times and squares it.""")

BLAZEPOSE = """\
## Interface

| | name | dtype, shape | meaning |
|---|---|---|---|
| input | `input` | float32 `[N, 256, 256, 3]` (feed N = 1) | the letterboxed image, RGB 0..1 (below) |
| output | `landmarks` | float32 `[N, 195]` | 39 points x (x, y, z, visibility, presence): x, y in pixels of the 256 x 256 input, z depth relative to the hips in about the same units; visibility and presence are logits, take `1 / (1 + exp(-v))` |
| output | `pose_flag` | float32 `[N, 1]` | **person presence**, 0..1 (the graph ends in a sigmoid) |
| output | `world_landmarks` | float32 `[N, 117]` | 39 points x (x, y, z) in metres, origin between the hips |
| output | `heatmap` | float32 `[N, 64, 64, 39]` | per-point heat maps (0..1), which MediaPipe uses to refine the points; not needed otherwise |

TF.js names: input `input_1`, outputs `Identity_2` (landmarks, signature key `ld_3d`),
`Identity_3` (`output_poseflag`), `Identity_4` (`world_3d`), `Identity` (`activation_heatmap`). The
TF.js model's fifth output, `Identity_1` (`activation_segmentation`, a 256 x 256 person mask), is
left out of the ONNX graph: the key points do not need it, and its values move by up to 1.3e-3
between two float32 runs of one graph (ONNX Runtime with graph optimisations on and off, measured on
the test images), so no 1e-4 parity can be claimed for it.

Points 0-32 (MediaPipe BlazePose): 0 nose; 1-3 left eye inner, centre, outer; 4-6 right eye inner,
centre, outer; 7 left ear, 8 right ear; 9 mouth left, 10 mouth right; 11 left shoulder, 12 right
shoulder; 13, 14 elbows; 15, 16 wrists; 17, 18 little-finger knuckles; 19, 20 index knuckles;
21, 22 thumbs; 23, 24 hips; 25, 26 knees; 27, 28 ankles; 29, 30 heels; 31, 32 foot index (the tip
of the foot); odd = left, even = right. Points 33-38 are auxiliary (Human names them body centre,
body top, left palm, left hand, right palm, right hand; MediaPipe uses the first two to place the
next frame's crop); not used.

DWPose's six foot points (COCO-WholeBody order: left big toe, left small toe, left heel, right big
toe, right small toe, right heel) from these: heels = points 29 / 30 (the same landmark);
big toes = points 31 / 32, an approximation (the foot index point is the tip of the foot, between
the big and second toe); small toes have no BlazePose point and stay absent (score 0) in the
studio's embedded estimator, which never guesses a missing point (docs/DESIGN.md, "Feet").

Preparing the input (as for MoveNet, tools/tfjs2onnx/README.md, "Preprocessing contract"; the golden
inputs were made by `movenet/images.py`): decode to RGB; letterbox on a centred black square of side
`max(w, h)` (`pad_left = (side - w) / 2`, `pad_top = (side - h) / 2`, integer division); resize the
square to 256 x 256 with Pillow's bilinear filter (the studio's `SquareCrop.writeNhwc`); tensor
`input` = `byte / 255` as float32. The model is meant for a crop around one person (MediaPipe finds
it with a detector and turns it upright); a letterboxed frame with one person works when the person
is large in it. Back to the image: `x_px = x * side / 256 - pad_left`, `y_px = y * side / 256 - pad_top`.
Score of a point: `sigmoid(visibility)`; Human multiplies `sigmoid(visibility) * sigmoid(presence) * pose_flag`.
"""

CONTRACTS = {'hand': HAND, 'face': FACE, 'blazepose': BLAZEPOSE}
