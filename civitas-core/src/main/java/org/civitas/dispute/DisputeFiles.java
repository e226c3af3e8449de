package org.civitas.dispute;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.Tokens;
import org.civitas.access.AccessLog;
import org.civitas.access.AccessRecord;
import org.civitas.account.Actor;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;

/**
 * Files a person attaches to their open dispute as evidence: at most {@value #MOST} of at most {@value #MAX_BYTES}
 * bytes each, each a PDF, PNG, JPEG or plain text whose content is what its type says. Attaching one gives reviewers
 * the longer period evidence gives. The person and the reviewers read them; a reviewer's read is in the person's
 * access log and the official record, as their look at the event is.
 */
public final class DisputeFiles {

    /** The most files one dispute holds. */
    public static final int MOST = 5;
    /** The largest file, in bytes. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[^/\\\\\"\\p{Cntrl}]{1,100}");

    private final DisputeDesk desk;
    private final Attachments attachments;
    private final AccessLog accessLog;
    private final OfficialRecord officials;
    private final Clock clock;

    public DisputeFiles(DisputeDesk desk, Attachments attachments, AccessLog accessLog, OfficialRecord officials,
            Clock clock) {
        this.desk = desk;
        this.attachments = attachments;
        this.accessLog = accessLog;
        this.officials = officials;
        this.clock = clock;
    }

    /** Attaches {@code content}, a file {@code name} of {@code mediaType}, to {@code person}'s open dispute. */
    public Attachment attach(String person, String dispute, String name, String mediaType, byte[] content) {
        Dispute open = desk.unresolvedOf(person, dispute);
        String fileName = name == null ? "" : name.strip();
        if (!NAME.matcher(fileName).matches()) {
            throw new InvalidInputException("name", "the file's name: 1 to 100 characters, without /, \\, \" or"
                    + " control characters");
        }
        FileType type = FileType.of(mediaType).orElseThrow(() -> new InvalidInputException("Content-Type",
                "one of " + FileType.all() + ", not '" + mediaType + "'"));
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new InvalidInputException("file", content.length == 0 ? "it is empty"
                    : "at most " + MAX_BYTES + " bytes, not " + content.length);
        }
        if (!type.recognises(content)) {
            throw new InvalidInputException("file", "it is not " + type.mediaType() + ": " + type.expected());
        }
        Instant now = clock.instant();
        return attachments.add(new Attachment(dispute, 0, fileName, type, content.length, Tokens.sha256(content),
                now), content, MOST, open.openedAt().plus(DisputeDesk.REVIEW_PERIOD_WITH_EVIDENCE))
                .orElseThrow(() -> new ConflictException(desk.get(dispute).state().isFinal()
                        ? "this dispute was resolved meanwhile" : "a dispute holds at most " + MOST + " files"));
    }

    /** The files of {@code person}'s dispute {@code dispute}. */
    public List<Attachment> of(String person, String dispute) {
        mine(person, dispute);
        return attachments.of(dispute);
    }

    /**
     * The files of dispute {@code dispute}, for {@code reviewer}: a look at the dispute, recorded as {@link
     * DisputeDesk#review} records it; not found if there is no such dispute.
     */
    public List<Attachment> listFor(Actor reviewer, String dispute) {
        return attachments.of(desk.review(reviewer, dispute).dispute().id());
    }

    /** The files of dispute {@code dispute}, beside a review whose look {@link DisputeDesk#review} just recorded. */
    public List<Attachment> of(String dispute) {
        return attachments.of(desk.get(dispute).id());
    }

    /** A file and its content. */
    public record File(Attachment attachment, byte[] content) {
    }

    /** File {@code number} of {@code person}'s own dispute {@code dispute}. */
    public File read(String person, String dispute, int number) {
        mine(person, dispute);
        return file(dispute, number);
    }

    /**
     * File {@code number} of dispute {@code dispute}, for {@code reviewer}: the read is in the person's access log and
     * the official record before the file is handed over.
     */
    public File review(Actor reviewer, String dispute, int number) {
        DisputeDesk.requireReviewer(reviewer);
        Dispute found = desk.get(dispute);
        File file = file(dispute, number);
        accessLog.record(new AccessRecord(found.person(), reviewer.username(), reviewer.role().label(),
                "a file attached to dispute " + dispute, "reviewing dispute " + dispute, Optional.empty(),
                clock.instant()));
        officials.record(reviewer, Act.DISPUTE_REVIEWED, "read a file attached to a dispute",
                Optional.of(found.person()));
        return file;
    }

    private void mine(String person, String dispute) {
        if (desk.of(person).stream().noneMatch(found -> found.id().equals(dispute))) {
            throw new NotFoundException("you have no dispute with id '" + dispute + "'");
        }
    }

    private File file(String dispute, int number) {
        Attachment attachment = attachments.of(dispute).stream().filter(file -> file.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("dispute '" + dispute + "' has no file " + number));
        return new File(attachment, attachments.content(dispute, number).orElseThrow());
    }
}
