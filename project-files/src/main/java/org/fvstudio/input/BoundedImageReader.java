package org.fvstudio.input;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads pictures through ImageIO, header first: the declared width and height are checked against
 * {@link InputLimits} before a pixel is decoded, and a picture larger than the caller needs is decoded subsampled,
 * so a 20000x20000 "decompression bomb" is refused in microseconds and an 8000x6000 photo never exists in memory
 * at full size. Only the first image of a file is read.
 */
public final class BoundedImageReader {

    /** Decode every pixel (still within {@link InputLimits#IMAGE_MAX_SIDE}). */
    public static final int FULL_SIZE = Integer.MAX_VALUE;

    private BoundedImageReader() {
    }

    /**
     * The header of {@code file}, or empty when ImageIO knows no reader for it (WebP, TIFF: FFmpeg may).
     *
     * @param name how messages name the file
     */
    public static Optional<ImageHeader> header(Path file, String name) throws IOException {
        checkFile(file, name);
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            return header(stream, name);
        }
    }

    /** Like {@link #header(Path, String)}, for a picture held in memory. */
    public static Optional<ImageHeader> header(byte[] data, String name) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            return header(stream, name);
        }
    }

    /**
     * Decodes {@code file} with at most {@code maxSide} pixels on either side (subsampled when larger, or
     * {@link #FULL_SIZE}), after checking its size in bytes and its declared size.
     */
    public static DecodedImage read(Path file, String name, int maxSide) throws IOException {
        checkFile(file, name);
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            return decode(stream, name, maxSide);
        }
    }

    /** Like {@link #read(Path, String, int)}, for a picture held in memory (a cache entry). */
    public static DecodedImage read(byte[] data, String name, int maxSide) throws IOException {
        if (data.length > InputLimits.IMAGE_MAX_BYTES) {
            throw new InputTooLargeException(name, "weighs " + InputLimits.bytes(data.length) + ", more than the "
                    + InputLimits.bytes(InputLimits.IMAGE_MAX_BYTES) + " FV Studio reads for a picture");
        }
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            return decode(stream, name, maxSide);
        }
    }

    private static void checkFile(Path file, String name) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(name, null, Files.exists(file) ? "not a file" : "file not found");
        }
        InputLimits.checkFileSize(file, name, InputLimits.IMAGE_MAX_BYTES, "a picture");
    }

    private static Optional<ImageHeader> header(ImageInputStream stream, String name) throws IOException {
        if (stream == null) {
            throw new IOException(name + ": cannot be opened as a picture");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(stream, true, true);
            return Optional.of(declared(reader, name));
        } finally {
            reader.dispose();
        }
    }

    private static DecodedImage decode(ImageInputStream stream, String name, int maxSide) throws IOException {
        if (stream == null) {
            throw new IOException(name + ": cannot be opened as a picture");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext()) {
            throw new IOException(name + ": not a picture FV Studio can read (PNG, JPEG, BMP or GIF)");
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(stream, true, true);
            ImageHeader header = declared(reader, name);
            InputLimits.checkImageSize(name, header.width(), header.height());
            int subsampling = InputLimits.subsampling(header.width(), header.height(), maxSide);
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((IIOReadWarningListener) (r, warning) -> {
                String described = describe(warning);
                if (!warnings.contains(described)) {
                    warnings.add(described);
                }
            });
            BufferedImage image;
            try {
                image = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                throw new IOException(name + ": corrupt " + header.label() + " data (" + describe(e) + ")", e);
            }
            return new DecodedImage(image, header, subsampling, warnings);
        } finally {
            reader.dispose();
        }
    }

    private static ImageHeader declared(ImageReader reader, String name) throws IOException {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        try {
            return new ImageHeader(format, reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw new IOException(name + ": the " + format.toUpperCase(Locale.ROOT) + " header cannot be read ("
                    + describe(e) + ")", e);
        }
    }

    /** A decoder's complaint in plain words: truncation said as such, otherwise the innermost message. */
    static String describe(Throwable problem) {
        Throwable root = problem;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof EOFException) {
            return truncated();
        }
        return root.getMessage() == null ? "the decoder stopped without saying why" : describe(root.getMessage());
    }

    private static String describe(String decoderMessage) {
        String lower = decoderMessage.toLowerCase(Locale.ROOT);
        if (lower.contains("premature end") || lower.contains("unexpected end") || lower.contains("end of stream")
                || lower.contains("truncated")) {
            return truncated();
        }
        return decoderMessage.replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error):\\s*", "").strip();
    }

    private static String truncated() {
        return "truncated: the file ends before the picture does";
    }
}
