package org.civitas.server;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.civitas.demo.CityGenerator;
import org.civitas.demo.CitySources;
import org.civitas.demo.DemoAccounts;
import org.civitas.demo.DemoCity;
import org.civitas.demo.DemoSetup;
import org.civitas.scoring.ScoreSheet;
import org.civitas.source.RegisteredSource;
import org.civitas.store.StorageSettings;
import org.civitas.testkit.ManualClock;

/**
 * A server on a small demo city for the page tests: its history recorded up to the clock's minute, its books and
 * sources installed and registered, and its citizens' accounts made.
 *
 * @param sources the city's sources, registered, by name
 */
record DemoCityServer(CivitasServer server, Map<String, RegisteredSource> sources,
        List<DemoAccounts.Citizen> citizens) {

    static DemoCityServer start(Path data, StorageSettings storage, ManualClock clock, int people, int days,
            long seed) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        ScoreSheet scores = DemoSetup.recordHistory(new CityGenerator.Settings(people, days, seed, now), data,
                done -> { });
        DemoCity.install(data);
        CivitasServer server = CivitasServer.start(new ServerSettings("127.0.0.1", 0, data, storage, Optional.empty(),
                Optional.empty(), Optional.empty(), clock));
        TestServer admin = TestServer.around(server, clock);
        Map<String, RegisteredSource> sources = new HashMap<>();
        for (CitySources.SourceSpec source : CitySources.ALL) {
            sources.put(source.name(), admin.source(source.name(), source.types().stream()
                    .flatMap(type -> Stream.of(type.type(), type.category())).toArray(String[]::new)));
        }
        List<DemoAccounts.Citizen> citizens = DemoSetup.citizens(scores);
        citizens.forEach(citizen -> admin.citizen(citizen.username(), citizen.person(), citizen.password()));
        return new DemoCityServer(server, Map.copyOf(sources), citizens);
    }
}
