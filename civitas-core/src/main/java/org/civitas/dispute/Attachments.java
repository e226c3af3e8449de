package org.civitas.dispute;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the files attached to disputes are kept. */
public interface Attachments {

    /**
     * Keeps {@code attachment} and its {@code content} as the next file of its dispute, numbered one past the last, and
     * moves the dispute's deadline to {@code deadline} if that is later, all at once; returns the file as kept, or
     * empty if the dispute is no longer open or holds {@code most} files already.
     */
    Optional<Attachment> add(Attachment attachment, byte[] content, int most, Instant deadline);

    /** The files of dispute {@code dispute}, in the order they were added. */
    List<Attachment> of(String dispute);

    /** The content of file {@code number} of dispute {@code dispute}, if it has one. */
    Optional<byte[]> content(String dispute, int number);
}
