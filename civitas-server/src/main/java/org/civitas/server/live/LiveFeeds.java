package org.civitas.server.live;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open live feeds of people's pages: whatever reaches a person's vault or score is pushed to every page of theirs
 * that is open, as Server-Sent Events.
 */
public final class LiveFeeds {

    private final Map<String, Set<SseClient>> byPerson = new ConcurrentHashMap<>();

    /** Keeps {@code client} open and sends it what happens to {@code person} from now on. */
    public void subscribe(String person, SseClient client) {
        byPerson.computeIfAbsent(person, key -> ConcurrentHashMap.newKeySet()).add(client);
        client.onClose(() -> forget(person, client));
        client.sendComment("connected");
        client.keepAlive();
    }

    /** Whether any page of {@code person} is listening. */
    public boolean watching(String person) {
        Set<SseClient> clients = byPerson.get(person);
        return clients != null && !clients.isEmpty();
    }

    /** Sends an event named {@code name}, with {@code data} as JSON, to every open page of {@code person}. */
    public void publish(String person, String name, Object data) {
        Set<SseClient> clients = byPerson.get(person);
        if (clients == null) {
            return;
        }
        for (SseClient client : clients) {
            try {
                client.sendEvent(name, data);
            } catch (RuntimeException closed) {
                forget(person, client);
            }
        }
    }

    /** Sends a comment to every feed, so that connections gone away are noticed and dropped. */
    public void heartbeat() {
        byPerson.forEach((person, clients) -> clients.forEach(client -> {
            try {
                client.sendComment("still here");
            } catch (RuntimeException closed) {
                forget(person, client);
            }
        }));
    }

    public int open() {
        return byPerson.values().stream().mapToInt(Set::size).sum();
    }

    private void forget(String person, SseClient client) {
        Set<SseClient> clients = byPerson.get(person);
        if (clients != null) {
            clients.remove(client);
        }
    }
}
