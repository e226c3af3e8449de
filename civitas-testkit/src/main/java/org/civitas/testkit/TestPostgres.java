package org.civitas.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, and throw-away databases on it. In order of preference: the server named by
 * {@code CIVITAS_TEST_POSTGRES_URL} (with {@code _USER} and {@code _PASSWORD}); one already running on
 * 127.0.0.1:5432 that lets user {@code civitas} (password {@code civitas}) or {@code postgres} in; or a private
 * server this class starts from Debian's {@code postgresql} package in a temporary directory, stopped when the tests
 * end. Every database it hands out is dropped when the tests end.
 */
public final class TestPostgres {

    /** Where to reach one database. */
    public record Database(String url, String user, String password) {
    }

    private record Server(String host, int port, String user, String password) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private static Server server;

    private TestPostgres() {
    }

    /** A new, empty database of its own, dropped when the JVM exits. */
    public static synchronized Database freshDatabase() {
        Server running = server();
        String name = "civitas_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(running, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(running, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException ignored) {
                // The server may already be stopping; a private one takes its databases with it.
            }
        }));
        return new Database(running.url(name), running.user(), running.password());
    }

    private static Server server() {
        if (server == null) {
            server = configured();
            if (server == null) {
                server = alreadyRunning();
            }
            if (server == null) {
                server = PrivateServer.start();
            }
        }
        return server;
    }

    private static Server configured() {
        String url = System.getenv("CIVITAS_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        String rest = url.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
        return new Server(host, port, System.getenv().getOrDefault("CIVITAS_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("CIVITAS_TEST_POSTGRES_PASSWORD", ""));
    }

    private static Server alreadyRunning() {
        if (!listening("127.0.0.1", 5432)) {
            return null;
        }
        String[][] ways = {{"civitas", "civitas"}, {"postgres", ""}, {"postgres", "postgres"}};
        for (String[] credentials : ways) {
            Server candidate = new Server("127.0.0.1", 5432, credentials[0], credentials[1]);
            try (Connection ignored = connect(candidate)) {
                return candidate;
            } catch (SQLException refused) {
                // Try the next way in.
            }
        }
        return null;
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Connection connect(Server target) throws SQLException {
        return DriverManager.getConnection(target.url("postgres"), target.user(), target.password());
    }

    private static void execute(Server target, String sql) {
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    /** A PostgreSQL server of our own, from the binaries of Debian's postgresql package. */
    private static final class PrivateServer {

        static Server start() {
            Path bin = binaries();
            try {
                Path directory = Files.createTempDirectory("civitas-postgres");
                int port = freePort();
                boolean root = "root".equals(System.getProperty("user.name"));
                if (root) {
                    run(List.of("chown", "postgres:postgres", directory.toString()), false);
                }
                Path data = directory.resolve("data");
                run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "civitas", "-A", "trust",
                        "-E", "UTF8", "--no-sync", "--locale=C"), root);
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                        directory.resolve("server.log").toString(), "-w", "-o",
                        "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                        "start"), root);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, data, directory, root)));
                return new Server("127.0.0.1", port, "civitas", "");
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a PostgreSQL server for the tests: " + e.getMessage(),
                        e);
            }
        }

        private static void stop(Path bin, Path data, Path directory, boolean root) {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"),
                        root);
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // Leaving a temporary directory behind is the worst that can happen here.
            }
        }

        private static Path binaries() {
            Path root = Path.of("/usr/lib/postgresql");
            try (Stream<Path> versions = Files.list(root)) {
                return versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(version -> parseVersion(version.getFileName().toString())))
                        .map(version -> version.resolve("bin"))
                        .orElseThrow();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("no PostgreSQL server to test against: none runs on 127.0.0.1:5432"
                        + " and none is installed in /usr/lib/postgresql (install Debian's 'postgresql' package,"
                        + " or set CIVITAS_TEST_POSTGRES_URL)", e);
            }
        }

        private static int parseVersion(String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        private static void run(List<String> command, boolean asPostgres) throws IOException {
            List<String> full = new ArrayList<>();
            if (asPostgres) {
                full.addAll(Arrays.asList("runuser", "-u", "postgres", "--"));
            }
            full.addAll(command);
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IOException(String.join(" ", full) + " failed: " + output.strip());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + full.get(0), e);
            }
        }
    }

}
