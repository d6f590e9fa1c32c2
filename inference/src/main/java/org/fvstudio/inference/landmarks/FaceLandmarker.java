package org.fvstudio.inference.landmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.render.RgbImage;

/**
 * The 68-point face (DWPose's iBUG order) from MediaPipe's 468-point face mesh: the face is looked at in a square
 * centred on the body's nose, turned level with the eyes (or the ears), sized from the ears (or the eyes), and the
 * mesh becomes 68 points through the map beside the model (assets/models/face/facemesh-68.json). A face the body
 * gives no nose and eyes or ears for, or that the graph does not find, stays absent.
 */
public final class FaceLandmarker implements AutoCloseable {

    public static final double MIN_PRESENCE = 0.5;
    public static final String MAP_FILE = "facemesh-68.json";
    static final double SIDE_PER_EAR_DISTANCE = 1.7;
    static final double SIDE_PER_EYE_DISTANCE = 3.8;

    private static final int NOSE = 0;
    private static final int RIGHT_EYE = 14;
    private static final int LEFT_EYE = 15;
    private static final int RIGHT_EAR = 16;
    private static final int LEFT_EAR = 17;

    private final LandmarkModel model;
    private final int[][] meshOfPoint;

    private FaceLandmarker(LandmarkModel model, int[][] meshOfPoint) {
        this.model = model;
        this.meshOfPoint = meshOfPoint;
    }

    /** Opens the face mesh and the 468 -> 68 map that lies beside it. */
    public static FaceLandmarker open(Path file, SessionSettings settings) throws ModelLoadException {
        int[][] map = readMap(file.resolveSibling(MAP_FILE));
        return new FaceLandmarker(LandmarkModel.open(file, LandmarkModel.FACE, settings), map);
    }

    /** {@code body} with the face filled in when found. */
    public PersonPose addFace(RgbImage image, PersonPose body) throws InferenceException {
        RotatedCrop crop = cropFor(body);
        if (crop == null) {
            return body;
        }
        LandmarkModel.Result result = model.run(image, crop);
        if (result.presence() < MIN_PRESENCE) {
            return body;
        }
        double confidence = Math.min(1.0, result.presence());
        List<Keypoint> points = new ArrayList<>(BodyPart.FACE.size());
        for (int[] vertices : meshOfPoint) {
            double x = 0;
            double y = 0;
            for (int v : vertices) {
                x += result.points()[3 * v];
                y += result.points()[3 * v + 1];
            }
            double[] xy = crop.toPicture(x / vertices.length, y / vertices.length, model.size());
            points.add(new Keypoint(xy[0], xy[1], confidence));
        }
        return body.withPart(BodyPart.FACE, points);
    }

    /** The square the face is looked at in; null when the body has no nose, or neither both eyes nor both ears. */
    static RotatedCrop cropFor(PersonPose body) {
        if (!seen(body, NOSE)) {
            return null;
        }
        boolean eyes = seen(body, RIGHT_EYE) && seen(body, LEFT_EYE);
        boolean ears = seen(body, RIGHT_EAR) && seen(body, LEFT_EAR);
        if (!eyes && !ears) {
            return null;
        }
        int a = eyes ? RIGHT_EYE : RIGHT_EAR;
        int b = eyes ? LEFT_EYE : LEFT_EAR;
        double angle = Math.atan2(body.y(b) - body.y(a), body.x(b) - body.x(a));
        double side = ears
                ? SIDE_PER_EAR_DISTANCE * distance(body, RIGHT_EAR, LEFT_EAR)
                : SIDE_PER_EYE_DISTANCE * distance(body, RIGHT_EYE, LEFT_EYE);
        if (side < 8) {
            return null;
        }
        // Seen from behind the eye line runs the other way: keep the face upright rather than upside down.
        if (Math.abs(angle) > Math.PI / 2) {
            angle -= Math.signum(angle) * Math.PI;
        }
        return new RotatedCrop(body.x(NOSE), body.y(NOSE), side, angle);
    }

    private static boolean seen(PersonPose body, int joint) {
        return body.confidence(joint) > Keypoint.VISIBLE_THRESHOLD;
    }

    private static double distance(PersonPose body, int a, int b) {
        return Math.hypot(body.x(a) - body.x(b), body.y(a) - body.y(b));
    }

    static int[][] readMap(Path file) throws ModelLoadException {
        try {
            JsonNode points = new ObjectMapper().readTree(Files.readAllBytes(file)).path("points");
            if (!points.isArray() || points.size() != BodyPart.FACE.size()) {
                throw new ModelLoadException(file, file.getFileName() + ": expected " + BodyPart.FACE.size()
                        + " face points, found " + points.size());
            }
            int[][] map = new int[points.size()][];
            for (JsonNode point : points) {
                int ibug = point.path("ibug").asInt(-1);
                JsonNode mesh = point.path("mesh");
                if (ibug < 0 || ibug >= map.length || !mesh.isArray() || mesh.isEmpty()) {
                    throw new ModelLoadException(file, file.getFileName() + ": a face point without an iBUG index or mesh vertices");
                }
                map[ibug] = new int[mesh.size()];
                for (int i = 0; i < mesh.size(); i++) {
                    int vertex = mesh.get(i).asInt(-1);
                    if (vertex < 0 || vertex >= LandmarkModel.FACE.pointCount()) {
                        throw new ModelLoadException(file, file.getFileName() + ": mesh vertex " + vertex + " out of range");
                    }
                    map[ibug][i] = vertex;
                }
            }
            return map;
        } catch (IOException e) {
            throw new ModelLoadException(file, file.getFileName() + ": cannot read the 468 -> 68 face map: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
