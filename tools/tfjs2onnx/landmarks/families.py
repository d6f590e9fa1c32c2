"""The landmark model families: which TF.js models, ONNX names, model inputs and test crops.

Crops are in pixels of the full source image (astronaut 512x512; Pose2Sim frames 1080x1920 or
1088x1920). They were placed by eye around a visible hand or face, then refined by running the
model and re-centring the square on its own landmarks (MediaPipe's tracking rule: hand upright,
wrist -> middle-finger knuckle pointing up, side 2x the hand; face with the eye line level, side
1.5x the face), and rounded. The astronaut's hand is a gloved hand half outside the picture,
placed from MoveNet Thunder's elbow and wrist (centre 0.45 forearm beyond the wrist, side 1.3
forearms, forearm pointing up) and not refined; the Pose2Sim faces are pixelated by the source:
real crops on which the presence score is low.
"""

import math
from dataclasses import dataclass

from crops import SquareCrop

# source images: the astronaut photo, and (camera, frame) of the Pose2Sim videos at full size
ASTRONAUT = 'astronaut'


def frame(cam, n):
    return f'pose2sim_cam{cam}_f{n:03d}'


@dataclass
class Sample:
    name: str
    image: str
    crop: SquareCrop = None  # None: the whole image, letterboxed (BlazePose)
    golden: bool = False


@dataclass
class Family:
    name: str
    folder: str  # assets/models/<folder>, inference/src/test/resources/<folder>
    models: list
    size: int
    renames: dict  # TF name -> ONNX name, inputs and outputs
    outputs: list  # TF output names, in the order the runner asks for them
    samples: list
    points: int
    point_columns: int
    coords_output: str  # the ONNX output that holds the points
    presence_output: str
    # outputs holding model-input pixel coordinates: name -> (row width, pixel columns); the parity bar
    # applies to them divided by the input size (fractions of the input, as MoveNet's outputs are)
    pixel_outputs: dict = None
    large_outputs: tuple = ()  # compared in the parity check, left out of the golden JSON


def deg(a):
    return math.radians(a)


HAND = Family(
    name='hand', folder='hand', models=['handlandmark-lite', 'handlandmark-full'], size=224,
    renames={'input_1': 'input', 'Identity': 'landmarks', 'Identity_1': 'hand_flag',
             'Identity_2': 'handedness', 'Identity_3': 'world_landmarks'},
    outputs=['Identity', 'Identity_1', 'Identity_2', 'Identity_3'],
    samples=[
        Sample('astronaut_glove', ASTRONAUT, SquareCrop(175, 524, 136, deg(133.5)), golden=True),
        Sample('pose2sim_cam03_f050_right_hand', frame('03', 50), SquareCrop(361, 426, 158, deg(-57.8)), golden=True),
        Sample('pose2sim_cam03_f050_left_hand', frame('03', 50), SquareCrop(322, 1075, 94, deg(-159.7))),
        Sample('pose2sim_cam01_f050_left_hand', frame('01', 50), SquareCrop(650, 966, 137, deg(162.6))),
        Sample('pose2sim_cam01_f050_left_hand_unrotated', frame('01', 50), SquareCrop(650, 966, 160, 0.0)),
        Sample('pose2sim_cam01_f075_left_hand', frame('01', 75), SquareCrop(742, 907, 146, deg(152.4))),
    ],
    points=21, point_columns=3, coords_output='landmarks', presence_output='hand_flag',
    pixel_outputs={'landmarks': (3, (0, 1, 2))})

FACE = Family(
    name='face', folder='face', models=['facemesh'], size=192,
    renames={'input_1': 'input', 'Identity_2': 'mesh', 'Identity_1': 'face_flag', 'Identity': 'contours'},
    outputs=['Identity_2', 'Identity_1', 'Identity'],
    samples=[
        Sample('astronaut_face', ASTRONAUT, SquareCrop(225, 123, 164, deg(3.5)), golden=True),
        Sample('astronaut_face_tilted', ASTRONAUT, SquareCrop(225, 123, 180, deg(25.0))),
        Sample('pose2sim_cam01_f075_face', frame('01', 75), SquareCrop(777, 561, 159, deg(5.5)), golden=True),
        Sample('pose2sim_cam03_f050_face', frame('03', 50), SquareCrop(310, 655, 143, deg(-8.0))),
    ],
    points=468, point_columns=3, coords_output='mesh', presence_output='face_flag',
    pixel_outputs={'mesh': (3, (0, 1, 2)), 'contours': (2, (0, 1))})

BLAZEPOSE = Family(
    name='blazepose', folder='blazepose', models=['blazepose-lite'], size=256,
    # the segmentation output (Identity_1) is left out: not needed for key points, and its values move by
    # up to 1.3e-3 between two float32 runs of the same graph (ONNX Runtime optimised / not), see SOURCE.md
    renames={'input_1': 'input', 'Identity_2': 'landmarks', 'Identity_3': 'pose_flag',
             'Identity_4': 'world_landmarks', 'Identity': 'heatmap'},
    outputs=['Identity_2', 'Identity_3', 'Identity_4', 'Identity'],
    samples=[
        Sample('astronaut', ASTRONAUT, golden=True),
        Sample('pose2sim_cam03_f050', frame('03', 50), golden=True),
        Sample('pose2sim_cam01_f025', frame('01', 25)),
        Sample('pose2sim_cam01_f075', frame('01', 75)),
    ],
    points=39, point_columns=5, coords_output='landmarks', presence_output='pose_flag',
    pixel_outputs={'landmarks': (5, (0, 1, 2))},
    large_outputs=('heatmap',))

FAMILIES = {f.name: f for f in (HAND, FACE, BLAZEPOSE)}
