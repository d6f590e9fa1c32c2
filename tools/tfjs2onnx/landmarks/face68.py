#!/usr/bin/python3
"""The 468 -> 68 face point map: MediaPipe face mesh vertices for the iBUG 68-point order (DWPose's face).

    face68.py OUT.json        writes the map (assets/models/face/facemesh-68.json)

Source of truth for the correspondences: the table published in PeizhiYan/Mediapipe_2_Dlib_Landmarks
(GitHub, file mediapipe2dlib/mp2dlib.py, stored version at commit db9e81e2bd432eaee4de90135cc1ad77d19c7db4,
build/lib/mediapipe2dlib/mp2dlib.py), which its author posted as the answer to this question in
MediaPipe's issue tracker (google-ai-edge/mediapipe issue 4490). Its rows are 1-based dlib points, each one or two
mesh vertices; where there are two, the point is their mean. The table below restates those
correspondences 0-based, with names and a judgement of which points are approximations.
"""

import json
import sys

# iBUG index (0-based) -> (mesh vertices, name). "right"/"left" are the subject's: the subject's right
# is on the image's left in an unmirrored frontal photo.
POINTS = [
    ([127], 'jaw 0, right, level with the ear'), ([234], 'jaw 1'), ([93], 'jaw 2'), ([132, 58], 'jaw 3'),
    ([58, 172], 'jaw 4'), ([136], 'jaw 5'), ([150], 'jaw 6'), ([176], 'jaw 7'), ([152], 'jaw 8, chin'),
    ([400], 'jaw 9'), ([379], 'jaw 10'), ([365], 'jaw 11'), ([397, 288], 'jaw 12'), ([361], 'jaw 13'),
    ([323], 'jaw 14'), ([454], 'jaw 15'), ([356], 'jaw 16, left, level with the ear'),
    ([70], 'right brow, outer end'), ([63], 'right brow'), ([105], 'right brow, top'), ([66], 'right brow'),
    ([107], 'right brow, inner end'),
    ([336], 'left brow, inner end'), ([296], 'left brow'), ([334], 'left brow, top'), ([293], 'left brow'),
    ([300], 'left brow, outer end'),
    ([168, 6], 'nose bridge, top (between the eyes)'), ([197, 195], 'nose bridge'), ([5], 'nose bridge, low'),
    ([4], 'nose tip'),
    ([75], 'nostril, right outer'), ([97], 'nostril, right'), ([2], 'nose base, centre'), ([326], 'nostril, left'),
    ([305], 'nostril, left outer'),
    ([33], 'right eye, outer corner'), ([160], 'right eye, upper lid outer'), ([158], 'right eye, upper lid inner'),
    ([133], 'right eye, inner corner'), ([153], 'right eye, lower lid inner'), ([144], 'right eye, lower lid outer'),
    ([362], 'left eye, inner corner'), ([385], 'left eye, upper lid inner'), ([387], 'left eye, upper lid outer'),
    ([263], 'left eye, outer corner'), ([373], 'left eye, lower lid outer'), ([380], 'left eye, lower lid inner'),
    ([61], 'mouth, right corner (outer)'), ([39], 'upper lip, right'), ([37], 'upper lip, right of centre'),
    ([0], 'upper lip, centre top'), ([267], 'upper lip, left of centre'), ([269], 'upper lip, left'),
    ([291], 'mouth, left corner (outer)'), ([321], 'lower lip, left'), ([314], 'lower lip, left of centre'),
    ([17], 'lower lip, centre bottom'), ([84], 'lower lip, right of centre'), ([91], 'lower lip, right'),
    ([78], 'mouth, right corner (inner)'), ([82], 'inner upper lip, right'), ([13], 'inner upper lip, centre'),
    ([312], 'inner upper lip, left'), ([308], 'mouth, left corner (inner)'), ([317], 'inner lower lip, left'),
    ([14], 'inner lower lip, centre'), ([87], 'inner lower lip, right'),
]

REGIONS = [('jaw', 0, 16), ('right eyebrow', 17, 21), ('left eyebrow', 22, 26), ('nose bridge', 27, 30),
           ('nose base', 31, 35), ('right eye', 36, 41), ('left eye', 42, 47), ('outer lips', 48, 59),
           ('inner lips', 60, 67)]

JAW_NOTE = ('iBUG jaw points sit on the visible outline of the face, which slides over the skin as the head '
            'turns; a mesh vertex stays on the skin. Close for a frontal face, off by up to the turn for a '
            'turned one.')
PAIR_NOTE = 'the mean of two mesh vertices: iBUG puts this point between two of them.'


def approximation(index, vertices):
    reasons = []
    if index <= 16:
        reasons.append(JAW_NOTE)
    if len(vertices) == 2:
        reasons.append(PAIR_NOTE)
    return ' '.join(reasons) or None


def region(index):
    return next(name for name, first, last in REGIONS if first <= index <= last)


def document():
    points = []
    for index, (vertices, name) in enumerate(POINTS):
        why = approximation(index, vertices)
        points.append({'ibug': index, 'region': region(index), 'name': name, 'mesh': vertices,
                       'approximate': why is not None, **({'why': why} if why else {})})
    return {
        'what': 'MediaPipe face mesh (468 points, assets/models/face/facemesh.onnx output mesh) to the iBUG '
                '68-point face order used by DWPose (COCO-WholeBody face, 0-based).',
        'use': 'point ibug = mean of mesh[v] over the listed vertices v (x, y and z alike), after mapping the '
               'mesh to image pixels; the mean of two points commutes with that affine mapping.',
        'sides': "'right' and 'left' are the subject's; in an unmirrored frontal image the subject's right is on "
                 'the left of the picture, where iBUG point 0 and point 36 are.',
        'regions': {name: [first, last] for name, first, last in REGIONS},
        'source_of_truth': 'the correspondence table published in github.com/PeizhiYan/Mediapipe_2_Dlib_Landmarks '
                           '(mediapipe2dlib/mp2dlib.py, Sep. 2024; read at commit '
                           'db9e81e2bd432eaee4de90135cc1ad77d19c7db4, build/lib/mediapipe2dlib/mp2dlib.py), '
                           'posted by its author in google-ai-edge/mediapipe issue 4490; restated 0-based in this '
                           "project's own table (tools/tfjs2onnx/landmarks/face68.py).",
        'approximate': sorted(p['ibug'] for p in points if p['approximate']),
        'approximate_note': 'jaw 0-16: outline versus surface points (see why); 3, 4, 12, 27, 28: means of two '
                            'vertices. The others are mesh vertices at the named spot (eyebrows: the upper brow '
                            'line; eyes: the lid margins), checked by eye on the astronaut photo.',
        'mesh_indices': [vertices for vertices, _ in POINTS],
        'points': points,
    }


def to68(mesh, table=None):
    """[468][k] -> [68][k]: the map applied to mesh points (any columns)."""
    import numpy as np
    mesh = np.asarray(mesh, dtype=np.float64)
    return np.stack([mesh[v].mean(axis=0) for v in (table or [v for v, _ in POINTS])])


def main():
    assert len(POINTS) == 68 and all(0 <= v < 468 for vs, _ in POINTS for v in vs)
    doc = document()
    text = json.dumps(doc, indent=1)
    with open(sys.argv[1], 'w') as f:
        f.write(text + '\n')
    print(f"{sys.argv[1]}: 68 points, approximate: {doc['approximate']}")


if __name__ == '__main__':
    main()
