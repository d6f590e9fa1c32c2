package org.fvstudio.ui.generation;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.ui.studio.StudioViewModel;

/**
 * The timeline's generated-frames strip: a thumbnail per generated frame (stale ones crossed in red) and
 * below it a stacked bar of the references' shares, so one sees which shot fed which part of the sequence.
 * Clicking a frame moves the playhead there.
 */
public final class GeneratedStrip extends Pane {

    public static final double THUMB_HEIGHT = 40;
    public static final double BAR_HEIGHT = 10;

    private final StudioViewModel studio;
    private final GenerationResults results;
    private final Canvas canvas = new Canvas();
    private final Map<GeneratedFrame, Image> thumbnails = new IdentityHashMap<>();
    private final Tooltip tip = new Tooltip();

    public GeneratedStrip(StudioViewModel studio, GenerationResults results) {
        this.studio = studio;
        this.results = results;
        setId("generatedStrip");
        getStyleClass().add("generated-strip");
        setMinHeight(THUMB_HEIGHT + BAR_HEIGHT + 2);
        setPrefHeight(THUMB_HEIGHT + BAR_HEIGHT + 2);
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener((obs, old, now) -> draw());
        canvas.heightProperty().addListener((obs, old, now) -> draw());
        results.changesProperty().addListener((obs, old, now) -> {
            thumbnails.keySet().retainAll(results.frames().values().stream()
                    .collect(java.util.stream.Collectors.toCollection(() -> java.util.Collections.newSetFromMap(new IdentityHashMap<>()))));
            draw();
        });
        studio.currentFrameProperty().addListener((obs, old, now) -> draw());
        studio.document().projectProperty().addListener((obs, old, now) -> draw());
        canvas.setOnMouseClicked(e -> frameAt(e.getX()).ifPresent(f -> studio.currentFrameProperty().set(f)));
        canvas.setOnMouseMoved(e -> frameAt(e.getX()).ifPresent(f -> tip.setText(describe(f))));
        Tooltip.install(canvas, tip);
    }

    /** Width of one frame's cell at the current size. */
    public double cellWidth() {
        int frames = Math.max(1, studio.project().frameCount());
        return Math.max(1, getWidth() / frames);
    }

    /** What hovering over a frame's cell says (also the strip's accessible description of that frame). */
    public String describe(int frame) {
        Optional<GeneratedFrame> result = results.at(frame);
        if (result.isEmpty()) {
            return "Frame " + frame + (results.isLoading() ? ": " + results.loadingText() : ": not generated");
        }
        StringBuilder text = new StringBuilder("Frame " + frame + (results.isStale(frame) ? " (stale)" : "") + ":");
        for (ReferenceResult r : result.get().references()) {
            String name = studio.project().reference(r.referenceId()).map(s -> s.name()).orElse(r.referenceId());
            text.append(String.format(" %s %.0f %%", name, r.share() * 100));
        }
        return text.toString();
    }

    private Optional<Integer> frameAt(double x) {
        int frame = (int) Math.floor(x / cellWidth());
        return frame >= 0 && frame < studio.project().frameCount() ? Optional.of(frame) : Optional.empty();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.rgb(32, 32, 36));
        g.fillRect(0, 0, w, h);
        int frames = studio.project().frameCount();
        double cell = cellWidth();
        for (int f = 0; f < frames; f++) {
            double x = f * cell;
            Optional<GeneratedFrame> result = results.at(f);
            if (result.isEmpty()) {
                continue;
            }
            GeneratedFrame r = result.get();
            Image thumb = thumbnails.computeIfAbsent(r, k -> FxImages.thumbnail(k.picture().thumbnail(), (int) THUMB_HEIGHT));
            g.drawImage(thumb, x, 0, Math.max(1, cell - 1), THUMB_HEIGHT);
            double bx = x;
            for (int i = 0; i < r.references().size(); i++) {
                double part = r.references().get(i).share() * Math.max(1, cell - 1);
                g.setFill(ReferenceColors.of(i));
                g.fillRect(bx, THUMB_HEIGHT + 1, part, BAR_HEIGHT);
                bx += part;
            }
            if (results.isStale(f)) {
                g.setStroke(Color.rgb(230, 40, 40));
                g.setLineWidth(2);
                g.strokeLine(x, 0, x + cell - 1, THUMB_HEIGHT);
                g.strokeLine(x + cell - 1, 0, x, THUMB_HEIGHT);
                g.setFill(Color.rgb(230, 40, 40, 0.25));
                g.fillRect(x, 0, cell - 1, THUMB_HEIGHT);
            }
        }
        if (results.isLoading()) {
            // Until the cache is read an empty cell may still have a result: say so instead of showing gaps.
            g.setFill(Color.rgb(220, 220, 225));
            g.setFont(javafx.scene.text.Font.font(12));
            g.fillText(results.loadingText(), 8, THUMB_HEIGHT / 2 + 4);
        }
        int current = studio.currentFrameProperty().get();
        g.setStroke(Color.WHITE);
        g.setLineWidth(1);
        g.strokeRect(current * cell + 0.5, 0.5, Math.max(1, cell - 1), h - 1);
    }
}
