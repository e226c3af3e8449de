package org.civitas.officials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.civitas.account.Actor;
import org.civitas.account.Role;
import org.civitas.privacy.PersonalKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every act of an official is kept in a chain of its own, read back in order after a restart, counted per official
 * and per act, and shows the person it concerns only as a pseudonym that differs from act to act and that only that
 * person's key ties to them.
 */
class OfficialRecordTest {

    private static final Actor RITA = new Actor("rita", Role.REVIEWER);
    private static final Actor OLGA = new Actor("olga", Role.CASEWORKER);

    @TempDir
    Path data;

    private final Clock clock = Clock.fixed(Instant.parse("2026-10-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void actsAreKeptInOrderCountedAndReadBackAfterARestart() {
        PersonalKeys keys = PersonalKeys.open(data);
        try (OfficialRecord record = OfficialRecord.open(data, keys, clock)) {
            record.record(RITA, Act.DISPUTE_REVIEWED, "looked at an event under dispute", Optional.of("p-ada"));
            record.record(RITA, Act.DISPUTE_DECIDED, "decided a dispute: removed", Optional.of("p-ada"));
            record.record(OLGA, Act.CASE_LOOKED, "looked at a support case (debt)", Optional.of("p-bob"));
            record.record(new Actor("adam", Role.ADMIN), Act.SOURCE_REVOKED, "revoked source bank", Optional.empty());
        }

        try (OfficialRecord again = OfficialRecord.open(data, keys, clock)) {
            OfficialRecord.Page first = again.page(1, 3);
            assertThat(first.total()).isEqualTo(4);
            assertThat(first.pages()).isEqualTo(2);
            assertThat(first.acts()).extracting(OfficialAct::act)
                    .containsExactly(Act.SOURCE_REVOKED, Act.CASE_LOOKED, Act.DISPUTE_DECIDED);
            assertThat(again.page(2, 3).acts()).extracting(OfficialAct::act).containsExactly(Act.DISPUTE_REVIEWED);
            assertThat(again.counts().byOfficial()).containsEntry(RITA.badge(), 2L).containsEntry(OLGA.badge(), 1L);
            assertThat(again.counts().byAct()).containsEntry("dispute-decided", 1L).containsEntry("case-looked", 1L);
            assertThat(again.filter(act -> act.badge().equals(RITA.badge()))).hasSize(2);
            assertThat(OfficialRecord.verify(data).intact()).isTrue();
        }
    }

    @Test
    void aPersonIsAPseudonymOfEachActThatOnlyTheirKeyTiesToThem() {
        try (OfficialRecord record = OfficialRecord.open(data, PersonalKeys.open(data), clock)) {
            OfficialAct looked = record.record(RITA, Act.DISPUTE_REVIEWED, "looked", Optional.of("p-ada"));
            OfficialAct decided = record.record(RITA, Act.DISPUTE_DECIDED, "decided", Optional.of("p-ada"));
            OfficialAct bobs = record.record(OLGA, Act.CASE_LOOKED, "looked", Optional.of("p-bob"));

            assertThat(looked.concerning()).isPresent().isNotEqualTo(decided.concerning());
            assertThat(looked.concerning().get()).doesNotContain("ada");
            assertThat(record.concerning("p-ada")).containsExactly(decided, looked);
            assertThat(record.concerning("p-bob")).containsExactly(bobs);
            assertThat(record.concerning("p-cyd")).isEmpty();
            assertThat(OfficialRecord.read(data)).extracting(OfficialAct::concerning)
                    .containsExactly(looked.concerning(), decided.concerning(), bobs.concerning());
        }
    }

    @Test
    void aBadgeNamesItsOfficialAndNoOneElse() {
        assertThat(RITA.badge()).matches("R-[0-9a-f]{8}").isNotEqualTo(new Actor("rolf", Role.REVIEWER).badge());
        assertThat(OLGA.badge()).startsWith("C-");
        assertThat(List.of(RITA.badge(), OLGA.badge())).doesNotContain("rita", "olga");
    }
}
