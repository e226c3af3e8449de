package org.civitas.officials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.civitas.account.Actor;
import org.civitas.event.Attributes;
import org.civitas.event.Event;
import org.civitas.ledger.FileLedger;
import org.civitas.ledger.Verification;
import org.civitas.privacy.PersonalKeys;

/**
 * The official record: every act of an official, appended to a hash chain of its own beside the events'
 * ({@code DIR/officials/}), append-only and tamper-evident like it, and checked by {@code civitas verify} with it.
 * Anyone reads it, with counts per official and per act, so that an official who looks far more often than their
 * peers stands out. The person an act concerns appears as a pseudonym of that act alone: an HMAC of the act's id under
 * a key of the person's own, so that only the person's page can tell which acts concern them.
 */
public final class OfficialRecord implements AutoCloseable {

    /** The source the entries of the record name. */
    static final String SOURCE = "civitas-officials";
    /** The category of the keys that make each person's pseudonyms. */
    public static final String KEY_CATEGORY = "officials";
    /** What an entry names as its person when the act concerns no one. */
    private static final String NOBODY = "nobody";
    private static final String WHERE = "civitas";
    /** The role the record names for an act of a registered source. */
    static final String SOURCE_ROLE = "source";
    /** The role the record names for an act of a jurisdiction's charter. */
    static final String CHARTER_ROLE = "charter";

    private final FileLedger ledger;
    private final PersonalKeys keys;
    private final Clock clock;
    private final List<OfficialAct> acts;

    private OfficialRecord(FileLedger ledger, PersonalKeys keys, Clock clock, List<OfficialAct> acts) {
        this.ledger = ledger;
        this.keys = keys;
        this.clock = clock;
        this.acts = new CopyOnWriteArrayList<>(acts);
    }

    /** Where a data directory keeps its official record. */
    public static Path directoryIn(Path dataDirectory) {
        return dataDirectory.resolve("officials");
    }

    /** Opens (creating if need be) the official record of {@code dataDirectory}, for recording. */
    public static OfficialRecord open(Path dataDirectory, PersonalKeys keys, Clock clock) {
        List<OfficialAct> acts = read(dataDirectory);
        return new OfficialRecord(FileLedger.open(directoryIn(dataDirectory)), keys, clock, acts);
    }

    /** Records {@code act} by {@code official}, concerning {@code person} if anyone; returns once it is on disk. */
    public OfficialAct record(Actor official, Act act, String reason, Optional<String> person) {
        return record(official.role().label(), official.badge(), act, reason, person);
    }

    /**
     * Records {@code act} by the registered source {@code source} (a reward's provider, say), which concerns no one; an
     * institution known to the public by its name, which is its badge here.
     */
    public OfficialAct recordBySource(String source, Act act, String reason) {
        return record(SOURCE_ROLE, source, act, reason, Optional.empty());
    }

    /**
     * Records {@code act} done by the charter of {@code jurisdiction} itself, which concerns no one: a vote it opened
     * when a proposal gathered its support, or closed at its deadline. No official opens or closes a vote.
     */
    public OfficialAct recordByCharter(String jurisdiction, Act act, String reason) {
        return record(CHARTER_ROLE, jurisdiction, act, reason, Optional.empty());
    }

    private synchronized OfficialAct record(String role, String badge, Act act, String reason,
            Optional<String> person) {
        String id = UUID.randomUUID().toString();
        OfficialAct recorded = new OfficialAct(id, clock.instant(), role, badge, act, reason,
                person.map(concerned -> pseudonym(concerned, id)));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("role", recorded.role());
        attributes.put("badge", recorded.badge());
        attributes.put("reason", reason);
        ledger.append(List.of(new Event(id, SOURCE, recorded.concerning().orElse(NOBODY), act.id(), recorded.at(),
                WHERE, Attributes.of(attributes))));
        acts.add(recorded);
        return recorded;
    }

    /** One page of the record, the newest act first. */
    public record Page(List<OfficialAct> acts, int page, int pages, int total) {
    }

    /** Page {@code page} (from 1) of the record, {@code size} acts to a page, the newest first. */
    public Page page(int page, int size) {
        List<OfficialAct> newestFirst = new ArrayList<>(acts);
        Collections.reverse(newestFirst);
        int pages = Math.max(1, (newestFirst.size() + size - 1) / size);
        int from = Math.min(newestFirst.size(), (page - 1) * size);
        return new Page(newestFirst.subList(from, Math.min(newestFirst.size(), from + size)), page, pages,
                newestFirst.size());
    }

    /** The acts that {@code wanted} selects, the newest first: an auditor's filter. */
    public List<OfficialAct> filter(Predicate<OfficialAct> wanted) {
        List<OfficialAct> found = new ArrayList<>();
        for (int i = acts.size() - 1; i >= 0; i--) {
            if (wanted.test(acts.get(i))) {
                found.add(acts.get(i));
            }
        }
        return found;
    }

    /** How many acts each official did, by badge, and how many of each act there were. */
    public record Counts(Map<String, Long> byOfficial, Map<String, Long> byAct) {
    }

    public Counts counts() {
        Map<String, Long> byOfficial = new TreeMap<>();
        Map<String, Long> byAct = new TreeMap<>();
        for (OfficialAct act : acts) {
            byOfficial.merge(act.badge(), 1L, Long::sum);
            byAct.merge(act.act().id(), 1L, Long::sum);
        }
        return new Counts(byOfficial, byAct);
    }

    /** The acts that concern {@code person}, the newest first: for their own eyes. */
    public List<OfficialAct> concerning(String person) {
        if (keys.existing(person, KEY_CATEGORY).isEmpty()) {
            return List.of();
        }
        return filter(act -> act.concerning().filter(pseudonym -> pseudonym.equals(pseudonym(person, act.id())))
                .isPresent());
    }

    /** The pseudonym of {@code person} in act {@code id}. */
    private String pseudonym(String person, String id) {
        return keys.pseudonym(person, KEY_CATEGORY, id);
    }

    /** The acts recorded in {@code dataDirectory}, oldest first; none if it has no official record. */
    public static List<OfficialAct> read(Path dataDirectory) {
        List<OfficialAct> acts = new ArrayList<>();
        if (!exists(dataDirectory)) {
            return acts;
        }
        FileLedger.read(directoryIn(dataDirectory), (sequence, event) -> {
            Map<String, Object> attributes = event.attributes().asMap();
            acts.add(new OfficialAct(event.id(), event.occurredAt(), (String) attributes.get("role"),
                    (String) attributes.get("badge"), Act.of(event.type()).orElseThrow(), (String) attributes
                            .get("reason"), event.person().equals(NOBODY) ? Optional.empty()
                                    : Optional.of(event.person())));
        });
        return acts;
    }

    /** Checks the official record's chain, as {@link FileLedger#verify} checks the events'. */
    public static Verification verify(Path dataDirectory) {
        return FileLedger.verify(directoryIn(dataDirectory));
    }

    /** Whether {@code dataDirectory} has an official record. */
    public static boolean exists(Path dataDirectory) {
        return Files.isDirectory(FileLedger.directoryIn(directoryIn(dataDirectory)));
    }

    @Override
    public void close() {
        ledger.close();
    }
}
