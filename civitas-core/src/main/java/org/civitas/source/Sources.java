package org.civitas.source;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the registered sources are kept, with their keys and the event types each may send. */
public interface Sources {

    /** Keeps a new source and its types, all or none. */
    void register(RegisteredSource source);

    /** Gives source {@code name} a new key and secret; the old ones stop working. False if no such live source. */
    boolean rotate(String name, String keyId, String secret);

    /** Revokes source {@code name}: its key is refused from now on. False if no such live source. */
    boolean revoke(String name, Instant at);

    Optional<RegisteredSource> findByKey(String keyId);

    Optional<RegisteredSource> find(String name);

    /** Every source, by name. */
    List<RegisteredSource> all();
}
