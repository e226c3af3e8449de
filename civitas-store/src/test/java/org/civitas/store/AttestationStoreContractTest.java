package org.civitas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.civitas.attestation.Attestation;
import org.civitas.attestation.Attestations;
import org.civitas.store.attestations.AttestationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The store of attestations, on H2 and PostgreSQL alike. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class AttestationStoreContractTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Parameter
    Supplier<StorageSettings> freshStore;

    private Database database;
    private Attestations attestations;

    @BeforeEach
    void open() {
        database = Database.open(freshStore.get());
        attestations = new AttestationStore(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Attestation given(String id, String giver, String person, Instant at) {
        return new Attestation(id, giver, person, "lakeside", "helped-a-neighbour", "carried the shopping", at,
                Optional.empty(), false);
    }

    @Test
    void attestationsWaitAreConfirmedOnceOrDeletedWithoutATrace() {
        attestations.create(given("a", "p-ada", "p-bob", T0));
        attestations.create(given("b", "p-ada", "p-cyd", T0.plus(Duration.ofDays(1))));
        attestations.create(given("c", "p-cyd", "p-ada", T0.plus(Duration.ofDays(2))));

        assertThat(attestations.find("a")).contains(given("a", "p-ada", "p-bob", T0));
        assertThat(attestations.involving("p-ada")).extracting(Attestation::id).containsExactly("c", "b", "a");
        assertThat(attestations.involving("p-bob")).extracting(Attestation::id).containsExactly("a");
        assertThat(attestations.givenSince("p-ada", T0.minusSeconds(1))).isEqualTo(2);
        assertThat(attestations.givenSince("p-ada", T0)).as("after its instant").isEqualTo(1);
        assertThat(attestations.givenTo("p-ada", "p-bob", T0.minusSeconds(1))).isTrue();
        assertThat(attestations.givenTo("p-bob", "p-ada", T0.minusSeconds(1))).isFalse();

        assertThat(attestations.confirm("a", T0.plus(Duration.ofDays(3)), true)).isTrue();
        assertThat(attestations.confirm("a", T0.plus(Duration.ofDays(4)), true)).isFalse();
        assertThat(attestations.confirm("b", T0.plus(Duration.ofDays(3)), false)).isTrue();
        assertThat(attestations.counted("p-ada", "p-bob", T0)).isTrue();
        assertThat(attestations.counted("p-ada", "p-cyd", T0)).as("confirmed, not counted").isFalse();
        assertThat(attestations.find("a").orElseThrow().confirmedAt()).contains(T0.plus(Duration.ofDays(3)));
        assertThat(attestations.delete("a")).as("a confirmed one stays").isFalse();
        assertThat(attestations.delete("c")).isTrue();
        assertThat(attestations.find("c")).isEmpty();
        assertThat(attestations.involving("p-cyd")).extracting(Attestation::id).containsExactly("b");
    }
}
