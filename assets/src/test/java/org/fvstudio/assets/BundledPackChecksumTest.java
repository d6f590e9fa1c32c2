package org.fvstudio.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled pack's manifest lists every file with its SHA-256, and the files match (no Python needed). */
class BundledPackChecksumTest {

    private static final Path PACK = Path.of("packs", "fvs-tiny");
    private static final Pattern FILES_BLOCK = Pattern.compile("\"files\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([0-9a-f]{64})\"");

    @Test
    void everyFileIsListedWithItsSha256() throws IOException, NoSuchAlgorithmException {
        String manifest = Files.readString(PACK.resolve("pack.json"), StandardCharsets.UTF_8);
        Matcher block = FILES_BLOCK.matcher(manifest);
        assertTrue(block.find(), "pack.json has no \"files\" object");
        Map<String, String> listed = new TreeMap<>();
        Matcher entry = ENTRY.matcher(block.group(1));
        while (entry.find()) {
            listed.put(entry.group(1), entry.group(2));
        }
        assertFalse(listed.isEmpty(), "pack.json lists no files");
        try (Stream<Path> files = Files.list(PACK)) {
            Map<String, String> present = new TreeMap<>();
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.equals("pack.json")) {
                    present.put(name, sha256(f));
                }
            }
            assertEquals(listed, present, "pack.json files/checksums vs the folder");
        }
        assertTrue(listed.containsKey("denoiser.onnx"), "the denoiser graph is required");
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
