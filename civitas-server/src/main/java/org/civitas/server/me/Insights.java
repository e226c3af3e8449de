package org.civitas.server.me;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.civitas.event.Attributes;
import org.civitas.server.api.InsightsView.Interest;
import org.civitas.server.api.InsightsView.MonthTop;
import org.civitas.server.api.InsightsView.SiteRank;
import org.civitas.server.api.InsightsView.SiteSeries;
import org.civitas.server.api.InsightsView;
import org.civitas.server.api.TrailView;
import org.civitas.store.vault.VaultStore;
import org.civitas.vault.VaultEvent;

/**
 * Works out a person's "screen time" from their vault: browsing events with a {@code site} and {@code seconds},
 * location events with {@code lat} and {@code lon}, content events with a {@code genre} (and {@code seconds}), and
 * recommendation profiles with {@code interests} of {@code topic} and {@code affinity}.
 */
public final class Insights {

    static final List<String> CATEGORIES = List.of("browsing", "location", "content");
    private static final int TOP_SITES = 6;
    private static final int TOP_PER_MONTH = 5;

    private final VaultStore vault;

    public Insights(VaultStore vault) {
        this.vault = vault;
    }

    public InsightsView of(String person, Instant from, Instant to, ZoneId zone) {
        Map<String, Map<LocalDate, Long>> browsing = new HashMap<>();
        TreeSet<LocalDate> trailDays = new TreeSet<>();
        Map<String, Double> watched = new HashMap<>();
        VaultEvent[] profile = {null};
        vault.forEach(person, CATEGORIES, from, to, event -> {
            Map<String, Object> values = attributes(event);
            LocalDate day = LocalDate.ofInstant(event.occurredAt(), zone);
            if (values.get("site") instanceof String site && values.get("seconds") instanceof Number seconds) {
                browsing.computeIfAbsent(site, key -> new TreeMap<>()).merge(day, seconds.longValue(), Long::sum);
            }
            if (values.get("lat") instanceof Number && values.get("lon") instanceof Number) {
                trailDays.add(day);
            }
            if (values.get("genre") instanceof String genre) {
                double seconds = values.get("seconds") instanceof Number number ? number.doubleValue() : 1;
                watched.merge(genre, seconds, Double::sum);
            }
            if (values.get("interests") instanceof List<?>) {
                profile[0] = event;
            }
        });
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), zone);
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        List<String> topSites = topSites(browsing);
        return new InsightsView(from, to, zone.getId(),
                days.stream().map(LocalDate::toString).toList(), perDay(browsing, topSites, days),
                weeks(days), perWeek(browsing, topSites, days), monthlyTops(browsing),
                trailDays.stream().map(LocalDate::toString).toList(), interests(watched),
                recommended(profile[0]), profile[0] == null ? null : profile[0].source(),
                profile[0] == null ? null : profile[0].occurredAt());
    }

    public TrailView trail(String person, LocalDate date, ZoneId zone) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<TrailView.Point> points = new ArrayList<>();
        vault.forEach(person, List.of("location"), from, to, event -> {
            Map<String, Object> values = attributes(event);
            if (values.get("lat") instanceof Number lat && values.get("lon") instanceof Number lon) {
                points.add(new TrailView.Point(event.occurredAt(), lat.doubleValue(), lon.doubleValue()));
            }
        });
        return new TrailView(date.toString(), zone.getId(), points);
    }

    private static Map<String, Object> attributes(VaultEvent event) {
        return Attributes.ofValidatedJson(event.attributes().getBytes(StandardCharsets.UTF_8)).asMap();
    }

    private static List<String> topSites(Map<String, Map<LocalDate, Long>> browsing) {
        return browsing.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Map<LocalDate, Long>> site) -> total(site
                        .getValue())).reversed().thenComparing(Map.Entry::getKey))
                .limit(TOP_SITES)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static long total(Map<LocalDate, Long> perDay) {
        return perDay.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<SiteSeries> perDay(Map<String, Map<LocalDate, Long>> browsing, List<String> sites,
            List<LocalDate> days) {
        List<SiteSeries> series = new ArrayList<>();
        for (String site : sites) {
            series.add(new SiteSeries(site, days.stream().map(day -> browsing.get(site).getOrDefault(day, 0L))
                    .toList()));
        }
        series.add(new SiteSeries("other", days.stream().map(day -> browsing.entrySet().stream()
                .filter(entry -> !sites.contains(entry.getKey()))
                .mapToLong(entry -> entry.getValue().getOrDefault(day, 0L)).sum()).toList()));
        return series;
    }

    private static List<String> weeks(List<LocalDate> days) {
        return days.stream().map(Insights::isoWeek).distinct().toList();
    }

    private static List<SiteSeries> perWeek(Map<String, Map<LocalDate, Long>> browsing, List<String> sites,
            List<LocalDate> days) {
        List<String> weeks = weeks(days);
        List<SiteSeries> series = new ArrayList<>();
        for (String site : sites) {
            Map<String, Long> byWeek = new LinkedHashMap<>();
            weeks.forEach(week -> byWeek.put(week, 0L));
            browsing.get(site).forEach((day, seconds) -> byWeek.computeIfPresent(isoWeek(day),
                    (week, sum) -> sum + seconds));
            series.add(new SiteSeries(site, List.copyOf(byWeek.values())));
        }
        return series;
    }

    private static List<MonthTop> monthlyTops(Map<String, Map<LocalDate, Long>> browsing) {
        Map<String, Map<String, Long>> byMonth = new TreeMap<>();
        browsing.forEach((site, perDay) -> perDay.forEach((day, seconds) -> byMonth
                .computeIfAbsent(day.withDayOfMonth(1).toString().substring(0, 7), month -> new HashMap<>())
                .merge(site, seconds, Long::sum)));
        List<MonthTop> tops = new ArrayList<>();
        Map<String, Integer> previous = Map.of();
        for (Map.Entry<String, Map<String, Long>> month : byMonth.entrySet()) {
            List<Map.Entry<String, Long>> ranked = month.getValue().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                    .toList();
            Map<String, Integer> ranks = new HashMap<>();
            List<SiteRank> sites = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                ranks.put(ranked.get(i).getKey(), i + 1);
                if (i < TOP_PER_MONTH) {
                    sites.add(new SiteRank(ranked.get(i).getKey(), ranked.get(i).getValue(), i + 1,
                            previous.getOrDefault(ranked.get(i).getKey(), 0)));
                }
            }
            tops.add(new MonthTop(month.getKey(), sites));
            previous = ranks;
        }
        return tops;
    }

    private static List<Interest> interests(Map<String, Double> watched) {
        return watched.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> new Interest(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static List<Interest> recommended(VaultEvent profile) {
        if (profile == null) {
            return List.of();
        }
        Object interests = attributes(profile).get("interests");
        List<Interest> result = new ArrayList<>();
        if (interests instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> entry && entry.get("topic") instanceof String topic
                        && entry.get("affinity") instanceof Number affinity) {
                    result.add(new Interest(topic, affinity.doubleValue()));
                }
            }
        }
        result.sort(Comparator.comparingDouble(Interest::weight).reversed());
        return result;
    }

    /** The ISO week of a day, as {@code 2026-W43}. */
    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
