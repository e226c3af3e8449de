package org.civitas.kafka.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civitas.event.Event;
import org.civitas.kafka.ConformanceCases;
import org.civitas.kafka.IntakeTraffic;
import org.civitas.kafka.broker.KafkaBroker;
import org.civitas.kafka.runtime.KafkaLedger;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.kafka.runtime.LedgerStreams;
import org.civitas.ledger.EventCodec;
import org.civitas.transparency.Checkpoint;
import org.civitas.transparency.Inclusion;
import org.civitas.transparency.KeptCheckpoints;
import org.civitas.transparency.Proofs;
import org.civitas.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each partition of a real broker's ledger topic is a log of its own: its checkpoints are signed by the runtime's
 * key and name their partition, an event's inclusion proof checks against its partition's checkpoint, a grown log
 * proves itself consistent with what was signed before, and history replayed without one event, whose chains are
 * all intact, is caught by the checkpoints kept of it.
 */
class PartitionLogsIT {

    private static final int PARTITIONS = 4;

    @TempDir
    Path data;

    @Test
    void eachPartitionProvesItsEntriesGrowsConsistentlyAndKeepsWhatItSigned() throws Exception {
        ConformanceCases conformance = ConformanceCases.all().findFirst().orElseThrow();
        List<Event> events = conformance.events();
        List<Event> early = events.subList(0, events.size() / 2);
        Path runtime = data.resolve("runtime");
        try (KafkaBroker broker = KafkaBroker.start(data.resolve("broker"), 0)) {
            KafkaSettings settings = settings(broker, "civitas");
            try (LedgerStreams streams = LedgerStreams.start(settings, conformance.scorer())) {
                IntakeTraffic.send(settings, early);
                IntakeTraffic.awaitLedger(settings, distinct(early));

                PartitionLogs before = PartitionLogs.read(settings, runtime);
                List<Checkpoint> signedBefore = new ArrayList<>();
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    Checkpoint checkpoint = signed(before.signCheckpoint(partition), before.verifierKey());
                    assertThat(checkpoint.origin()).isEqualTo(before.origin(partition)).endsWith("/" + partition);
                    assertThat(checkpoint.size()).isEqualTo(before.size(partition));
                    signedBefore.add(checkpoint);
                }
                assertThat(signedBefore.stream().mapToLong(Checkpoint::size).sum()).isEqualTo(distinct(early));

                Event event = early.get(early.size() - 1);
                PartitionLogs finding = PartitionLogs.finding(settings, runtime, event.person(), event.id(),
                        Optional.of(event.source()));
                Inclusion proof = finding.proveFound();
                Checkpoint against = signed(proof.checkpoint(), finding.verifierKey());
                assertThat(against.origin()).isEqualTo(finding.origin(finding.found().orElseThrow().partition()));
                assertThat(EventCodec.decode(proof.entry(), 0, proof.entry().length).key()).isEqualTo(event.key());
                assertThat(Proofs.leafHash(proof.entry())).isEqualTo(proof.leafHash());
                assertThat(Proofs.checkInclusion(proof.index(), proof.treeSize(), proof.leafHash(), proof.path(),
                        against.root())).isEmpty();

                IntakeTraffic.send(settings, events);
                IntakeTraffic.awaitLedger(settings, distinct(events));
                PartitionLogs after = PartitionLogs.read(settings, runtime);
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    Checkpoint was = signedBefore.get(partition);
                    Checkpoint now = signed(after.signCheckpoint(partition), after.verifierKey());
                    assertThat(now.size()).isGreaterThanOrEqualTo(was.size());
                    if (was.size() > 0) {
                        assertThat(Proofs.checkConsistency(was.size(), now.size(), was.root(), now.root(),
                                after.consistency(partition, was.size(), now.size()))).as("partition %d", partition)
                                .isEmpty();
                    }
                }
                assertThat(after.checkKept()).allSatisfy(check -> assertThat(check.problem()).isEmpty());
                assertThat(after.checkKept().stream().mapToInt(KeptCheckpoints.Check::checkpoints).sum())
                        .as("checkpoints kept, one a partition and size").isGreaterThan(PARTITIONS);
            }

            KafkaSettings replayed = settings(broker, "replayed");
            List<Event> withoutOne = events.stream().filter(each -> !each.key().equals(events.get(0).key()))
                    .toList();
            try (LedgerStreams streams = LedgerStreams.start(replayed, conformance.scorer())) {
                IntakeTraffic.send(replayed, withoutOne);
                IntakeTraffic.awaitLedger(replayed, distinct(withoutOne));
            }
            assertThat(KafkaLedger.verify(replayed)).as("every chain of the replayed history")
                    .allSatisfy(check -> assertThat(check.damage()).isEmpty());
            assertThat(PartitionLogs.read(replayed, runtime).checkKept()).as("the checkpoints kept of the history")
                    .anySatisfy(check -> assertThat(check.problem()).hasValueSatisfying(problem -> assertThat(problem)
                            .containsAnyOf("are not those it signed", "the ledger holds")));
        }
    }

    private KafkaSettings settings(KafkaBroker broker, String prefix) {
        return new KafkaSettings(broker.bootstrapServers(), prefix, PARTITIONS, (short) 1, prefix + "-it",
                data.resolve("streams-" + prefix));
    }

    private static Checkpoint signed(String note, String verifierKey) {
        return Checkpoint.parse(SignedNote.verify(note, verifierKey).body()).orElseThrow();
    }

    private static long distinct(List<Event> events) {
        return events.stream().map(Event::key).distinct().count();
    }
}
