package org.fvstudio.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Where a text file stops being UTF-8, for a message better than the decoder's "Input length = 1". */
public final class TextEncoding {

    /** The first byte that is not UTF-8: its line (from 1), its offset in the file (from 0) and its value. */
    public record InvalidByte(int line, long offset, int value) {
        public String hex() {
            return String.format(Locale.ROOT, "0x%02X", value);
        }
    }

    private TextEncoding() {
    }

    public static Optional<InvalidByte> firstInvalidUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        int line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                if (!end) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        end = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                }
                bytes.flip();
                int before = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, end);
                consumed += bytes.position() - before;
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    return Optional.of(new InvalidByte(line, consumed, bytes.get(bytes.position()) & 0xFF));
                }
                if (end && !bytes.hasRemaining()) {
                    return Optional.empty();
                }
                bytes.compact();
            }
        }
    }
}
