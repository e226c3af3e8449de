package org.civitas.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.civitas.store.StorageSettings;

/**
 * A test server for a JVM of its own, so that a test can choose its heap: on H2 in memory, with the citizen Ada,
 * writing its address to the file its first argument names, and stopping when its standard input closes.
 */
final class ForkedServer {

    static final String USERNAME = "ada";
    static final String PASSWORD = "correct horse";

    private ForkedServer() {
    }

    public static void main(String[] args) throws Exception {
        Path address = Path.of(args[0]);
        try (TestServer server = TestServer.start(new StorageSettings.InMemory("forked-" + UUID.randomUUID()))) {
            server.citizen(USERNAME, "p-ada", PASSWORD);
            Path written = Files.writeString(address.resolveSibling(address.getFileName() + ".part"),
                    server.server().url());
            Files.move(written, address, StandardCopyOption.ATOMIC_MOVE);
            while (System.in.read() >= 0) {
                // Runs until the test closes our standard input.
            }
        }
    }
}
