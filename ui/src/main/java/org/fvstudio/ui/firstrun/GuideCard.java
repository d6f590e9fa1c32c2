package org.fvstudio.ui.firstrun;

import java.util.List;

/** One card of the first-run guide: what a part of the studio is for. */
public record GuideCard(String id, String title, String text) {

    /** The three parts a new user needs to know, in the order the eye meets them. */
    public static List<GuideCard> studioTour() {
        return List.of(
                new GuideCard("guideCardReferences", "Reference bin (left)",
                        "Your reference shots of the character: close-ups, medium and wide shots from "
                                + "different sides, each with its skeleton. Import images with Ctrl+I or drop them "
                                + "here; untick a shot to leave it out of generation."),
                new GuideCard("guideCardHeatmaps", "Heatmaps",
                        "After a frame is generated, each reference is shown with a heatmap of how strongly "
                                + "its parts match the target pose, the tokens picked from it, and its share of "
                                + "the frame. They tell you which shot fed which part of the picture."),
                new GuideCard("guideCardTimeline", "Timeline (bottom)",
                        "The target motion: one keyframe track per person and the virtual camera (zoom, "
                                + "pan, roll, cuts). Scrub to see the target skeleton of each frame in the viewer."));
    }
}
