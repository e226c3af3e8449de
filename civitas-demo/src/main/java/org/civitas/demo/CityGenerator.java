package org.civitas.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.civitas.event.Attributes;
import org.civitas.event.Event;

/**
 * A synthetic city, Lakeside, and its neighbour Riverton: residents who browse, move about, watch things, pay bills,
 * cross streets and volunteer, as the city's sources would record it. Most residents are mostly fine; a few are in
 * trouble. The same settings always give the same events, day by day in time order.
 */
public final class CityGenerator {

    /** Where generated histories end unless told otherwise, so that a seed alone fixes the output. */
    public static final Instant DEFAULT_UNTIL = Instant.parse("2026-11-01T00:00:00Z");

    public static final String HOME_JURISDICTION = "lakeside";
    public static final String NEIGHBOUR_JURISDICTION = "riverton";

    /**
     * How big a city and how long a history.
     *
     * @param until the end of the last generated day
     */
    public record Settings(int people, int days, long seed, Instant until) {

        public Settings {
            if (people < 1) {
                throw new IllegalArgumentException("a city needs at least one person, not " + people);
            }
            if (days < 1) {
                throw new IllegalArgumentException("a history needs at least one day, not " + days);
            }
            Objects.requireNonNull(until, "until");
        }
    }

    private final Settings settings;

    public CityGenerator(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The id of resident number {@code index} (from 0) in a city of {@code people}: {@code p-0042}. */
    public static String personId(int index, int people) {
        int width = Math.max(3, String.valueOf(people - 1).length());
        return "p-" + "0".repeat(Math.max(0, width - String.valueOf(index).length())) + index;
    }

    /** Hands every event of the city's history to {@code sink}, day by day. */
    public void generate(Consumer<Event> sink) {
        List<Resident> residents = new ArrayList<>(settings.people());
        for (int index = 0; index < settings.people(); index++) {
            residents.add(new Resident(personId(index, settings.people()), settings.seed(), index));
        }
        EventFactory events = new EventFactory(sink);
        Instant firstDay = settings.until().minus(Duration.ofDays(settings.days()));
        for (Resident resident : residents) {
            resident.registerResidence(firstDay, events);
        }
        for (int day = 0; day < settings.days(); day++) {
            Instant dayStart = firstDay.plus(Duration.ofDays(day));
            for (Resident resident : residents) {
                resident.liveDay(dayStart, events);
            }
        }
    }

    /** Gives each source's events ids of their own: {@code tr-000001}, {@code web-000001}, ... */
    static final class EventFactory {

        private final Consumer<Event> sink;
        private final Map<String, long[]> counters = new HashMap<>();

        EventFactory(Consumer<Event> sink) {
            this.sink = sink;
        }

        void emit(Source source, String person, String type, Instant at, String jurisdiction,
                Map<String, ?> attributes) {
            long number = ++counters.computeIfAbsent(source.name, name -> new long[1])[0];
            sink.accept(new Event(source.prefix + "-" + number, source.name, person, type, at, jurisdiction,
                    Attributes.of(attributes)));
        }
    }

    /** The city's data sources: agencies, a utility, apps. */
    enum Source {
        TRAFFIC("city-traffic", "tr"),
        UTILITIES("lakeside-utilities", "ut"),
        VOLUNTEERS("volunteer-hub", "vh"),
        BROWSER("browser-companion", "web"),
        TRANSIT("transit-app", "gps"),
        STREAMING("streaming-service", "tv"),
        ADS("adnet", "ad"),
        OMBUDSMAN("ombudsman", "om"),
        REGISTRY("city-registry", "reg");

        final String name;
        final String prefix;

        Source(String name, String prefix) {
            this.name = name;
            this.prefix = prefix;
        }
    }
}
