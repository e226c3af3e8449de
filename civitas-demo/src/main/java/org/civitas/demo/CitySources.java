package org.civitas.demo;

import java.util.List;
import java.util.Map;

/**
 * The data sources of the synthetic city, the event types each sends, the category each type belongs to, and an
 * example of each type's attributes: what the city's agencies and apps would register with Civitas.
 */
public final class CitySources {

    /** One event type a source sends. */
    public record TypeSpec(String type, String category, Map<String, Object> exampleAttributes) {
    }

    /** One source and the types it sends. */
    public record SourceSpec(String name, List<TypeSpec> types) {
    }

    public static final List<SourceSpec> ALL = List.of(
            new SourceSpec("city-traffic", List.of(
                    new TypeSpec("red-light-crossing", "traffic",
                            Map.of("traffic", 0.6, "intersection", "Station Sq")),
                    new TypeSpec("speeding", "traffic", Map.of("kmhOver", 18, "limit", 50)))),
            new SourceSpec("lakeside-utilities", List.of(
                    new TypeSpec("bill-payment", "obligations", Map.of("daysLate", 0, "biller", "lakeside-water")))),
            new SourceSpec("volunteer-hub", List.of(
                    new TypeSpec("volunteering", "volunteering",
                            Map.of("hours", 3, "organisation", "Lakeside Food Bank")),
                    new TypeSpec("cleanup", "civic", Map.of("area", "Lake Promenade")))),
            new SourceSpec("browser-companion", List.of(
                    new TypeSpec("web-visit", "browsing", Map.of("site", "news.lakeside.example", "seconds", 420)))),
            new SourceSpec("transit-app", List.of(
                    new TypeSpec("gps-point", "location", Map.of("lat", 52.02114, "lon", 8.53207)))),
            new SourceSpec("streaming-service", List.of(
                    new TypeSpec("content-view", "content",
                            Map.of("title", "The Lake of Secrets (documentary)", "genre", "documentary",
                                    "seconds", 2700)))),
            new SourceSpec("adnet", List.of(
                    new TypeSpec("interest-profile", "content", Map.of("interests",
                            List.of(Map.of("topic", "cycling", "affinity", 0.82)), "model", "adnet-recsys-7")))),
            new SourceSpec("city-registry", List.of(
                    new TypeSpec("residence-registered", "residence", Map.of("district", "harbour")))),
            new SourceSpec("ombudsman", List.of(
                    new TypeSpec("corruption-report", "speech",
                            Map.of("office", "procurement department", "substantiated", true)))));

    private CitySources() {
    }
}
