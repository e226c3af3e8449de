package org.civitas.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the relational parts live: an embedded H2 database in a data directory, or a PostgreSQL server. */
public sealed interface StorageSettings {

    /** The JDBC URL to connect to. */
    String url();

    String user();

    String password();

    /** H2 in its PostgreSQL mode, in a file under {@code dataDirectory/db/}. */
    record Embedded(Path dataDirectory) implements StorageSettings {

        public Embedded {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
        }

        @Override
        public String url() {
            return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("db").resolve("civitas") + H2.OPTIONS;
        }

        @Override
        public String user() {
            return "civitas";
        }

        @Override
        public String password() {
            return "";
        }
    }

    /** An H2 database in memory, gone when the last connection closes: for tests. */
    record InMemory(String name) implements StorageSettings {

        @Override
        public String url() {
            return "jdbc:h2:mem:" + name + H2.OPTIONS + ";DB_CLOSE_DELAY=-1";
        }

        @Override
        public String user() {
            return "civitas";
        }

        @Override
        public String password() {
            return "";
        }
    }

    /** A PostgreSQL database. */
    record Postgres(String url, String user, String password) implements StorageSettings {

        public Postgres {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("a PostgreSQL JDBC URL starts with jdbc:postgresql:, not " + url);
            }
        }
    }

    /** H2 options that make it speak the same SQL as PostgreSQL. */
    final class H2 {
        static final String OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

        private H2() {
        }
    }
}
