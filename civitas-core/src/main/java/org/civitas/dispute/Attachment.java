package org.civitas.dispute;

import java.time.Instant;
import java.util.Objects;

/**
 * A file a person attached to their dispute as evidence, as lists show it; its content is kept beside it.
 *
 * @param number its place among the dispute's files, from 1
 * @param name the file's name as the person gave it
 * @param sha256 the content's SHA-256, in hex, so that anyone holding a copy can tell it is the same
 */
public record Attachment(String dispute, int number, String name, FileType type, int size, String sha256,
        Instant addedAt) {

    public Attachment {
        Objects.requireNonNull(dispute, "dispute");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
