package org.civitas.constitution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.civitas.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstitutionTest {

    private static RuleFacts rule(String category, long points, Optional<Duration> halfLife, Set<String> reads) {
        return new RuleFacts("r", category, "t", Optional.empty(), points, halfLife, reads, false);
    }

    @Test
    void theStandardConstitutionAllowsAnOrdinaryRule() {
        assertThat(Constitution.standard().check(rule("traffic", -6, Optional.of(Duration.ofDays(60)),
                Set.of("traffic")))).isEmpty();
    }

    @Test
    void everyBrokenClauseIsNamed() {
        var breaches = Constitution.standard().check(rule("speech", -60, Optional.empty(), Set.of("Religion")));

        assertThat(breaches).extracting(Breach::clauseId).containsExactly("art-2", "art-3", "art-4", "art-5");
    }

    @Test
    void personalOnlyCategoriesAreKnownToTheStandardConstitution() {
        Constitution standard = Constitution.standard();

        assertThat(standard.personalOnly("browsing")).isTrue();
        assertThat(standard.personalOnly("Location")).isTrue();
        assertThat(standard.personalOnly("traffic")).isFalse();
    }

    @Test
    void dataIsSharedOnlyForAllowedPurposesAndNeverForADecisionAboutAnotherPartOfLife() {
        Constitution standard = Constitution.standard();

        assertThat(standard.allowedPurposes()).containsExactly("advice", "personal", "research", "support");
        assertThat(standard.checkPurpose("support")).isEmpty();
        assertThat(standard.checkPurpose("credit")).get().hasToString("breaks clause art-8 (\"" + clauseText("art-8")
                + "\"): no data or score is shared for a decision about credit");
        assertThat(standard.checkPurpose("marketing")).get().extracting(Breach::detail).isEqualTo(
                "'marketing' is not an allowed purpose; allowed: advice, personal, research, support");
    }

    private static String clauseText(String id) {
        return Constitution.standard().clauses().stream().filter(clause -> clause.id().equals(id)).findFirst()
                .orElseThrow().text();
    }

    @Test
    void aDeploymentMayLoadItsOwnConstitution(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("strict.yaml");
        Files.writeString(file, """
                id: strict
                version: 2
                clauses:
                  - id: s-1
                    text: Penalties are small.
                    pointsBetween: { min: -5, max: 10 }
                """);

        Constitution strict = Constitution.load(file);

        assertThat(strict.version()).isEqualTo(2);
        assertThat(strict.check(rule("traffic", -6, Optional.of(Duration.ofDays(1)), Set.of())))
                .singleElement().hasToString("breaks clause s-1 (\"Penalties are small.\"): -6 points is outside"
                        + " -5 to 10");
    }

    @Test
    void aMalformedConstitutionIsRefusedWithEveryProblem(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("bad.yaml");
        Files.writeString(file, """
                id: bad
                version: one
                clauses:
                  - id: x
                    text: Two limits in one clause.
                    noPenaltiesIn: [speech]
                    pointsBetween: { min: -5, max: 5 }
                  - id: x
                    penaltiesFadeWithin: P1Y
                """);

        assertThatThrownBy(() -> Constitution.load(file)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("bad.yaml:2:10: version: 'one' is not a whole number")
                .hasMessageContaining("bad.yaml:4:5: clause 'x': a clause states exactly one limit")
                .hasMessageContaining("bad.yaml:8:9: clause 'x': id: another clause already has this id")
                .hasMessageContaining("bad.yaml:8:5: clause 'x': text: missing (required)")
                .hasMessageContaining("bad.yaml:9:26: clause 'x': penaltiesFadeWithin: 'P1Y': months, years");
    }
}
