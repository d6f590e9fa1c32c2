package org.fvstudio.project.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

import org.fvstudio.input.BadInputException;
import org.fvstudio.input.BoundedImageReader;
import org.fvstudio.input.DecodedImage;
import org.fvstudio.input.ImageHeader;
import org.fvstudio.input.InputLimits;

/** Checks that a file decodes as a PNG or JPEG and copies it into a references folder under a free name. */
final class ReferenceImageImporter {

    private ReferenceImageImporter() {
    }

    static String importInto(Path referencesDir, Path source) throws ImageImportException, IOException {
        String kind = validate(source);
        Files.createDirectories(referencesDir);
        String name = freeName(referencesDir, baseName(source, kind));
        Path temp = TemporaryFiles.createFile(referencesDir, "import-", ".part");
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, referencesDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return name;
    }

    /**
     * Checks the declared size, then decodes the whole image (subsampled to {@link InputLimits#WORKING_MAX_SIDE}, which
     * still reads every byte); returns "png" or "jpeg".
     */
    static String validate(Path source) throws ImageImportException {
        String fileName = String.valueOf(source.getFileName());
        if (!Files.isRegularFile(source)) {
            throw new ImageImportException(source, fileName + ": " + (Files.exists(source) ? "not a file" : "file not found"));
        }
        try {
            Optional<ImageHeader> header = BoundedImageReader.header(source, fileName);
            String kind = header.map(ImageHeader::format).orElse("");
            if (!kind.equals("png") && !kind.equals("jpeg")) {
                throw new ImageImportException(source, fileName + " is not a PNG or JPEG image");
            }
            DecodedImage decoded = BoundedImageReader.read(source, fileName, InputLimits.WORKING_MAX_SIDE);
            // The JPEG decoder reports truncated data as a warning and returns a grey-padded image.
            if (!decoded.warnings().isEmpty()) {
                throw new ImageImportException(source, fileName + ": corrupt " + header.get().label() + " data ("
                        + String.join("; ", decoded.warnings()) + ")");
            }
            return kind;
        } catch (BadInputException e) {
            throw new ImageImportException(source, fileName + " " + e.problem(), e);
        } catch (NoSuchFileException e) {
            throw new ImageImportException(source, fileName + ": file not found", e);
        } catch (IOException e) {
            throw new ImageImportException(source, e.getMessage(), e);
        }
    }

    private static String baseName(Path source, String kind) {
        String name = source.getFileName().toString();
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        String lower = safe.toLowerCase(Locale.ROOT);
        boolean extensionFits = kind.equals("png") ? lower.endsWith(".png")
                : lower.endsWith(".jpg") || lower.endsWith(".jpeg");
        if (safe.isEmpty()) {
            safe = "image";
        }
        return extensionFits ? safe : safe + (kind.equals("png") ? ".png" : ".jpg");
    }

    private static String freeName(Path dir, String name) {
        if (!Files.exists(dir.resolve(name))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = name.substring(0, dot);
        String extension = name.substring(dot);
        for (int i = 2; ; i++) {
            String candidate = stem + "-" + i + extension;
            if (!Files.exists(dir.resolve(candidate))) {
                return candidate;
            }
        }
    }
}
