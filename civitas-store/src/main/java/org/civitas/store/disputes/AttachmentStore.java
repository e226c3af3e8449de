package org.civitas.store.disputes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civitas.dispute.Attachment;
import org.civitas.dispute.Attachments;
import org.civitas.dispute.DisputeState;
import org.civitas.dispute.FileType;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The files attached to disputes, numbered within each. */
public final class AttachmentStore implements Attachments {

    private static final RowMapper<Attachment> ATTACHMENT = (rows, context) -> new Attachment(
            rows.getString("dispute"),
            rows.getInt("number"),
            rows.getString("name"),
            FileType.of(rows.getString("media_type")).orElseThrow(),
            rows.getInt("size"),
            rows.getString("sha256"),
            rows.getTimestamp("added_at").toInstant());

    private final Jdbi jdbi;

    public AttachmentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Adds the file under a lock on its dispute's row, so that two at once cannot take one number or pass the limit,
     * and none is added to a dispute resolved meanwhile.
     */
    @Override
    public Optional<Attachment> add(Attachment attachment, byte[] content, int most, Instant deadline) {
        return jdbi.inTransaction(handle -> {
            String state = handle.createQuery("SELECT state FROM disputes WHERE id = :dispute FOR UPDATE")
                    .bind("dispute", attachment.dispute())
                    .mapTo(String.class)
                    .one();
            if (!DisputeState.OPEN.id().equals(state)) {
                return Optional.empty();
            }
            int held = handle.createQuery("SELECT COUNT(*) FROM dispute_files WHERE dispute = :dispute")
                    .bind("dispute", attachment.dispute())
                    .mapTo(Integer.class)
                    .one();
            if (held >= most) {
                return Optional.empty();
            }
            Attachment numbered = new Attachment(attachment.dispute(), held + 1, attachment.name(),
                    attachment.type(), attachment.size(), attachment.sha256(), attachment.addedAt());
            handle.createUpdate("INSERT INTO dispute_files (dispute, number, name, media_type, size, sha256, content,"
                            + " added_at) VALUES (:dispute, :number, :name, :type, :size, :sha256, :content, :at)")
                    .bind("dispute", numbered.dispute())
                    .bind("number", numbered.number())
                    .bind("name", numbered.name())
                    .bind("type", numbered.type().mediaType())
                    .bind("size", numbered.size())
                    .bind("sha256", numbered.sha256())
                    .bind("content", content)
                    .bind("at", numbered.addedAt())
                    .execute();
            handle.createUpdate("UPDATE disputes SET deadline = :deadline WHERE id = :dispute AND deadline < :deadline")
                    .bind("deadline", deadline)
                    .bind("dispute", numbered.dispute())
                    .execute();
            return Optional.of(numbered);
        });
    }

    @Override
    public List<Attachment> of(String dispute) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT dispute, number, name, media_type, size, sha256,"
                        + " added_at FROM dispute_files WHERE dispute = :dispute ORDER BY number")
                .bind("dispute", dispute)
                .map(ATTACHMENT)
                .list());
    }

    @Override
    public Optional<byte[]> content(String dispute, int number) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT content FROM dispute_files"
                        + " WHERE dispute = :dispute AND number = :number")
                .bind("dispute", dispute)
                .bind("number", number)
                .mapTo(byte[].class)
                .findOne());
    }
}
