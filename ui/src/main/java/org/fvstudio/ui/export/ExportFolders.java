package org.fvstudio.ui.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.fvstudio.ui.document.ProjectLocation;

/** Where the export dialog proposes to write, before the artist picks a place. */
public final class ExportFolders {

    private ExportFolders() {
    }

    /**
     * Beside a saved bundle. An untitled project's bundle is a scratch folder inside the studio's hidden home
     * folder, where nobody would look for a video: then the folder of the latest export, else the user's
     * Videos folder, else the user's home folder.
     */
    public static Path suggest(ProjectLocation location, Optional<Path> lastExportFolder, Path userHome) {
        if (!location.untitled() && location.folder().getParent() != null) {
            return location.folder().getParent();
        }
        if (lastExportFolder.isPresent() && Files.isDirectory(lastExportFolder.get())) {
            return lastExportFolder.get();
        }
        Path videos = userHome.resolve("Videos");
        return Files.isDirectory(videos) ? videos : userHome;
    }
}
