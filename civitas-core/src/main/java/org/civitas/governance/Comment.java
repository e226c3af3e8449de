package org.civitas.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * A resident's word in a proposal's debate, shown as plain text.
 *
 * @param author the username of the resident who wrote it
 */
public record Comment(String id, String proposal, String author, String body, Instant writtenAt) {

    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }
}
