package org.civitas.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.civitas.validation.Issue;
import org.civitas.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesFileTest {

    @TempDir
    Path folder;

    @Test
    void readsEachSourceWithTheCategoryOfEachOfItsTypes() {
        SourceCatalogue sources = SourcesFile.parse("sources.yaml", """
                sources:
                  - source: city-traffic
                    types: { red-light-crossing: traffic, speeding: traffic }
                  - source: browser-companion
                    types: { web-visit: browsing }
                """);

        assertThat(sources.all()).extracting(SourceRegistration::source)
                .containsExactly("browser-companion", "city-traffic");
        assertThat(sources.categoryOf("city-traffic", "speeding")).contains("traffic");
        assertThat(sources.categoryOf("city-traffic", "web-visit")).isEmpty();
        assertThat(sources.category("nobody", "speeding")).isEqualTo(SourceCatalogue.UNCATEGORISED);
        assertThat(sources.categories().categoryOf("web-visit")).contains("browsing");
    }

    @Test
    void aWrittenFileReadsBackAsTheSameSources() {
        SourceCatalogue sources = SourceCatalogue.of(List.of(
                new SourceRegistration("bank", Map.of("bill-payment", "obligations", "overdraft", "obligations")),
                new SourceRegistration("app.v2", Map.of("gps-point", "location"))));
        Path file = folder.resolve("data").resolve(SourcesFile.NAME);

        SourcesFile.write(file, sources);

        assertThat(SourcesFile.read(file)).isEqualTo(sources);
        assertThat(folder.resolve("data")).isDirectoryContaining(path -> path.equals(file))
                .isDirectoryNotContaining(path -> !path.equals(file));
    }

    @Test
    void everyProblemIsNamedWithItsPlaceAtOnce() {
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> SourcesFile.parse(
                "sources.yaml", """
                sources:
                  - source: city-traffic
                    types: { speeding: traffic }
                  - source: Bank!
                    types: { bill-payment: obligations }
                  - source: parking
                    types: { speeding: fines }
                    kind: city
                  - source: empty
                  - source: city-traffic
                    types: { cleanup: civic }
                """));

        assertThat(refused.issues()).extracting(Issue::toString).containsExactly(
                "sources.yaml:4:13: source: 'Bank!' is not a name: 1 to 64 of a-z, 0-9, '.', '_' and '-',"
                        + " starting with a letter or digit",
                "sources.yaml:8:5: unknown field 'kind'",
                "sources.yaml:7:12: source 'parking': types: 'speeding' is in category 'traffic' for another"
                        + " source; a type has one category whichever source sends it",
                "sources.yaml:9:5: source 'empty': types: required: each type the source sends and its category,"
                        + " as {type: category}",
                "sources.yaml:10:13: source: 'city-traffic' is listed twice");
    }

    @Test
    void noSourceTakesTheNamesOfTheEntriesCivitasRecordsItself() {
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> SourcesFile.parse(
                "sources.yaml", """
                sources:
                  - source: civitas
                    types: { volunteering: civic }
                  - source: forger
                    types: { dispute-resolved: civic }
                """));

        assertThat(refused.issues()).extracting(Issue::toString).containsExactly(
                "sources.yaml:2:13: source: 'civitas' is reserved for the entries Civitas records itself",
                "sources.yaml:5:12: source 'forger': types: 'dispute-resolved' is reserved for the entries Civitas"
                        + " records itself");
    }

    @Test
    void aDataDirectoryWithoutASourcesFileHasNoSources() {
        assertThat(SourcesFile.readIn(folder)).isEqualTo(SourceCatalogue.EMPTY);
        assertThat(SourceCatalogue.EMPTY.isEmpty()).isTrue();
    }
}
