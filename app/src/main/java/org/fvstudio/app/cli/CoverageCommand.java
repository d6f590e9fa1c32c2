package org.fvstudio.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.fvstudio.cache.CacheException;
import org.fvstudio.cache.RenderCache;
import org.fvstudio.coverage.BodyRegion;
import org.fvstudio.coverage.CoverageAdvisor;
import org.fvstudio.coverage.CoverageJson;
import org.fvstudio.coverage.CoverageReport;
import org.fvstudio.coverage.FeedMatrix;
import org.fvstudio.coverage.FrameEvidence;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectFormatException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fvstudio coverage PROJECT}: which shot is missing, and who fed what over the generated frames. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Print coverage advice (which reference shot to add for which frames) from the skeletons, refined "
                + "by the frames in the render cache, and who fed what over those frames.")
public final class CoverageCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "project bundle folder (NAME.fvs)")
    Path projectDir;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    public Integer call() {
        ProjectBundle bundle;
        try {
            bundle = ProjectBundle.open(projectDir);
        } catch (IOException | ProjectFormatException e) {
            System.err.println("fvstudio coverage: cannot open project " + projectDir + ": " + e.getMessage());
            return 2;
        }
        Project project = bundle.project();
        Map<Integer, FrameEvidence> evidence;
        try {
            evidence = evidence(bundle, project);
        } catch (CacheException e) {
            System.err.println("fvstudio coverage: " + e.getMessage());
            return 1;
        }
        CoverageReport report = CoverageAdvisor.advise(project, evidence);
        if (json) {
            try {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(CoverageJson.of(report, project)));
            } catch (IOException e) {
                throw new IllegalStateException("a JSON tree built in memory could not be written", e);
            }
        } else {
            print(report);
        }
        return 0;
    }

    /** The frames the render cache holds, as last generated (also when their inputs changed since). */
    private static Map<Integer, FrameEvidence> evidence(ProjectBundle bundle, Project project) throws CacheException {
        Map<Integer, FrameEvidence> out = new HashMap<>();
        if (!Files.isDirectory(bundle.cacheDir())) {
            return out;
        }
        RenderCache cache = RenderCache.open(bundle.cacheDir(), RenderCache.DEFAULT_SIZE_LIMIT);
        for (int frame : cache.frames()) {
            if (frame < project.frameCount()) {
                cache.get(frame).flatMap(r -> FrameEvidence.of(frame, r.references(), r.selections(), project))
                        .ifPresent(e -> out.put(frame, e));
            }
        }
        return out;
    }

    private static void print(CoverageReport report) {
        System.out.println("references:");
        for (CoverageReport.ReferenceSummary r : report.references()) {
            String face = Double.isFinite(r.reading().faceHeight())
                    ? String.format(Locale.ROOT, ", face %.0f px high", r.reading().faceHeight()) : ", face not seen";
            System.out.println("  " + r.name() + " (" + r.scale().label().toLowerCase(Locale.ROOT) + "): "
                    + r.reading().facing().label() + face + "; shows " + r.reading().regions().stream()
                    .sorted().map(BodyRegion::label).reduce((a, b) -> a + ", " + b).orElse("nothing"));
        }
        System.out.println("advice over " + report.frames() + " frames (" + report.framesGenerated() + " generated):");
        System.out.print(report.describe().indent(2));
        FeedMatrix feed = report.shotFeed();
        if (feed != null) {
            System.out.println("who fed what over the generated frames (share of the selected tokens):");
            StringBuilder header = new StringBuilder(String.format("  %-16s", "reference"));
            for (BodyRegion region : BodyRegion.values()) {
                header.append(String.format(" %10s", region.jsonName()));
            }
            System.out.println(header);
            for (int n = 0; n < feed.referenceIds().size(); n++) {
                StringBuilder row = new StringBuilder(String.format("  %-16s", feed.referenceIds().get(n)));
                for (BodyRegion region : BodyRegion.values()) {
                    row.append(String.format(Locale.ROOT, " %9.1f%%", 100 * feed.share(n, region)));
                }
                System.out.println(row);
            }
        }
    }
}
