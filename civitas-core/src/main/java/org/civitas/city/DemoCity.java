package org.civitas.city;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.civitas.constitution.Constitution;
import org.civitas.event.EventCategories;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.privacy.PersonalKeys;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;

/** The rule books shipped for the synthetic city: one for Lakeside, one for its neighbour Riverton. */
public final class DemoCity {

    private static final String UNCATEGORISED = "uncategorised";
    private static final List<String> BOOKS = List.of("lakeside.yaml", "riverton.yaml");
    private static final String FOLDER = "/org/civitas/city/demo-rules/";

    private DemoCity() {
    }

    /** The demo rule books, checked by {@code loader} like any others. */
    public static RuleBooks ruleBooks(RuleBookLoader loader) {
        List<RuleBook> books = new ArrayList<>();
        for (String name : BOOKS) {
            books.add(loader.read("demo-rules/" + name, text(name)));
        }
        return new RuleBooks(books);
    }

    /** The category of every event type the city's sources send. */
    public static EventCategories categories() {
        Map<String, String> categories = new TreeMap<>();
        for (CitySources.SourceSpec source : CitySources.ALL) {
            source.types().forEach(type -> categories.put(type.type(), type.category()));
        }
        return new EventCategories(categories);
    }

    /**
     * The seal for events ingested without a server: personal-only attributes (by the city's categories and the
     * standard constitution) are sealed with keys kept in {@code dataDirectory}.
     */
    public static PersonalDataSeal seal(Path dataDirectory) {
        EventCategories categories = categories();
        return new PersonalDataSeal(PersonalKeys.open(dataDirectory),
                (source, type) -> categories.categoryOf(type).orElse(UNCATEGORISED),
                Constitution.standard().personalOnlyCategories());
    }

    /** The YAML text of one demo rule book, by file name. */
    public static String text(String name) {
        try (InputStream in = DemoCity.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no demo rule book " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
