package org.civitas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalKeysTest {

    @TempDir
    Path data;

    @Test
    void aKeyIsMadeOnceAndFoundAgainAfterReopening() {
        PersonalKeys keys = PersonalKeys.open(data);
        SecretKey made = keys.keyFor("p-1", "browsing");
        assertThat(keys.keyFor("p-1", "browsing")).isEqualTo(made);
        assertThat(keys.keyFor("p-1", "location")).isNotEqualTo(made);
        keys.sync();

        PersonalKeys reopened = PersonalKeys.open(data);

        assertThat(reopened.existing("p-1", "browsing")).contains(made);
        assertThat(reopened.existing("p-2", "browsing")).isEmpty();
    }

    @Test
    void everyKeyIsItsOwnAcrossManyDrawsOfRandomBytesAndEachIsFoundAfterReopening() {
        PersonalKeys keys = PersonalKeys.open(data);
        List<SecretKey> made = IntStream.range(0, 1000)
                .mapToObj(i -> keys.keyFor("p-" + i / 2, i % 2 == 0 ? "browsing" : "location"))
                .toList();
        keys.sync();

        assertThat(made.stream().map(key -> Base64.getEncoder().encodeToString(key.getEncoded())).distinct())
                .hasSize(1000);
        assertThat(made).allSatisfy(key -> assertThat(key.getEncoded()).hasSize(32).isNotEqualTo(new byte[32]));
        PersonalKeys reopened = PersonalKeys.open(data);
        for (int i = 0; i < 1000; i++) {
            assertThat(reopened.existing("p-" + i / 2, i % 2 == 0 ? "browsing" : "location")).contains(made.get(i));
        }
    }

    @Test
    void aKeyNotYetSyncedIsNotOnDisk() {
        PersonalKeys keys = PersonalKeys.open(data);
        keys.keyFor("p-1", "browsing");

        assertThat(PersonalKeys.open(data).existing("p-1", "browsing")).isEmpty();
    }

    @Test
    void erasingDestroysOnlyThatPersonsKeysOfThoseCategoriesAndLeavesNoTraceInTheFiles() throws IOException {
        PersonalKeys keys = PersonalKeys.open(data);
        SecretKey browsing = keys.keyFor("p-1", "browsing");
        SecretKey location = keys.keyFor("p-1", "location");
        SecretKey others = keys.keyFor("p-2", "browsing");
        keys.sync();
        String erasedKey = Base64.getUrlEncoder().withoutPadding().encodeToString(browsing.getEncoded());

        assertThat(keys.erase("p-1", List.of("browsing", "contacts"))).containsExactly("browsing");

        PersonalKeys reopened = PersonalKeys.open(data);
        assertThat(reopened.existing("p-1", "browsing")).isEmpty();
        assertThat(reopened.existing("p-1", "location")).contains(location);
        assertThat(reopened.existing("p-2", "browsing")).contains(others);
        try (Stream<Path> files = Files.list(data.resolve("keys"))) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file, StandardCharsets.US_ASCII)).doesNotContain(erasedKey);
            }
        }
        assertThat(reopened.keyFor("p-1", "browsing")).as("new data gets a new key").isNotEqualTo(browsing);
    }

    @Test
    void aLineCutShortByACrashIsIgnored() throws IOException {
        PersonalKeys keys = PersonalKeys.open(data);
        SecretKey kept = keys.keyFor("p-1", "browsing");
        keys.sync();
        try (Stream<Path> files = Files.list(data.resolve("keys"))) {
            Path file = files.findFirst().orElseThrow();
            Files.writeString(file, "cut-short-line-without-its-newl", StandardCharsets.US_ASCII,
                    StandardOpenOption.APPEND);
        }

        assertThat(PersonalKeys.open(data).existing("p-1", "browsing")).contains(kept);
    }
}
