package org.civitas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.civitas.demo.DemoCity;
import org.civitas.governance.BookHistory;
import org.civitas.governance.BookVersion;
import org.civitas.kafka.runtime.KafkaConfig;
import org.civitas.kafka.runtime.KafkaSettings;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The books a command scores by on the Kafka runtime are the ones a server on it scores by. */
class RuleBookOptionsTest {

    @TempDir
    Path data;

    @Test
    void theKafkaRuntimesBooksAreTheConfiguredOnesAsTheVersionsAdoptedSinceChangedThem() {
        DemoCity.install(data);
        Path books = RuleBookLoader.folderIn(data);
        KafkaConfig config = new KafkaConfig(new KafkaSettings("127.0.0.1:9092", "civitas", 4, (short) 1, "civitas",
                data.resolve("streams")), Optional.of(books), Optional.of(data));
        String harsher = DemoCity.text("lakeside.yaml").replace("points: -6", "points: -9");
        try (BookHistory history = BookHistory.open(data)) {
            history.record(new BookVersion("proposal-1", "lakeside", Instant.parse("2026-11-01T00:00:00Z"),
                    harsher));
        }

        RuleBooks inForce = new RuleBookOptions().load(config);

        assertThat(points(inForce, "traffic.crossing-in-traffic")).as("as adopted").isEqualTo(-9);
        assertThat(points(new RuleBookOptions().load(Optional.of(data)), "traffic.crossing-in-traffic"))
                .as("as 'score --data' scores the same directory").isEqualTo(-9);
    }

    private static long points(RuleBooks books, String rule) {
        return books.all().stream().flatMap(book -> book.rules().stream()).filter(each -> each.id().equals(rule))
                .findFirst().orElseThrow().points();
    }
}
