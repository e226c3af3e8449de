package org.civitas.event;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 instants. The common UTC form ({@code 2026-03-01T03:12:00Z}, with an optional fraction) is read
 * directly, since every event carries one; any other form goes to {@link Instant#parse}, which has the last word.
 */
public final class Instants {

    private Instants() {
    }

    /** The instant the text names; throws {@link DateTimeParseException} when it names none. */
    public static Instant parse(CharSequence text) {
        Instant fast = parseUtc(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The instant of the common UTC form, or null when the text is in another form or names no instant. */
    public static Instant parseUtc(CharSequence s) {
        int length = s.length();
        if (length < 20 || s.charAt(length - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days algorithm, inverted). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /**
     * The ISO-8601 form of {@code instant}, exactly as {@link Instant#toString()} writes it, but without going
     * through a formatter for the common case of a year from 0 to 9999.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        long era = Math.floorDiv(day + 719_468, 146_097);
        long dayOfEra = day + 719_468 - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9_999) {
            return instant.toString();
        }
        char[] text = new char[30];
        int at = put(text, 0, year, 4);
        text[at++] = '-';
        at = put(text, at, month, 2);
        text[at++] = '-';
        at = put(text, at, dayOfMonth, 2);
        text[at++] = 'T';
        at = put(text, at, secondOfDay / 3_600, 2);
        text[at++] = ':';
        at = put(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = put(text, at, secondOfDay % 60, 2);
        int nano = instant.getNano();
        if (nano > 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = put(text, at, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                at = put(text, at, nano / 1_000, 6);
            } else {
                at = put(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return new String(text, 0, at);
    }

    /** Writes {@code value} as exactly {@code width} digits, zero-padded, at {@code at}; returns where it ended. */
    private static int put(char[] text, int at, long value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
