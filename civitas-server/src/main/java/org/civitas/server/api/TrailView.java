package org.civitas.server.api;

import java.time.Instant;
import java.util.List;

/** Where a person's location data puts them on one day, in time order. */
public record TrailView(String date, String zone, List<Point> points) {

    /** One recorded position. */
    public record Point(Instant at, double lat, double lon) {
    }
}
