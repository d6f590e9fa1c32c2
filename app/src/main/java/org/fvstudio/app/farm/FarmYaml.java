package org.fvstudio.app.farm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.fvstudio.project.io.AtomicFileWriter;

/** Writes job descriptions as YAML, atomically; strings that look like numbers stay quoted strings. */
public final class FarmYaml {

    public static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private FarmYaml() {
    }

    public static void write(Path file, String comment, Object document) throws IOException {
        String body = MAPPER.writeValueAsString(document);
        String yaml = "# " + comment + "\n" + body + (body.endsWith("\n") ? "" : "\n");
        AtomicFileWriter.replace(file, yaml.getBytes(StandardCharsets.UTF_8));
    }
}
