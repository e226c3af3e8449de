package org.civitas.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.civitas.demo.CityGenerator.EventFactory;
import org.civitas.demo.CityGenerator.Source;

/** One resident of the synthetic city, with habits that decide what the sources record about them each day. */
final class Resident {

    /** How a resident's life goes: most are steady, a few are struggling. */
    enum Persona {
        STEADY(0.004, 0.004, 0.02, 0.02, 0.00),
        BUSY(0.010, 0.010, 0.01, 0.15, 0.03),
        STRUGGLING(0.040, 0.025, 0.01, 0.30, 0.45),
        VOLUNTEER(0.003, 0.003, 0.25, 0.02, 0.00);

        final double redLightsPerDay;
        final double speedingPerDay;
        final double volunteeringPerDay;
        final double chanceBillIsLate;
        final double chanceLateBillIsVeryLate;

        Persona(double redLights, double speeding, double volunteering, double late, double veryLate) {
            this.redLightsPerDay = redLights;
            this.speedingPerDay = speeding;
            this.volunteeringPerDay = volunteering;
            this.chanceBillIsLate = late;
            this.chanceLateBillIsVeryLate = veryLate;
        }

        static Persona draw(SplittableRandom random) {
            double roll = random.nextDouble();
            return roll < 0.78 ? STEADY : roll < 0.90 ? BUSY : roll < 0.96 ? STRUGGLING : VOLUNTEER;
        }
    }

    private static final double CITY_LAT = 52.02;
    private static final double CITY_LON = 8.53;

    private final String id;
    private final SplittableRandom random;
    private final Persona persona;
    private final List<String> favouriteSites;
    private final List<String> favouriteGenres;
    private final boolean sharesLocation;
    private final boolean drives;
    private final boolean commutes;
    private final double homeLat;
    private final double homeLon;
    private final double workLat;
    private final double workLon;
    private final int[] billDays;
    private final String[] billers;

    Resident(String id, long seed, int index) {
        this.id = id;
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        this.persona = Persona.draw(random);
        this.favouriteSites = CityCatalogue.pick(CityCatalogue.SITES, 3 + random.nextInt(5), random);
        this.favouriteGenres = CityCatalogue.pick(CityCatalogue.GENRES, 2 + random.nextInt(3), random);
        this.sharesLocation = random.nextDouble() < 0.6;
        this.drives = random.nextDouble() < 0.55;
        this.commutes = random.nextDouble() < 0.2;
        this.homeLat = CITY_LAT + (random.nextDouble() - 0.5) * 0.08;
        this.homeLon = CITY_LON + (random.nextDouble() - 0.5) * 0.12;
        this.workLat = commutes ? CITY_LAT + 0.09 + random.nextDouble() * 0.02
                : CITY_LAT + (random.nextDouble() - 0.5) * 0.05;
        this.workLon = commutes ? CITY_LON + 0.11 + random.nextDouble() * 0.02
                : CITY_LON + (random.nextDouble() - 0.5) * 0.08;
        int bills = 2 + random.nextInt(2);
        this.billDays = new int[bills];
        this.billers = new String[bills];
        for (int bill = 0; bill < bills; bill++) {
            billDays[bill] = 1 + random.nextInt(28);
            billers[bill] = CityCatalogue.BILLERS.get(random.nextInt(CityCatalogue.BILLERS.size()));
        }
    }

    /** The districts of the city, north-west, north-east, south-west and south-east of its centre. */
    private static final List<String> DISTRICTS = List.of("old-town", "harbour", "westfield", "lakeshore");

    /** Records, as the city's registry does, the district this resident lives in. */
    void registerResidence(Instant firstDay, EventFactory events) {
        String district = DISTRICTS.get((homeLat >= CITY_LAT ? 0 : 2) + (homeLon >= CITY_LON ? 1 : 0));
        events.emit(Source.REGISTRY, id, "residence-registered", firstDay, CityGenerator.HOME_JURISDICTION,
                attributes("district", district));
    }

    /** Records one day of this resident's life, starting at {@code dayStart} (midnight UTC). */
    void liveDay(Instant dayStart, EventFactory events) {
        DayOfWeek weekday = dayStart.atOffset(ZoneOffset.UTC).getDayOfWeek();
        boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
        browse(dayStart, events);
        if (sharesLocation) {
            move(dayStart, weekend, events);
        }
        watch(dayStart, events);
        if (weekday == DayOfWeek.SUNDAY) {
            profile(dayStart, events);
        }
        crossStreets(dayStart, weekend, events);
        payBills(dayStart, events);
        volunteer(dayStart, weekend, events);
        if (random.nextDouble() < 0.0004) {
            Map<String, Object> report = attributes("office", CityCatalogue.pick(CityCatalogue.OFFICES, random),
                    "substantiated", random.nextDouble() < 0.6);
            events.emit(Source.OMBUDSMAN, id, "corruption-report", at(dayStart, 9, 18), CityGenerator.HOME_JURISDICTION,
                    report);
        }
    }

    private void browse(Instant dayStart, EventFactory events) {
        int visits = 1 + random.nextInt(4);
        for (int visit = 0; visit < visits; visit++) {
            String site = random.nextDouble() < 0.85
                    ? favouriteSites.get(Math.min(favouriteSites.size() - 1, (int) (random.nextDouble()
                            * random.nextDouble() * favouriteSites.size())))
                    : CityCatalogue.pick(CityCatalogue.SITES, random);
            long seconds = Math.round(Math.exp(5.5 + random.nextGaussian() * 1.1));
            events.emit(Source.BROWSER, id, "web-visit", at(dayStart, 7, 24), CityGenerator.HOME_JURISDICTION,
                    attributes("site", site, "seconds", Math.min(seconds, 4 * 3600)));
        }
    }

    private void move(Instant dayStart, boolean weekend, EventFactory events) {
        if (weekend) {
            for (int point = 0; point < 2; point++) {
                gps(dayStart.plusSeconds(36_000 + point * 10_800L + random.nextInt(600)),
                        homeLat + (random.nextDouble() - 0.5) * 0.02, homeLon + (random.nextDouble() - 0.5) * 0.02,
                        events);
            }
            return;
        }
        long leave = 6 * 3600 + random.nextInt(5400);
        long comeBack = 16 * 3600 + random.nextInt(7200);
        for (int step = 0; step <= 1; step++) {
            gps(dayStart.plusSeconds(leave + step * 1_500L), homeLat + (workLat - homeLat) * step,
                    homeLon + (workLon - homeLon) * step, events);
            gps(dayStart.plusSeconds(comeBack + step * 1_500L), workLat + (homeLat - workLat) * step,
                    workLon + (homeLon - workLon) * step, events);
        }
    }

    private void gps(Instant at, double lat, double lon, EventFactory events) {
        double jitter = 0.0008;
        events.emit(Source.TRANSIT, id, "gps-point", at, CityGenerator.HOME_JURISDICTION,
                attributes("lat", round(lat + (random.nextDouble() - 0.5) * jitter, 5),
                        "lon", round(lon + (random.nextDouble() - 0.5) * jitter, 5)));
    }

    private void watch(Instant dayStart, EventFactory events) {
        if (random.nextDouble() < 0.55) {
            String genre = random.nextDouble() < 0.8 ? CityCatalogue.pick(favouriteGenres, random)
                    : CityCatalogue.pick(CityCatalogue.GENRES, random);
            events.emit(Source.STREAMING, id, "content-view", at(dayStart, 17, 24), CityGenerator.HOME_JURISDICTION,
                    attributes("title", CityCatalogue.title(genre, random), "genre", genre,
                            "seconds", 600 + random.nextInt(6000)));
        }
    }

    private void profile(Instant dayStart, EventFactory events) {
        List<Map<String, Object>> interests = new ArrayList<>();
        for (String genre : favouriteGenres) {
            interests.add(attributes("topic", genre, "affinity", round(0.5 + random.nextDouble() * 0.5, 2)));
        }
        interests.add(attributes("topic", CityCatalogue.pick(CityCatalogue.INTERESTS, random),
                "affinity", round(0.3 + random.nextDouble() * 0.5, 2)));
        events.emit(Source.ADS, id, "interest-profile", at(dayStart, 2, 4), CityGenerator.HOME_JURISDICTION,
                attributes("interests", interests, "model", "adnet-recsys-7"));
    }

    private void crossStreets(Instant dayStart, boolean weekend, EventFactory events) {
        String jurisdiction = commutes && !weekend && random.nextDouble() < 0.5
                ? CityGenerator.NEIGHBOUR_JURISDICTION : CityGenerator.HOME_JURISDICTION;
        if (random.nextDouble() < persona.redLightsPerDay) {
            boolean night = random.nextDouble() < 0.3;
            Instant when = !night ? at(dayStart, 6, 20)
                    : random.nextBoolean() ? at(dayStart, 0, 5) : at(dayStart, 22, 24);
            double traffic = night ? round(random.nextDouble() * 0.08, 2) : round(0.1 + random.nextDouble() * 0.85, 2);
            events.emit(Source.TRAFFIC, id, "red-light-crossing", when, jurisdiction,
                    attributes("traffic", traffic, "intersection", CityCatalogue.pick(CityCatalogue.STREETS, random)));
        }
        if (drives && random.nextDouble() < persona.speedingPerDay) {
            long over = 5 + Math.round(Math.abs(random.nextGaussian()) * 14);
            events.emit(Source.TRAFFIC, id, "speeding", at(dayStart, 6, 22), jurisdiction,
                    attributes("kmhOver", over, "limit", random.nextDouble() < 0.7 ? 50 : 30));
        }
    }

    private void payBills(Instant dayStart, EventFactory events) {
        int dayOfMonth = dayStart.atOffset(ZoneOffset.UTC).getDayOfMonth();
        for (int bill = 0; bill < billDays.length; bill++) {
            if (billDays[bill] != dayOfMonth) {
                continue;
            }
            long daysLate;
            if (random.nextDouble() < persona.chanceBillIsLate) {
                daysLate = random.nextDouble() < persona.chanceLateBillIsVeryLate
                        ? 31 + random.nextInt(60) : 1 + random.nextInt(20);
            } else {
                daysLate = -random.nextInt(6);
            }
            events.emit(Source.UTILITIES, id, "bill-payment", at(dayStart, 8, 20), CityGenerator.HOME_JURISDICTION,
                    attributes("daysLate", daysLate, "biller", billers[bill]));
        }
    }

    private void volunteer(Instant dayStart, boolean weekend, EventFactory events) {
        if (random.nextDouble() < persona.volunteeringPerDay) {
            events.emit(Source.VOLUNTEERS, id, "volunteering", at(dayStart, 9, 19), CityGenerator.HOME_JURISDICTION,
                    attributes("hours", 1 + random.nextInt(6),
                            "organisation", CityCatalogue.pick(CityCatalogue.ORGANISATIONS, random)));
        }
        double cleanupChance = (persona == Persona.VOLUNTEER ? 0.12 : 0.01) * (weekend ? 3 : 1);
        if (random.nextDouble() < cleanupChance) {
            events.emit(Source.VOLUNTEERS, id, "cleanup", at(dayStart, 9, 17), CityGenerator.HOME_JURISDICTION,
                    attributes("area", CityCatalogue.pick(CityCatalogue.STREETS, random)));
        }
    }

    /** A random instant between {@code fromHour} and {@code toHour} (UTC) of the day. */
    private Instant at(Instant dayStart, int fromHour, int toHour) {
        return dayStart.plusSeconds(fromHour * 3600L + random.nextInt((toHour - fromHour) * 3600));
    }

    private static Map<String, Object> attributes(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
