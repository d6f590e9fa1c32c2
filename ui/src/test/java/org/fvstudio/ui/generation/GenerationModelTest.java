package org.fvstudio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fvstudio.cache.CacheKey;
import org.fvstudio.cache.CacheKeyBuilder;
import org.fvstudio.cache.ReferenceResult;
import org.fvstudio.cache.RenderedFrame;
import org.fvstudio.cache.TokenSelection;
import org.fvstudio.export.ExportException;
import org.fvstudio.export.ExportMonitor;
import org.fvstudio.export.FloatMap;
import org.fvstudio.export.Images;
import org.fvstudio.export.VideoQuality;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.ui.edit.EditHistory;
import org.fvstudio.ui.export.ExportKind;
import org.fvstudio.ui.export.ExportRequest;
import org.fvstudio.ui.export.ExportRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI-free parts of generation: staleness, token masks, stored settings, settings edits, export errors. */
class GenerationModelTest {

    @TempDir
    Path temp;

    private static CacheKey key(String text) {
        return new CacheKeyBuilder().text("test", text).build();
    }

    private static RgbImage filled(int rgb) {
        int[] pixels = new int[16];
        java.util.Arrays.fill(pixels, rgb);
        return RgbImage.ofPacked(4, 4, pixels);
    }

    private static GeneratedFrame frame(int n, CacheKey key) {
        FloatMap map = FloatMap.of(2, 2, new float[] {0, 1, 2, 3});
        return new GeneratedFrame(n, filled(0x336699), List.of(new ReferenceResult("ref-1", map, 0.75)),
                List.of(new TokenSelection("b0", 2, 2, new int[] {3, 1, -1}, new float[] {0.9f, 0.5f, 0f})),
                GenerationSettings.DEFAULTS, key, "CPU", 0.5);
    }

    @Test
    void staleMeansTheKeyOfTheInputsChangedNotThatTheFrameIsMissing() {
        GenerationResults results = new GenerationResults();
        results.put(frame(0, key("a0")));
        results.put(frame(1, key("a1")));
        results.update(Map.of(0, key("a0"), 1, key("b1"), 2, key("a2")), Map.of(), 3);
        assertThat(results.stale()).containsExactly(1);
        assertThat(results.needingGeneration(List.of(0, 1, 2))).containsExactly(1, 2);
        // A restored result with the current key clears the mark; a shorter project drops frames.
        results.update(Map.of(0, key("a0"), 1, key("b1")), Map.of(1, frame(1, key("b1"))), 2);
        assertThat(results.stale()).isEmpty();
        results.update(Map.of(0, key("a0")), Map.of(), 1);
        assertThat(results.frames()).containsOnlyKeys(0);
    }

    @Test
    void tokenMaskMapsPicturePointsToBankCells() {
        TokenMask mask = new TokenMask("b0", 2, 2, new int[] {3, 4, -1});
        // reference 0: cell (1,1) = index 3; reference 1: cell (0,0) = index 4
        assertThat(mask.isSelected(0, 0.9, 0.9)).isTrue();
        assertThat(mask.isSelected(0, 0.1, 0.1)).isFalse();
        assertThat(mask.isSelected(1, 0.1, 0.1)).isTrue();
        assertThat(mask.countOf(0)).isEqualTo(1);
        assertThat(mask.cellsOf(1)).containsExactly(true, false, false, false);
    }

    @Test
    void cachedFramesKeepSettingsMaskAndMaps() throws IOException {
        GenerationSettings settings = new GenerationSettings("/packs/x", "cpu", 12, 2.5, 7, 64, List.of("ref-1"));
        GeneratedFrame original = new GeneratedFrame(5, filled(0x102030), frame(5, key("k")).references(),
                List.of(new TokenSelection("b0", 2, 2, new int[] {0, 2}, new float[] {1f, 0.5f}),
                        new TokenSelection("b1", 1, 1, new int[] {0}, new float[] {2f})), settings, key("k"), "CPU", 1.25);
        RenderedFrame stored = RenderedFrames.toCache(original);
        GeneratedFrame back = RenderedFrames.fromCache(5, key("k"), stored);
        assertThat(Images.samePixels(back.image(), original.image())).isTrue();
        assertThat(back.references()).isEqualTo(original.references());
        assertThat(back.selections()).isEqualTo(original.selections());
        assertThat(back.mask()).isEqualTo(new TokenMask("b0", 2, 2, new int[] {0, 2}));
        assertThat(back.settings()).isEqualTo(settings);
        assertThat(back.device()).isEqualTo("CPU");
        assertThat(back.seconds()).isEqualTo(1.25);
        assertThatThrownBy(() -> SettingsJson.read("{\"pack\":\"p\"}")).isInstanceOf(IOException.class)
                .hasMessageContaining("device");
    }

    @Test
    void settingsChangesAreUndoableEditsAndAHeldSpinnerIsOne() {
        Project[] current = {Project.createNew("Edits")};
        EditHistory history = new EditHistory(() -> current[0], p -> current[0] = p, 50);
        history.beginGesture();
        history.execute(GenerationEdits.steps(current[0], 9));
        history.execute(GenerationEdits.steps(current[0], 10));
        history.endGesture();
        history.execute(GenerationEdits.seed(current[0], 1234));
        assertThat(current[0].generation().steps()).isEqualTo(10);
        assertThat(current[0].generation().seed()).isEqualTo(1234);
        history.undo();
        assertThat(current[0].generation().seed()).isEqualTo(GenerationSettings.DEFAULTS.seed());
        history.undo();
        assertThat(current[0].generation()).isEqualTo(GenerationSettings.DEFAULTS);
        assertThatThrownBy(() -> history.execute(GenerationEdits.steps(current[0], 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps");
    }

    @Test
    void exportsSayWhatIsWrong() throws Exception {
        Project project = Project.createNew("Empty");
        Path bundle = temp.resolve("Empty.fvs");
        ProjectBundle.create(bundle, project);
        ExportRunner nothing = new ExportRunner(project, bundle, Map.of());
        Path video = temp.resolve("out.mp4");
        assertThatThrownBy(() -> nothing.run(new ExportRequest(ExportKind.MP4, video, VideoQuality.DRAFT, 128, 0.5, true),
                ExportMonitor.NONE)).isInstanceOf(ExportException.class).hasMessageContaining("no frame has been generated");
        ExportRunner one = new ExportRunner(project, bundle, Map.of(0, frame(0, key("x"))));
        Path missing = temp.resolve("no-such-folder").resolve("out.mp4");
        assertThatThrownBy(() -> one.run(new ExportRequest(ExportKind.MP4, missing, VideoQuality.DRAFT, 128, 0.5, true),
                ExportMonitor.NONE)).isInstanceOf(ExportException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new ExportRequest(ExportKind.MP4, video, VideoQuality.DRAFT, 128, 1.5, true))
                .hasMessageContaining("opacity");
    }
}
