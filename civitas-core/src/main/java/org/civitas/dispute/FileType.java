package org.civitas.dispute;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a person may attach to a dispute: a document, a photo or plain text. A file is taken only if its
 * first bytes are what its declared type begins with, so that nothing else passes under a harmless name.
 */
public enum FileType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
    TEXT("text/plain", new byte[0]);

    private final String mediaType;
    private final byte[] signature;

    FileType(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type named {@code mediaType} (parameters such as {@code ;charset=utf-8} aside), if it is one of these. */
    public static Optional<FileType> of(String mediaType) {
        String bare = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(bare)).findFirst();
    }

    /** Every type's media type, for a message that lists them. */
    public static String all() {
        return String.join(", ", Arrays.stream(values()).map(FileType::mediaType).toList());
    }

    /**
     * Whether {@code content} is a file of this type: it begins with the type's signature; plain text is UTF-8 with no
     * control characters but tabs and line breaks.
     */
    public boolean recognises(byte[] content) {
        if (this == TEXT) {
            return isPlainText(content);
        }
        return content.length >= signature.length
                && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }

    /** What a refused file is told: what this type's content begins with. */
    public String expected() {
        return switch (this) {
            case PDF -> "a PDF document begins with %PDF-";
            case PNG -> "a PNG image begins with the eight bytes of its signature";
            case JPEG -> "a JPEG image begins with the bytes FF D8 FF";
            case TEXT -> "plain text is UTF-8 with no control characters but tabs and line breaks";
        };
    }

    private static boolean isPlainText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }
}
