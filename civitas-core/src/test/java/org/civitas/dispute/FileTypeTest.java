package org.civitas.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypeTest {

    private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0};

    @Test
    void aFileIsTakenOnlyAsTheTypeItsFirstBytesShow() {
        assertThat(FileType.PDF.recognises(PDF)).isTrue();
        assertThat(FileType.PNG.recognises(PNG)).isTrue();
        assertThat(FileType.JPEG.recognises(JPEG)).isTrue();
        assertThat(FileType.PDF.recognises(PNG)).isFalse();
        assertThat(FileType.PNG.recognises(JPEG)).isFalse();
        assertThat(FileType.JPEG.recognises(new byte[] {(byte) 0xff, (byte) 0xd8})).as("too short").isFalse();
        assertThat(FileType.PNG.recognises("<html><script>".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void plainTextIsUtf8WithoutControlCharactersButTabsAndLineBreaks() {
        assertThat(FileType.TEXT.recognises("Zahlung am 20.9.\r\n\tReferenz 4711 ✓".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(FileType.TEXT.recognises(new byte[] {'a', 0, 'b'})).isFalse();
        assertThat(FileType.TEXT.recognises(new byte[] {'a', 0x1b, '['})).as("an escape sequence").isFalse();
        assertThat(FileType.TEXT.recognises(new byte[] {'a', (byte) 0xc3})).as("cut UTF-8").isFalse();
        assertThat(FileType.TEXT.recognises(PDF)).as("a PDF's first line is text too").isTrue();
    }

    @Test
    void aMediaTypeIsReadWithoutItsParametersAndInAnyCase() {
        assertThat(FileType.of("text/plain; charset=utf-8")).contains(FileType.TEXT);
        assertThat(FileType.of("Application/PDF")).contains(FileType.PDF);
        assertThat(FileType.of("application/x-msdownload")).isEmpty();
        assertThat(FileType.of(null)).isEmpty();
    }
}
