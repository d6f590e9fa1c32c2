package org.fvstudio.coverage;

import java.util.List;

import org.fvstudio.project.ShotScale;

/**
 * The coverage of a shot: the advice, what each enabled reference shows, and who fed what over the generated frames.
 *
 * @param shotFeed the mean feed matrix over the generated frames, or null before any generation
 */
public record CoverageReport(List<CoverageAdvice> advice, List<ReferenceSummary> references, FeedMatrix shotFeed,
                             int frames, int framesGenerated) {

    /** What one reference shows. */
    public record ReferenceSummary(String id, String name, ShotScale scale, ShotReading reading) {
    }

    public CoverageReport {
        advice = List.copyOf(advice);
        references = List.copyOf(references);
    }

    /** The advice as text, one line each, e.g. for the command line. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (advice.isEmpty()) {
            text.append("The references cover every frame: no shot to add.\n");
        }
        for (CoverageAdvice a : advice) {
            text.append("- ").append(a.text()).append('\n');
        }
        return text.toString();
    }
}
