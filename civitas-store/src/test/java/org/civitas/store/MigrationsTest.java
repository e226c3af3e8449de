package org.civitas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.civitas.residence.Residence;
import org.civitas.store.accounts.AccountStore;
import org.civitas.store.grants.GrantStore;
import org.civitas.store.residence.ResidenceStore;
import org.civitas.store.sources.SourceStore;
import org.civitas.store.vault.VaultStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database made by each earlier migration, with data in it, upgrades to the current schema with the data kept:
 * accounts, sources, grants, where people live and how far the vault was projected, each read back through its
 * store. On H2 and PostgreSQL alike.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.civitas.store.Storages#fresh")
class MigrationsTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Parameter
    Supplier<StorageSettings> freshStore;

    @Test
    void aDatabaseOfEveryEarlierSchemaUpgradesWithItsDataKept() throws SQLException {
        List<String> earlier = Arrays.stream(flyway(freshStore.get()).load().info().all())
                .map(MigrationInfo::getVersion).map(Object::toString).toList();
        assertThat(earlier).as("the migrations").hasSizeGreaterThan(10);

        for (String version : earlier.subList(0, earlier.size() - 1)) {
            StorageSettings settings = freshStore.get();
            flyway(settings).target(version).load().migrate();
            fill(settings, Integer.parseInt(version));

            try (Database database = Database.open(settings)) {
                assertThat(new AccountStore(database.jdbi()).find("ada")).as("after schema %s", version)
                        .hasValueSatisfying(account -> assertThat(account.disabledAt()).isEmpty());
                assertThat(new SourceStore(database.jdbi()).find("city-traffic")).as("after schema %s", version)
                        .isPresent();
                assertThat(new VaultStore(database.jdbi()).projectedUpTo()).as("after schema %s", version)
                        .isEqualTo(42);
                if (Integer.parseInt(version) >= 2) {
                    assertThat(new GrantStore(database.jdbi()).givenBy("p-ada")).as("after schema %s", version)
                            .singleElement().satisfies(grant -> assertThat(grant.party()).isEqualTo("ada"));
                }
                if (Integer.parseInt(version) >= 3) {
                    assertThat(new ResidenceStore(database.jdbi()).residenceOf("p-ada")).as("after schema %s",
                            version).contains(new Residence(Integer.parseInt(version) >= 5 ? "lakeside" : "",
                                    "harbour"));
                }
            }
        }
    }

    private static FluentConfiguration flyway(StorageSettings settings) {
        return Flyway.configure().dataSource(settings.url(), settings.user(), settings.password())
                .locations("classpath:db/migration");
    }

    /** Rows as schema {@code version} holds them, written as that version's code wrote them. */
    private static void fill(StorageSettings settings, int version) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.user(),
                settings.password())) {
            insert(connection, "INSERT INTO accounts (username, password_hash, role, person, created_at)"
                    + " VALUES ('ada', 'hash', 'CITIZEN', 'p-ada', ?)", T0);
            insert(connection, "INSERT INTO sources (name, key_id, secret, created_at) VALUES ('city-traffic',"
                    + " 'key-1', 'secret', ?)", T0);
            insert(connection, "INSERT INTO projections (name, position) VALUES ('vault', 42)");
            if (version >= 2) {
                insert(connection, "INSERT INTO grants (id, person, party, categories, score, purpose, created_at,"
                        + " expires_at) VALUES ('g-1', 'p-ada', 'ada', 'traffic', FALSE, 'debt-advice', ?, ?)", T0,
                        T0.plusSeconds(86_400 * 365));
            }
            if (version >= 5) {
                insert(connection, "INSERT INTO residences (person, district, jurisdiction) VALUES ('p-ada',"
                        + " 'harbour', 'lakeside')");
            } else if (version >= 3) {
                insert(connection, "INSERT INTO residences (person, district) VALUES ('p-ada', 'harbour')");
            }
        }
    }

    private static void insert(Connection connection, String sql, Instant... times) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < times.length; i++) {
                statement.setTimestamp(i + 1, Timestamp.from(times[i]));
            }
            statement.executeUpdate();
        }
    }
}
