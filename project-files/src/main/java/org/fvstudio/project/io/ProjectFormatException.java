package org.fvstudio.project.io;

/**
 * A project file that cannot be read: names the file, the JSON path of the first problem and the
 * problem, e.g. {@code project.json: references[2].pose.people[0].body: expected 18 points, got 17}.
 */
public class ProjectFormatException extends Exception {

    private final String fileName;
    private final String jsonPath;
    private final String problem;

    public ProjectFormatException(String fileName, String jsonPath, String problem) {
        this(fileName, jsonPath, problem, null);
    }

    public ProjectFormatException(String fileName, String jsonPath, String problem, Throwable cause) {
        super(fileName + ": " + (jsonPath == null || jsonPath.isEmpty() ? "" : jsonPath + ": ") + problem, cause);
        this.fileName = fileName;
        this.jsonPath = jsonPath == null ? "" : jsonPath;
        this.problem = problem;
    }

    /** The file's name (not its full path), as shown to the user. */
    public String fileName() {
        return fileName;
    }

    /** Where in the JSON the problem is, e.g. {@code references[2].pose}; empty for the whole file. */
    public String jsonPath() {
        return jsonPath;
    }

    public String problem() {
        return problem;
    }
}
