package org.civitas.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.CivitasException;
import org.civitas.event.CivitasEntries;
import org.civitas.validation.Issue;
import org.civitas.validation.ValidationException;
import org.civitas.yaml.YamlDocument;
import org.civitas.yaml.YamlMapping;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A sources file: the sources that may send events, the types each sends and the category of each type.
 *
 * <pre>
 * sources:
 *   - source: city-traffic
 *     types: { red-light-crossing: traffic, speeding: traffic }
 *   - source: browser-companion
 *     types: { web-visit: browsing }
 * </pre>
 *
 * A data directory keeps the sources registered in it in {@value #NAME}, whoever registered them.
 */
public final class SourcesFile {

    /** The name of the sources file in a data directory. */
    public static final String NAME = "sources.yaml";

    private static final String HEADER = "# The sources that may send events to this data directory, the event types"
            + " each sends,\n# and the category of each type. Civitas rewrites this file when a source is"
            + " registered.\n";

    private SourcesFile() {
    }

    /** Where a data directory keeps its sources file. */
    public static Path in(Path dataDirectory) {
        return dataDirectory.resolve(NAME);
    }

    /** The sources registered in {@code dataDirectory}; none when it has no sources file. */
    public static SourceCatalogue readIn(Path dataDirectory) {
        Path file = in(dataDirectory);
        return Files.exists(file) ? read(file) : SourceCatalogue.EMPTY;
    }

    /** The sources in {@code file}; a file with any problem is refused with all of them. */
    public static SourceCatalogue read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CivitasException("cannot read the sources file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** The sources in {@code text}; {@code file} names it in messages. */
    public static SourceCatalogue parse(String file, String text) {
        List<Issue> issues = new ArrayList<>();
        SourceCatalogue catalogue = YamlDocument.parse(file, text, issues)
                .map(SourcesFile::catalogue)
                .orElse(null);
        if (!issues.isEmpty() || catalogue == null) {
            throw new ValidationException("sources file " + file, issues);
        }
        return catalogue;
    }

    private static SourceCatalogue catalogue(YamlMapping root) {
        root.allowOnly(List.of("sources"));
        if (!root.has("sources")) {
            root.report("sources", "required: a list of {source, types: {type: category}}");
        }
        Map<String, SourceRegistration> bySource = new LinkedHashMap<>();
        Map<String, String> categoryByType = new LinkedHashMap<>();
        for (YamlMapping item : root.mappings("sources")) {
            item.allowOnly(List.of("source", "types"));
            Optional<String> source = item.requiredText("source").filter(name -> ownName(item, "source", name));
            YamlMapping about = item.about("source '" + source.orElse("?") + "'");
            Optional<Map<String, String>> listed = about.mapping("types").map(YamlMapping::plainFields);
            if (!item.has("types") || listed.filter(Map::isEmpty).isPresent()) {
                about.report("types", "required: each type the source sends and its category, as {type: category}");
            }
            Map<String, String> types = listed.orElse(Map.of());
            types.forEach((type, category) -> {
                ownName(about, "types", type);
                named(about, "types: category of '" + type + "'", category);
                String earlier = categoryByType.putIfAbsent(type, category);
                if (earlier != null && !earlier.equals(category)) {
                    about.report("types", "'" + type + "' is in category '" + earlier + "' for another source;"
                            + " a type has one category whichever source sends it");
                }
            });
            source.ifPresent(name -> {
                if (bySource.putIfAbsent(name, new SourceRegistration(name, types)) != null) {
                    item.report("source", "'" + name + "' is listed twice");
                }
            });
        }
        return new SourceCatalogue(bySource);
    }

    private static boolean named(YamlMapping mapping, String field, String name) {
        if (!SourceRegistration.NAME.matcher(name).matches()) {
            mapping.report(field, "'" + name + "' is not a name: " + SourceRegistration.NAME_RULE);
            return false;
        }
        return true;
    }

    /** A source's name or a type: a name, and not one of Civitas's own. */
    private static boolean ownName(YamlMapping mapping, String field, String name) {
        if (!named(mapping, field, name)) {
            return false;
        }
        Optional<String> reserved = CivitasEntries.reserved(name);
        reserved.ifPresent(why -> mapping.report(field, why));
        return reserved.isEmpty();
    }

    /** Writes {@code catalogue} to {@code file} whole: a reader sees the old file or the new one, never a part. */
    public static void write(Path file, SourceCatalogue catalogue) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (SourceRegistration registration : catalogue.all()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("source", registration.source());
            source.put("types", new LinkedHashMap<>(registration.categoryByType()));
            sources.add(source);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndentWithIndicator(true);
        options.setIndicatorIndent(2);
        String text = HEADER + new Yaml(options).dump(Map.of("sources", sources));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".sources-", ".yaml");
            try {
                Files.writeString(temporary, text);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sources file " + file, e);
        }
    }
}
