package org.civitas.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civitas.ndjson.LineError;
import org.civitas.source.SourceCatalogue;
import org.civitas.source.SourceRegistration;

/**
 * Which events a door takes: those of a registered source, of a type it registered, in a jurisdiction that has a
 * rule book; a signed batch takes only events in its own source's name. Everything else is refused with its line.
 */
public final class Admission {

    /** How many names a refusal lists of those it could have given. */
    private static final int NAMED = 20;

    private final Map<String, Map<String, String>> categoryByTypeBySource = new HashMap<>();
    private final Optional<Set<String>> jurisdictions;
    private final Optional<String> onlySource;

    private Admission(SourceCatalogue sources, Optional<Set<String>> jurisdictions, Optional<String> onlySource) {
        for (SourceRegistration source : sources.all()) {
            categoryByTypeBySource.put(source.source(), new HashMap<>(source.categoryByType()));
        }
        this.jurisdictions = jurisdictions.map(TreeSet::new);
        this.onlySource = onlySource;
    }

    /** Takes the events of {@code sources} in {@code jurisdictions}, those that have a rule book. */
    public static Admission of(SourceCatalogue sources, Collection<String> jurisdictions) {
        return new Admission(sources, Optional.of(Set.copyOf(jurisdictions)), Optional.empty());
    }

    /** Takes the events of {@code sources} in any jurisdiction: where no rule books are known. */
    public static Admission inAnyJurisdiction(SourceCatalogue sources) {
        return new Admission(sources, Optional.empty(), Optional.empty());
    }

    /** Takes what {@code source} may send, in {@code jurisdictions}: a batch its key signed. */
    public static Admission signedBy(SourceRegistration source, Collection<String> jurisdictions) {
        return new Admission(SourceCatalogue.of(List.of(source)), Optional.of(Set.copyOf(jurisdictions)),
                Optional.of(source.source()));
    }

    /**
     * The category of an event on line {@code line} if it is taken; if not, null, and why is added to
     * {@code refused}.
     */
    public String categoryOf(String source, String type, String jurisdiction, long line, List<LineError> refused) {
        Map<String, String> types = categoryByTypeBySource.get(source);
        if (types == null) {
            refused.add(new LineError(line, "source", unknownSource(source)));
            return null;
        }
        String category = types.get(type);
        if (category == null) {
            refused.add(new LineError(line, "type", "source '" + source + "' did not register type '" + type
                    + "'; it registered " + quoted(types.keySet())));
            return null;
        }
        if (jurisdictions.isPresent() && !jurisdictions.get().contains(jurisdiction)) {
            refused.add(new LineError(line, "jurisdiction", "'" + jurisdiction + "' has no rule book here; known are "
                    + quoted(jurisdictions.get())));
            return null;
        }
        return category;
    }

    private String unknownSource(String source) {
        return onlySource.map(own -> "must be '" + own + "', the source this key belongs to, not '" + source + "'")
                .orElseGet(() -> "'" + source + "' is not a registered source; registered are "
                        + quoted(categoryByTypeBySource.keySet()));
    }

    /** The names, sorted and quoted; of many, the first few and how many more. */
    private static List<String> quoted(Collection<String> names) {
        List<String> quoted = new ArrayList<>();
        new TreeSet<>(names).stream().limit(NAMED).forEach(name -> quoted.add("'" + name + "'"));
        if (names.size() > NAMED) {
            quoted.add((names.size() - NAMED) + " more");
        }
        return quoted;
    }
}
