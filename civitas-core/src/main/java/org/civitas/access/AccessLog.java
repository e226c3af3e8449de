package org.civitas.access;

import java.util.List;

/** Who read whose data. A read is recorded before the data is handed over; a read whose record fails, fails. */
public interface AccessLog {

    void record(AccessRecord record);

    /** The most recent {@code limit} looks at {@code person}'s data, newest first. */
    List<AccessRecord> of(String person, int limit);
}
