package org.civitas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.civitas.Tokens;
import org.civitas.dispute.Attachment;
import org.civitas.dispute.Attachments;
import org.civitas.dispute.Decision;
import org.civitas.dispute.Dispute;
import org.civitas.dispute.DisputeState;
import org.civitas.dispute.Disputes;
import org.civitas.dispute.FileType;
import org.civitas.dispute.Outcome;
import org.civitas.dispute.SourceAnswer;
import org.civitas.dispute.SourceDisputes;
import org.civitas.event.EventKey;
import org.civitas.store.disputes.AttachmentStore;
import org.civitas.store.disputes.DisputeStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The store of disputes and reviewers' decisions, on H2 and PostgreSQL alike. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class DisputeStoreContractTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant LATER = T0.plus(Duration.ofDays(45));

    @Parameter
    Supplier<StorageSettings> freshStore;

    private Database database;
    private Disputes disputes;

    @BeforeEach
    void open() {
        database = Database.open(freshStore.get());
        disputes = new DisputeStore(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Dispute dispute(String id, String person, String event, Instant openedAt, Duration period) {
        return new Dispute(id, person, new EventKey("city-traffic", event), "speeding", T0.minus(Duration.ofDays(3)),
                "lakeside", "I was not there", "", DisputeState.OPEN, openedAt, openedAt.plus(period),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    private static Decision decision(String reviewer, Outcome outcome, Optional<String> corrected) {
        return new Decision(reviewer, "R-" + reviewer, outcome, "looked at the camera", corrected,
                T0.plus(Duration.ofDays(1)));
    }

    @Test
    void aPersonSeesTheirDisputesNewestFirstAndASourceThoseAboutItsEvents() {
        disputes.open(dispute("a", "p-1", "s-1", T0, Duration.ofDays(30)));
        disputes.open(dispute("c", "p-1", "s-2", T0.plusSeconds(60), Duration.ofDays(45)));
        disputes.open(dispute("d", "p-2", "s-1", T0, Duration.ofDays(30)));

        assertThat(disputes.of("p-1")).extracting(Dispute::id).containsExactly("c", "a");
        assertThat(disputes.about("city-traffic")).hasSize(3);
        assertThat(disputes.about("bank")).isEmpty();
        assertThat(disputes.find("a")).contains(dispute("a", "p-1", "s-1", T0, Duration.ofDays(30)));
        assertThat(disputes.open()).extracting(Dispute::id).containsExactly("a", "d", "c");
        assertThat(disputes.due(T0.plus(Duration.ofDays(30)))).extracting(Dispute::id).containsExactly("a", "d");

        assertThat(disputes.countBySource()).containsExactly(new SourceDisputes("city-traffic", 3, 0));
        disputes.forget("d");
        assertThat(disputes.find("d")).isEmpty();
    }

    @Test
    void aSourceAnswersOnceAndEachReviewerDecidesOnceUntilTheDisputeResolves() {
        disputes.open(dispute("a", "p-1", "s-1", T0, Duration.ofDays(30)));

        assertThat(disputes.answer("a", new SourceAnswer("the camera saw it", T0.plusSeconds(5)))).isTrue();
        assertThat(disputes.answer("a", new SourceAnswer("again", T0.plusSeconds(6)))).isFalse();
        assertThat(disputes.decide("a", decision("rita", Outcome.UPHELD, Optional.empty()))).isTrue();
        assertThat(disputes.decide("a", decision("rita", Outcome.REMOVED, Optional.empty()))).isFalse();
        Decision correction = decision("rolf", Outcome.CORRECTED, Optional.of("{\"kmhOver\":5}"));
        assertThat(disputes.decide("a", correction)).isTrue();
        assertThat(disputes.resolve("a", DisputeState.CORRECTED, T0.plus(Duration.ofDays(2)))).isTrue();
        assertThat(disputes.resolve("a", DisputeState.REMOVED, T0.plus(Duration.ofDays(3)))).isFalse();
        assertThat(disputes.decide("a", decision("ruth", Outcome.REMOVED, Optional.empty())))
                .as("no decision after the resolution").isFalse();

        Dispute resolved = disputes.find("a").orElseThrow();
        assertThat(resolved.state()).isEqualTo(DisputeState.CORRECTED);
        assertThat(resolved.resolvedAt()).contains(T0.plus(Duration.ofDays(2)));
        assertThat(resolved.answer()).contains(new SourceAnswer("the camera saw it", T0.plusSeconds(5)));
        assertThat(resolved.decisions()).extracting(Decision::reviewer).containsExactlyInAnyOrder("rita", "rolf");
        assertThat(resolved.decisions()).contains(correction);
        assertThat(disputes.open()).isEmpty();
        disputes.open(dispute("b", "p-2", "s-1", T0, Duration.ofDays(30)));
        disputes.resolve("b", DisputeState.REMOVED, T0.plus(Duration.ofDays(2)));
        assertThat(disputes.countBySource()).containsExactly(new SourceDisputes("city-traffic", 2, 1));
        assertThat(disputes.reinstate("a", new SourceAnswer("the camera's footage", T0))).as("not removed")
                .isFalse();
        assertThat(disputes.reinstate("b", new SourceAnswer("the camera's footage", T0.plus(Duration.ofDays(9)))))
                .isTrue();
        Dispute reinstated = disputes.find("b").orElseThrow();
        assertThat(reinstated.state()).isEqualTo(DisputeState.REINSTATED);
        assertThat(reinstated.reinstatement()).contains(new SourceAnswer("the camera's footage",
                T0.plus(Duration.ofDays(9))));
        assertThat(disputes.due(T0.plus(Duration.ofDays(400)))).isEmpty();
    }

    @Test
    void keepsAttachedFilesNumberedInOrderUpToTheLimitWithTheirBytesUnchanged() {
        disputes.open(dispute("d-1", "p-1", "e-1", T0, Duration.ofDays(30)));
        Attachments files = new AttachmentStore(database.jdbi());
        byte[] pdf = "%PDF-1.7 receipt".getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff};

        Optional<Attachment> first = files.add(file("receipt.pdf", FileType.PDF, pdf), pdf, 2, LATER);
        Optional<Attachment> second = files.add(file("photo.png", FileType.PNG, png), png, 2, LATER);
        Optional<Attachment> third = files.add(file("more.pdf", FileType.PDF, pdf), pdf, 2, LATER);

        assertThat(first).get().extracting(Attachment::number).isEqualTo(1);
        assertThat(second).get().extracting(Attachment::number).isEqualTo(2);
        assertThat(third).as("the dispute holds two already").isEmpty();
        assertThat(files.of("d-1")).extracting(Attachment::name).containsExactly("receipt.pdf", "photo.png");
        assertThat(files.of("d-1").get(1).type()).isEqualTo(FileType.PNG);
        assertThat(files.content("d-1", 2)).get().isEqualTo(png);
        assertThat(files.content("d-1", 3)).isEmpty();
        assertThat(files.of("d-2")).isEmpty();
        assertThat(disputes.find("d-1").orElseThrow().deadline()).as("evidence gives more time").isEqualTo(LATER);
        disputes.resolve("d-1", DisputeState.UPHELD, T0.plusSeconds(5));
        assertThat(files.add(file("late.pdf", FileType.PDF, pdf), pdf, 9, LATER)).as("resolved meanwhile")
                .isEmpty();
    }

    private static Attachment file(String name, FileType type, byte[] content) {
        return new Attachment("d-1", 0, name, type, content.length, Tokens.sha256(content), T0);
    }
}
