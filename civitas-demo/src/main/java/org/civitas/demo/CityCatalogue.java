package org.civitas.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The names the synthetic city is made of: websites, streets, genres, organisations. */
final class CityCatalogue {

    static final List<String> SITES = List.of(
            "news.lakeside.example", "dailyglobe.example", "social.example", "photogram.example", "tube.example",
            "mail.example", "search.example", "shop.example", "marketplace.example", "wiki.example",
            "sportsdesk.example", "recipes.example", "jobs.example", "maps.example", "music.example",
            "forum.example", "weather.example", "bank.example", "library.lakeside.example", "games.example",
            "learn.example", "travel.example", "podcasts.example", "gardening.example");

    static final List<String> GENRES = List.of(
            "documentary", "comedy", "drama", "crime", "science", "cooking", "cycling", "football", "jazz",
            "history", "nature", "anime", "true-crime", "music-live");

    static final List<String> INTERESTS = List.of(
            "running shoes", "home espresso", "budget travel", "electric bikes", "board games", "indoor plants",
            "language courses", "camping gear");

    static final List<String> STREETS = List.of(
            "Harbour Rd / Mill St", "Station Sq", "Elm Ave / 3rd St", "Lake Promenade", "Market St / Bridge Rd",
            "Old Town Gate", "University Ave", "Riverside Dr / Oak St");

    static final List<String> BILLERS = List.of(
            "lakeside-water", "lakeside-power", "city-broadband", "tenant-union-housing", "phone-co");

    static final List<String> ORGANISATIONS = List.of(
            "Lakeside Food Bank", "Riverside Cleanup Crew", "Youth Football Club", "Senior Companions",
            "Public Library Friends", "Red Cross Lakeside");

    static final List<String> OFFICES = List.of(
            "building permits office", "procurement department", "parking authority", "housing board");

    private static final List<String> TITLE_WORDS = List.of(
            "Secrets", "Journey", "Night", "Kitchen", "Lake", "Empire", "Game", "Wild", "City", "Silent");

    private CityCatalogue() {
    }

    static String pick(List<String> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }

    /** {@code count} different items, in random order. */
    static List<String> pick(List<String> items, int count, SplittableRandom random) {
        List<String> pool = new ArrayList<>(items);
        List<String> picked = new ArrayList<>(count);
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }

    static String title(String genre, SplittableRandom random) {
        return "The " + pick(TITLE_WORDS, random) + " of " + pick(TITLE_WORDS, random) + " (" + genre + ")";
    }
}
