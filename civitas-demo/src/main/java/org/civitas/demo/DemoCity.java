package org.civitas.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.civitas.source.SourceCatalogue;
import org.civitas.source.SourceRegistration;
import org.civitas.source.SourcesFile;

/** The rule books shipped for the synthetic city: the nation of Vale, and its cities Lakeside and Riverton. */
public final class DemoCity {

    private static final List<String> BOOKS = List.of("lakeside.yaml", "riverton.yaml", "vale.yaml");
    private static final String FOLDER = "/org/civitas/demo/demo-rules/";

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

    /** The city's sources, the types each sends and the category of each type. */
    public static SourceCatalogue sources() {
        List<SourceRegistration> sources = new ArrayList<>();
        for (CitySources.SourceSpec source : CitySources.ALL) {
            Map<String, String> types = new TreeMap<>();
            source.types().forEach(type -> types.put(type.type(), type.category()));
            sources.add(new SourceRegistration(source.name(), types));
        }
        return SourceCatalogue.of(sources);
    }

    /** The category of every event type the city's sources send. */
    public static EventCategories categories() {
        return sources().categories();
    }

    /**
     * Makes {@code dataDirectory} the city's: its rule books in {@code rules/} and its sources in
     * {@value SourcesFile#NAME}, so that a server or a command on the directory needs nothing else.
     */
    public static void install(Path dataDirectory) {
        writeRuleBooks(RuleBookLoader.folderIn(dataDirectory));
        SourcesFile.write(SourcesFile.in(dataDirectory), sources());
    }

    /** Writes the city's rule books into {@code folder}, one file per jurisdiction. */
    public static void writeRuleBooks(Path folder) {
        try {
            Files.createDirectories(folder);
            for (String name : BOOKS) {
                Files.writeString(folder.resolve(name), text(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo rule books to " + folder, e);
        }
    }

    /**
     * The seal for events ingested without a server: personal-only attributes (by the city's categories and the
     * standard constitution) are sealed with keys kept in {@code dataDirectory}.
     */
    public static PersonalDataSeal seal(Path dataDirectory) {
        return new PersonalDataSeal(PersonalKeys.open(dataDirectory), sources()::category,
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
