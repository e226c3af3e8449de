package org.civitas.server.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write numbers and times. */
public final class Format {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    public static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    /** Signed points: {@code +3.93}, {@code −7.67}, {@code 0}. */
    public static String points(double points) {
        if (points == 0) {
            return "0";
        }
        String text = Math.rint(points) == points ? String.format(Locale.ROOT, "%.0f", Math.abs(points))
                : String.format(Locale.ROOT, "%.2f", Math.abs(points));
        return (points > 0 ? "+" : "\u2212") + text;
    }

    public static String instant(Instant instant) {
        return MINUTE.format(instant);
    }

    public static String date(Instant instant) {
        return DAY.format(instant);
    }

    /** A share as a percentage with one decimal: {@code 12.5%}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** Seconds as hours and minutes: {@code 2 h 05 min}. */
    public static String duration(long seconds) {
        long minutes = seconds / 60;
        return minutes >= 60 ? String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60)
                : minutes + " min";
    }

    /** {@code text} as one part of a URL's path or query: {@code a b/c} is {@code a%20b%2Fc}. */
    public static String urlPart(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
