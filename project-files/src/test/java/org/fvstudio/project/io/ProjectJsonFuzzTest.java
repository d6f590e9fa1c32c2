package org.fvstudio.project.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fvstudio.input.FuzzFolders;
import org.fvstudio.input.LoaderContract;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * project.json of a bundle whose references/ holds the three pictures the sample project names. Seeds: the sample
 * project, the version-0 project and the hostile bundles (ProjectJsonFuzzTestInputs/).
 */
class ProjectJsonFuzzTest {

    private static final Path BUNDLE = bundleWithReferences();

    @FuzzTest
    @Timeout(10)
    void projectJson(byte[] json) throws Exception {
        Path file = BUNDLE.resolve(ProjectBundle.PROJECT_FILE);
        Files.write(file, json);
        LoaderContract.holds(BUNDLE, json, () -> ProjectBundle.open(BUNDLE), ProjectFormatException.class);
    }

    private static Path bundleWithReferences() {
        Path bundle = FuzzFolders.create("fuzz-project").resolve("Fuzz.fvs");
        try {
            Files.createDirectories(bundle.resolve("references"));
            for (String name : new String[] {"closeup.png", "medium.png", "wide.png"}) {
                try (InputStream in = ProjectJsonFuzzTest.class.getResourceAsStream("/dwpose-render/editor_pose.png")) {
                    Files.copy(in, bundle.resolve("references").resolve(name));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bundle;
    }
}
