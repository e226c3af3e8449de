package org.civitas.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.civitas.store.StorageSettings;

/**
 * One test server per kind of storage for a test class: started, and set up, when the first test of that kind needs
 * it; closed when the class is done.
 */
final class ServersPerStorage implements AutoCloseable {

    /** Prepares a freshly started server: registers sources, creates accounts. */
    @FunctionalInterface
    interface Setup {
        void prepare(TestServer server) throws Exception;
    }

    /** Starts a server on a kind of storage: on the demo city's books, or on books of the test's own. */
    @FunctionalInterface
    interface Start {
        TestServer start(StorageSettings storage) throws Exception;
    }

    private final Map<Supplier<StorageSettings>, TestServer> servers = new LinkedHashMap<>();

    synchronized TestServer serverFor(Supplier<StorageSettings> storage, Setup setup) throws Exception {
        return serverFor(storage, TestServer::start, setup);
    }

    synchronized TestServer serverFor(Supplier<StorageSettings> storage, Start start, Setup setup) throws Exception {
        TestServer server = servers.get(storage);
        if (server == null) {
            server = start.start(storage.get());
            setup.prepare(server);
            servers.put(storage, server);
        }
        return server;
    }

    @Override
    public synchronized void close() throws Exception {
        for (TestServer server : servers.values()) {
            server.close();
        }
        servers.clear();
    }
}
