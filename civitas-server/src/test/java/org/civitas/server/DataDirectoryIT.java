package org.civitas.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.civitas.CivitasException;
import org.civitas.demo.DemoCity;
import org.civitas.source.RegisteredSource;
import org.civitas.source.SourcesFile;
import org.civitas.store.StorageSettings;
import org.civitas.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a server takes from its data directory: its rule books and the sources registered there. */
class DataDirectoryIT {

    @TempDir
    Path data;

    private static StorageSettings memory() {
        return new StorageSettings.InMemory("data-directory-" + UUID.randomUUID());
    }

    @Test
    void withNoRuleBookConfiguredOrInTheDataDirectoryTheServerRefusesToStartSayingHowToGiveOne() {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, data, memory(), Optional.empty(), Optional.empty(),
                Optional.empty(), new ManualClock(TestServer.START));

        assertThatThrownBy(() -> CivitasServer.start(settings))
                .isInstanceOf(CivitasException.class)
                .hasMessage("no rule book to score by: name one (a file, or a folder with one per jurisdiction)"
                        + " with 'rules:' in the configuration, or put them in " + data.resolve("rules"));
    }

    @Test
    void sourcesRegisteredInTheDataDirectoryCountAndRegistrationsAreWrittenThereWithoutKeys() throws Exception {
        DemoCity.install(data);

        try (TestServer server = TestServer.startOn(data, memory())) {
            assertThat(server.server().sources().categoryOf("browser-companion", "web-visit")).isEqualTo("browsing");
            assertThat(server.server().civitas().ruleBooks().all()).hasSize(3);

            RegisteredSource library = server.source("library", "book-loan", "civic");

            assertThat(SourcesFile.readIn(data).categoryOf("library", "book-loan")).contains("civic");
            assertThat(SourcesFile.readIn(data).categoryOf("transit-app", "gps-point")).contains("location");
            assertThat(Files.readString(SourcesFile.in(data))).doesNotContain(library.keyId())
                    .doesNotContain(library.secret());
        }
    }
}
