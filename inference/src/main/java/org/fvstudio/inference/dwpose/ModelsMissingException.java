package org.fvstudio.inference.dwpose;

import java.nio.file.Path;
import java.util.List;

import org.fvstudio.inference.runtime.ModelLoadException;

/** The DWPose model files are not where they must be; the message says which files to put where. */
public class ModelsMissingException extends ModelLoadException {

    private final transient List<String> missingFiles;

    public ModelsMissingException(Path folder, List<String> missingFiles) {
        super(folder, message(folder, missingFiles));
        this.missingFiles = List.copyOf(missingFiles);
    }

    /** File names (in the folder) that are absent. */
    public List<String> missingFiles() {
        return missingFiles;
    }

    public Path folder() {
        return file();
    }

    private static String message(Path folder, List<String> missing) {
        StringBuilder sb = new StringBuilder("DWPose models missing: put ");
        for (int i = 0; i < missing.size(); i++) {
            if (i > 0) {
                sb.append(i == missing.size() - 1 ? " and " : ", ");
            }
            sb.append(missing.get(i)).append(" (").append(DwposeModels.describe(missing.get(i))).append(')');
        }
        return sb.append(" into ").append(folder.toAbsolutePath())
                .append(" (or choose another model folder). FV Studio downloads nothing; both files come with the"
                        + " DWPose project (IDEA-Research/DWPose, ONNX release).")
                .toString();
    }
}
