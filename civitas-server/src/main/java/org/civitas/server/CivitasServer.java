package org.civitas.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.civitas.CivitasException;
import org.civitas.access.AccessLog;
import org.civitas.administration.AccountDesk;
import org.civitas.attestation.PeerPraise;
import org.civitas.constitution.Constitution;
import org.civitas.dispute.DisputeDesk;
import org.civitas.dispute.DisputeFiles;
import org.civitas.dispute.DisputedEvent;
import org.civitas.governance.Assembly;
import org.civitas.governance.Comparison;
import org.civitas.governance.ImpactReports;
import org.civitas.governance.Legislation;
import org.civitas.governance.ProposalCheck;
import org.civitas.governance.TrackerSeal;
import org.civitas.ingest.Intake;
import org.civitas.ledger.FileLedger;
import org.civitas.officials.OfficialRecord;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.privacy.PersonalKeys;
import org.civitas.projection.Projector;
import org.civitas.projection.Projectors;
import org.civitas.reward.RewardDesk;
import org.civitas.reward.RewardKeys;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookLoader;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.ScoreBoard;
import org.civitas.scoring.Scorer;
import org.civitas.scoring.SetAside;
import org.civitas.server.admin.AccountsApi;
import org.civitas.server.admin.SourcesApi;
import org.civitas.server.attestations.AttestationsApi;
import org.civitas.server.auth.Authentication;
import org.civitas.server.auth.LoginThrottle;
import org.civitas.server.auth.PasswordHasher;
import org.civitas.server.auth.SessionApi;
import org.civitas.server.auth.SessionService;
import org.civitas.server.disputes.DisputeFilesApi;
import org.civitas.server.disputes.DisputePages;
import org.civitas.server.disputes.DisputesApi;
import org.civitas.server.governance.ComparePages;
import org.civitas.server.governance.ProposalPages;
import org.civitas.server.governance.ProposalsApi;
import org.civitas.server.http.DeclaredRoute;
import org.civitas.server.http.HttpApp;
import org.civitas.server.http.Json;
import org.civitas.server.ingest.EventsApi;
import org.civitas.server.ingest.SourceAuthenticator;
import org.civitas.server.live.LiveFeeds;
import org.civitas.server.live.LivePages;
import org.civitas.server.me.Insights;
import org.civitas.server.me.MeApi;
import org.civitas.server.officials.OfficialsApi;
import org.civitas.server.ops.Health;
import org.civitas.server.ops.Metrics;
import org.civitas.server.ops.OpenApiDocument;
import org.civitas.server.pages.Pages;
import org.civitas.server.pages.Templates;
import org.civitas.server.privacy.ErasureApi;
import org.civitas.server.privacy.SealedVaultOpener;
import org.civitas.server.rewards.RewardsApi;
import org.civitas.server.rules.RulesApi;
import org.civitas.server.sharing.GrantsApi;
import org.civitas.server.sharing.PeopleApi;
import org.civitas.server.sharing.SharingPages;
import org.civitas.server.stats.PublicStatistics;
import org.civitas.server.stats.StatsApi;
import org.civitas.server.support.SupportApi;
import org.civitas.server.support.SupportPages;
import org.civitas.server.transparency.LogApi;
import org.civitas.sharing.Sharing;
import org.civitas.source.SourceRegistry;
import org.civitas.store.Database;
import org.civitas.store.access.AccessLogStore;
import org.civitas.store.accounts.AccountStore;
import org.civitas.store.attestations.AttestationStore;
import org.civitas.store.disputes.AttachmentStore;
import org.civitas.store.disputes.DisputeStore;
import org.civitas.store.governance.ImpactStore;
import org.civitas.store.governance.ProposalStore;
import org.civitas.store.grants.GrantStore;
import org.civitas.store.residence.ResidenceStore;
import org.civitas.store.rewards.RedemptionStore;
import org.civitas.store.sessions.SessionStore;
import org.civitas.store.sources.ReplayGuard;
import org.civitas.store.sources.SourceStore;
import org.civitas.store.support.SupportStore;
import org.civitas.store.vault.VaultStore;
import org.civitas.support.SupportCases;
import org.civitas.support.SupportDesk;
import org.civitas.transparency.LedgerLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Civitas server: opens the ledger and the database, rebuilds the live scores from the ledger, brings the
 * vault up to date, then serves the API and the pages.
 */
public final class CivitasServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CivitasServer.class);

    private final Civitas civitas;
    private final SourceRegistry sources;
    private final Javalin app;
    private final ScheduledExecutorService chores;

    private CivitasServer(Civitas civitas, SourceRegistry sources, Javalin app, ScheduledExecutorService chores) {
        this.civitas = civitas;
        this.sources = sources;
        this.app = app;
        this.chores = chores;
    }

    public static CivitasServer start(ServerSettings settings) {
        return start(settings, StartupProgress.SILENT);
    }

    public static CivitasServer start(ServerSettings settings, StartupProgress progress) {
        Constitution constitution = settings.constitution().map(Constitution::load)
                .orElseGet(Constitution::standard);
        ServerLedger ledger = ServerLedger.open(settings);
        Database database = null;
        Legislation legislation = null;
        OfficialRecord officials = null;
        Projectors projectors = null;
        try {
            database = Database.open(settings.storage());
            SourceStore sourceStore = new SourceStore(database.jdbi());
            SourceRegistry sources = new SourceRegistry(sourceStore, settings.dataDirectory(), settings.clock());
            PersonalDataSeal seal = new PersonalDataSeal(PersonalKeys.open(settings.dataDirectory()),
                    sources::categoryOf, constitution.personalOnlyCategories());
            RuleBookLoader loader = new RuleBookLoader(constitution, sources.categories());
            ProposalCheck check = new ProposalCheck(loader);
            legislation = new Legislation(ruleBooks(settings, loader), settings.dataDirectory(), check);
            RuleBooks books = legislation.inForce();
            ScoreBoard scores = new ScoreBoard(new Scorer(books));
            legislation.follow(changed -> scores.rescore(new Scorer(changed), (scorer, taken, into) ->
                    ledger.history().read(scorer::readsAny, (position, event) -> {
                        if (taken.test(position)) {
                            into.accept(event, position);
                        }
                    }, (position, person) -> { }, unreadable -> { })));
            long scoredUpTo = ledger.file().map(file -> scoreTheLedger(settings, books, scores, progress,
                    file.committed())).orElse(0L);
            ledger.startSequencing(new Scorer(books));
            LiveFeeds feeds = new LiveFeeds();
            VaultStore vault = new VaultStore(database.jdbi(), new SealedVaultOpener(seal));
            SupportStore support = new SupportStore(database.jdbi());
            ResidenceStore residences = new ResidenceStore(database.jdbi());
            LivePages live = new LivePages(feeds, vault, scores, settings.clock());
            BooleanSupplier databaseAnswers = database::healthy;
            projectors = new Projectors(ledger.chains().stream().map(chain -> new Projector(chain, vault,
                    residences, scores, sources, live, settings.clock(), scoredUpTo, databaseAnswers)).toList());
            long committed = projectors.committed();
            projectors.catchUp(done -> progress.progress("projecting the vault", done, committed));
            projectors.start();
            LedgerLogs logs = ledger.openLogs(settings.dataDirectory(),
                    built -> progress.progress("building the transparency log", built, committed));
            AccessLog accessLog = new AccessLogStore(database.jdbi());
            officials = OfficialRecord.open(settings.dataDirectory(), seal.keys(), settings.clock());
            SupportDesk supportDesk = new SupportDesk(support, scores, accessLog, officials, legislation::inForce,
                    settings.clock());
            AccountStore accounts = new AccountStore(database.jdbi());
            GrantStore grants = new GrantStore(database.jdbi());
            Sharing sharing = new Sharing(grants, accounts, sources::categories, constitution, accessLog, officials,
                    settings.clock());
            SupportCases cases = new SupportCases(support, sharing, officials, residences, ledger.appender(),
                    settings.clock());
            Assembly assembly = new Assembly(new ProposalStore(database.jdbi()), residences, legislation, check,
                    new TrackerSeal(seal.keys()), officials, settings.clock());
            ImpactReports impacts = new ImpactReports(ledger.history(), legislation, check,
                    residences, new ImpactStore(database.jdbi()));
            Comparison comparison = new Comparison(ledger.history(), legislation::inForce, residences, scores,
                    support, settings.clock());
            DisputeDesk disputes = new DisputeDesk(new DisputeStore(database.jdbi()), (person, key, at) -> vault
                    .find(person, key.source(), key.id(), at).map(event -> new DisputedEvent(key, event.type(),
                            event.occurredAt(), event.jurisdiction(), event.attributes())),
                    scores, ledger.appender(), accessLog, officials, settings.clock());
            DisputeFiles disputeFiles = new DisputeFiles(disputes, new AttachmentStore(database.jdbi()), accessLog,
                    officials, settings.clock());
            PeerPraise praise = new PeerPraise(new AttestationStore(database.jdbi()), residences,
                    legislation::inForce, ledger.appender(), settings.clock());
            RewardDesk rewards = new RewardDesk(new RedemptionStore(database.jdbi()),
                    RewardKeys.open(settings.dataDirectory()), seal.keys(), residences, legislation::inForce, scores,
                    officials, settings.clock());
            Civitas civitas = new Civitas(settings.clock(), ledger, database, accounts,
                    new SessionStore(database.jdbi()), sourceStore, new ReplayGuard(database.jdbi()), vault,
                    accessLog, sharing, support, supportDesk, cases, assembly, impacts, comparison, disputes,
                    disputeFiles, officials, logs, praise, rewards, seal, constitution, legislation, scores,
                    projectors, feeds, new PasswordHasher(), Metrics.newRegistry());
            Metrics.watch(civitas.metrics(), projectors, scores, feeds);
            SessionService sessions = new SessionService(civitas.accounts(), civitas.sessions(),
                    civitas.passwords(), civitas.clock());
            SourceAuthenticator signatures = new SourceAuthenticator(sources, civitas.replays(), civitas.clock());
            LoginThrottle throttle = new LoginThrottle(civitas.clock());
            Javalin app = web(civitas, sources, sessions, throttle, signatures, zoneOf(books));
            app.start(settings.host(), settings.port());
            return new CivitasServer(civitas, sources, app, chores(civitas, sessions, throttle, signatures));
        } catch (RuntimeException e) {
            if (projectors != null) {
                projectors.close();
            }
            if (database != null) {
                database.close();
            }
            if (legislation != null) {
                legislation.close();
            }
            if (officials != null) {
                officials.close();
            }
            ledger.close();
            throw e;
        }
    }

    /** The configured books, or else those kept in the data directory; without either, a server cannot start. */
    private static RuleBooks ruleBooks(ServerSettings settings, RuleBookLoader loader) {
        return settings.rules().map(loader::load)
                .or(() -> loader.loadIn(settings.dataDirectory()))
                .orElseThrow(() -> new CivitasException("no rule book to score by: name one (a file, or a folder"
                        + " with one per jurisdiction) with 'rules:' in the configuration, or put them in "
                        + RuleBookLoader.folderIn(settings.dataDirectory())));
    }

    private static long scoreTheLedger(ServerSettings settings, RuleBooks books, ScoreBoard scores,
            StartupProgress progress, long total) {
        Scorer scorer = new Scorer(books);
        long[] done = {0};
        long scored = FileLedger.read(settings.dataDirectory(), scorer::readsAny, (sequence, event) -> {
            scores.accept(event, sequence);
            tick(progress, ++done[0], total);
        }, (sequence, person) -> {
            scores.include(person, sequence);
            tick(progress, ++done[0], total);
        }, unreadable -> {
            unreadable.envelope().ifPresent(envelope -> scores.include(envelope.person(), unreadable.sequence()));
            scores.setAside(unreadable.sequence(), unreadable.reason());
            tick(progress, ++done[0], total);
        });
        for (SetAside entry : scores.setAside()) {
            LOG.warn("ledger {} counts for no one's score: it cannot be scored", entry);
        }
        return scored;
    }

    private static void tick(StartupProgress progress, long done, long total) {
        if (done % 50_000 == 0 || done == total) {
            progress.progress("scoring the ledger", done, total);
        }
    }

    private static Set<String> jurisdictionsOf(RuleBooks books) {
        return books.all().stream().map(RuleBook::jurisdiction).collect(Collectors.toSet());
    }

    private static ZoneId zoneOf(RuleBooks books) {
        return books.all().isEmpty() ? ZoneId.of("UTC") : books.all().get(0).timezone();
    }

    private static Javalin web(Civitas civitas, SourceRegistry sources, SessionService sessionService,
            LoginThrottle throttle, SourceAuthenticator signatures, ZoneId zone) {
        ObjectMapper json = Json.mapper();
        SessionApi sessionApi = new SessionApi(sessionService, throttle, json);
        RulesApi rulesApi = new RulesApi(civitas::ruleBooks);
        Insights insights = new Insights(civitas.vault());
        Templates templates = new Templates();
        Pages pages = new Pages(templates, civitas.scores(), civitas.vault(), civitas.accessLog(), civitas.officials(),
                insights, rulesApi, sessionApi, json, civitas.clock(), zone);
        EventsApi eventsApi = new EventsApi(signatures, new Intake(civitas.ledger().appender(), civitas.seal()),
                civitas.projectors(), jurisdictionsOf(civitas.ruleBooks()), civitas.clock());
        MeApi meApi = new MeApi(civitas.scores(), civitas.vault(), civitas.accessLog(), civitas.feeds(), insights,
                civitas.clock(), json);
        Sharing sharing = civitas.sharing();
        return HttpApp.create(json, new Authentication(sessionService)::check, pages::error, routes -> {
            eventsApi.register(routes);
            sessionApi.register(routes);
            meApi.register(routes);
            new GrantsApi(sharing, json, civitas.clock()).register(routes);
            new SharingPages(sharing, civitas.constitution(), civitas.scores(), civitas.vault(), templates,
                    civitas.clock(), zone).register(routes);
            new PeopleApi(sharing, civitas.scores(), civitas.vault(), civitas.clock()).register(routes);
            new SourcesApi(sources, civitas::ruleBooks, civitas.constitution(), civitas.officials(), json)
                    .register(routes);
            new AccountsApi(new AccountDesk(civitas.accounts(), civitas.officials(), civitas.passwords()::hash,
                    civitas.clock()), json).register(routes);
            new StatsApi(new PublicStatistics(civitas.scores(), civitas.support(), civitas.disputes(),
                    civitas.clock()), templates).register(routes);
            new SupportApi(civitas.supportDesk(), civitas.cases(), civitas.vault(), json).register(routes);
            new DisputesApi(civitas.disputes(), signatures, json).register(routes);
            new DisputeFilesApi(civitas.disputeFiles()).register(routes);
            new DisputePages(civitas.disputes(), civitas.disputeFiles(), templates, json).register(routes);
            new OfficialsApi(civitas.officials(), templates).register(routes);
            new LogApi(civitas.logs(), civitas.vault(), json).register(routes);
            new AttestationsApi(civitas.praise(), templates, json).register(routes);
            new RewardsApi(civitas.rewards(), signatures, templates, json).register(routes);
            new ProposalsApi(civitas.assembly(), civitas.impacts(), json).register(routes);
            new ComparePages(civitas.comparison(), templates).register(routes);
            new ProposalPages(civitas.assembly(), civitas.impacts(), templates, json, pages.chartScripts(),
                    pages.plainScripts()).register(routes);
            new SupportPages(civitas.supportDesk(), civitas.cases(), sharing, civitas.vault(), templates)
                    .register(routes);
            new ErasureApi(civitas.seal().keys(), civitas.constitution(), templates, json, civitas.clock())
                    .register(routes);
            rulesApi.register(routes);
            pages.register(routes);
            new Health(civitas.database(), civitas.projectors(), civitas.scores(), civitas.feeds(), civitas.clock())
                    .register(routes);
            new Metrics(civitas.metrics()).register(routes);
            new OpenApiDocument().register(routes);
        });
    }

    private static ScheduledExecutorService chores(Civitas civitas, SessionService sessions, LoginThrottle throttle,
            SourceAuthenticator signatures) {
        ScheduledExecutorService chores = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chores");
            thread.setDaemon(true);
            return thread;
        });
        chores.scheduleWithFixedDelay(logged(civitas.feeds()::heartbeat), 15, 15, TimeUnit.SECONDS);
        chores.scheduleWithFixedDelay(logged(civitas.supportDesk()::offerHelp), 0, 5, TimeUnit.MINUTES);
        chores.scheduleWithFixedDelay(logged(civitas.assembly()::settle), 1, 1, TimeUnit.MINUTES);
        chores.scheduleWithFixedDelay(logged(civitas.disputes()::settle), 1, 1, TimeUnit.MINUTES);
        chores.scheduleWithFixedDelay(logged(civitas.logs()::signCheckpoints), 0, 1, TimeUnit.MINUTES);
        chores.scheduleWithFixedDelay(logged(() -> {
            sessions.endIdleSessions();
            throttle.forgetOld();
            signatures.forgetOldSignatures();
        }), 1, 1, TimeUnit.MINUTES);
        return chores;
    }

    /** A chore that logs its failure rather than stop being scheduled. */
    private static Runnable logged(Runnable chore) {
        return () -> {
            try {
                chore.run();
            } catch (RuntimeException e) {
                LOG.warn("a periodic chore failed; it runs again at its next turn", e);
            }
        };
    }

    public int port() {
        return app.port();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    public Civitas civitas() {
        return civitas;
    }

    /** Every HTTP route this server answers, with the access each declares. */
    public List<DeclaredRoute> routes() {
        return DeclaredRoute.of(app);
    }

    /** The registered sources, to register more (the demo does). */
    public SourceRegistry sources() {
        return sources;
    }

    @Override
    public void close() {
        app.stop();
        chores.shutdownNow();
        civitas.projectors().close();
        civitas.ledger().close();
        civitas.legislation().close();
        civitas.officials().close();
        civitas.database().close();
    }
}
