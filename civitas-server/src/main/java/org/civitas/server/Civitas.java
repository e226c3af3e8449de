package org.civitas.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.civitas.access.AccessLog;
import org.civitas.account.Accounts;
import org.civitas.account.Sessions;
import org.civitas.attestation.PeerPraise;
import org.civitas.constitution.Constitution;
import org.civitas.dispute.DisputeDesk;
import org.civitas.dispute.DisputeFiles;
import org.civitas.governance.Assembly;
import org.civitas.governance.Comparison;
import org.civitas.governance.ImpactReports;
import org.civitas.governance.Legislation;
import org.civitas.officials.OfficialRecord;
import org.civitas.privacy.PersonalDataSeal;
import org.civitas.projection.Projectors;
import org.civitas.reward.RewardDesk;
import org.civitas.rules.RuleBooks;
import org.civitas.scoring.ScoreBoard;
import org.civitas.server.auth.PasswordHasher;
import org.civitas.server.live.LiveFeeds;
import org.civitas.sharing.Sharing;
import org.civitas.source.Sources;
import org.civitas.store.Database;
import org.civitas.store.sources.ReplayGuard;
import org.civitas.store.support.SupportStore;
import org.civitas.store.vault.VaultStore;
import org.civitas.support.SupportCases;
import org.civitas.support.SupportDesk;
import org.civitas.transparency.LedgerLogs;

/**
 * Everything a running server works with, wired once at start: the ledger, the relational stores, the rule books and
 * live scores, the projectors that keep them up to date, the transparency logs, and the live feeds. Plain fields, no
 * container.
 */
public record Civitas(
        Clock clock,
        ServerLedger ledger,
        Database database,
        Accounts accounts,
        Sessions sessions,
        Sources sources,
        ReplayGuard replays,
        VaultStore vault,
        AccessLog accessLog,
        Sharing sharing,
        SupportStore support,
        SupportDesk supportDesk,
        SupportCases cases,
        Assembly assembly,
        ImpactReports impacts,
        Comparison comparison,
        DisputeDesk disputes,
        DisputeFiles disputeFiles,
        OfficialRecord officials,
        LedgerLogs logs,
        PeerPraise praise,
        RewardDesk rewards,
        PersonalDataSeal seal,
        Constitution constitution,
        Legislation legislation,
        ScoreBoard scores,
        Projectors projectors,
        LiveFeeds feeds,
        PasswordHasher passwords,
        PrometheusMeterRegistry metrics) {

    /** The rule books in force now. */
    public RuleBooks ruleBooks() {
        return legislation.inForce();
    }
}
