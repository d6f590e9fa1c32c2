package org.fvstudio.project.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

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

    /** Decodes the whole image; returns "png" or "jpeg". */
    static String validate(Path source) throws ImageImportException {
        String fileName = String.valueOf(source.getFileName());
        if (!Files.isRegularFile(source)) {
            throw new ImageImportException(source, fileName + ": " + (Files.exists(source) ? "not a file" : "file not found"));
        }
        try (InputStream in = Files.newInputStream(source);
             ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                throw new ImageImportException(source, fileName + " is not a PNG or JPEG image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            ImageReader reader = readers.hasNext() ? readers.next() : null;
            String kind = reader == null ? "" : reader.getFormatName().toLowerCase(Locale.ROOT);
            if (!kind.equals("png") && !kind.equals("jpeg")) {
                throw new ImageImportException(source, fileName + " is not a PNG or JPEG image");
            }
            String label = kind.equals("png") ? "PNG" : "JPEG";
            try {
                StringBuilder warnings = new StringBuilder();
                reader.addIIOReadWarningListener((IIOReadWarningListener) (r, warning) -> warnings.append(warnings.length() > 0 ? "; " : "").append(warning));
                reader.setInput(stream, true, true);
                reader.read(0);
                // The JPEG decoder reports truncated data as a warning and returns a grey-padded image.
                if (warnings.length() > 0) {
                    throw new ImageImportException(source, fileName + ": corrupt " + label + " data (" + warnings + ")");
                }
            } catch (IOException | RuntimeException e) {
                throw new ImageImportException(source, fileName + ": corrupt " + label + " data (" + rootMessage(e) + ")", e);
            } finally {
                reader.dispose();
            }
            return kind;
        } catch (NoSuchFileException e) {
            throw new ImageImportException(source, fileName + ": file not found", e);
        } catch (IOException e) {
            throw new ImageImportException(source, fileName + ": cannot be read (" + rootMessage(e) + ")", e);
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
