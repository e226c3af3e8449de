package org.civitas.governance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civitas.ConflictException;
import org.civitas.InvalidInputException;
import org.civitas.NotFoundException;
import org.civitas.NotPermittedException;
import org.civitas.Tokens;
import org.civitas.officials.Act;
import org.civitas.officials.OfficialRecord;
import org.civitas.residence.Residence;
import org.civitas.residence.Residents;
import org.civitas.rules.Charter;
import org.civitas.rules.RuleBook;
import org.civitas.rules.RuleBookText;
import org.civitas.rules.RuleBooks;

/**
 * Where residents change their rule books: they propose, debate, support and vote, each step checked against the
 * charter of the proposal's jurisdiction. Who may take part is who lives there or below it, by the registries'
 * records; who may vote is fixed when the vote opens; what a vote carries, {@link Legislation} adopts. Deadlines are
 * kept lazily (each step first settles what is due) and by {@link #settle()}, which a server runs now and then.
 */
public final class Assembly {

    /** The longest comment, in characters. */
    public static final int MAX_COMMENT = 5_000;
    /** What the id of a proposal looks like: a UUID, as {@link #propose} makes it. */
    private static final Pattern PROPOSAL_ID = Pattern.compile("[0-9a-f-]{36}");

    private final Proposals proposals;
    private final Residents residents;
    private final Legislation legislation;
    private final ProposalCheck check;
    private final TrackerSeal trackers;
    private final OfficialRecord record;
    private final Clock clock;

    public Assembly(Proposals proposals, Residents residents, Legislation legislation, ProposalCheck check,
            TrackerSeal trackers, OfficialRecord record, Clock clock) {
        this.proposals = proposals;
        this.record = record;
        this.residents = residents;
        this.legislation = legislation;
        this.check = check;
        this.trackers = trackers;
        this.clock = clock;
    }

    /** Checks {@code draft} by {@code person} and opens it at once; refused with every problem if it has any. */
    public Proposal propose(String person, ProposalDraft draft) {
        Instant now = clock.instant();
        RuleBooks current = legislation.inForce();
        if (current.forJurisdiction(draft.jurisdiction()).isPresent()) {
            requireResident(person, draft.jurisdiction(), "propose a change to its rules");
        }
        check.check(draft, current, now).orRefuse();
        Charter charter = current.forJurisdiction(draft.jurisdiction()).orElseThrow().charter();
        long residentCount = residents.livingIn(current.atOrBelow(draft.jurisdiction())).size();
        Proposal proposal = new Proposal(UUID.randomUUID().toString(), person, draft, ProposalState.OPEN, now,
                now.plus(charter.debate()), charter.supportThreshold().required(residentCount), 0, Optional.empty(),
                Optional.empty());
        proposals.create(proposal);
        return proposal;
    }

    /** What checking {@code draft} finds now, without proposing it: for a form that checks as its author writes. */
    public List<ProposalProblem> check(ProposalDraft draft) {
        return check.check(draft, legislation.inForce(), clock.instant()).problems();
    }

    /** The jurisdictions whose books residents may change. */
    public List<String> jurisdictions() {
        return legislation.inForce().all().stream().map(RuleBook::jurisdiction).toList();
    }

    public Proposal get(String id) {
        Proposal proposal = find(id);
        if (!due(proposal, clock.instant())) {
            return proposal;
        }
        settle(proposal);
        return find(id);
    }

    /** Whether a proposal's debate or vote has ended and it has yet to be settled. */
    private static boolean due(Proposal proposal, Instant now) {
        return proposal.state() == ProposalState.OPEN && !now.isBefore(proposal.debateEndsAt())
                || proposal.state() == ProposalState.VOTING && proposal.voting()
                        .filter(voting -> !now.isBefore(voting.closesAt())).isPresent();
    }

    /** The proposals of {@code jurisdiction} (every one, if empty) in {@code state} (any, if empty), newest first. */
    public List<Proposal> list(Optional<String> jurisdiction, Optional<ProposalState> state) {
        RuleBooks current = legislation.inForce();
        if (jurisdiction.isPresent() && current.forJurisdiction(jurisdiction.get()).isEmpty()) {
            throw new InvalidInputException("jurisdiction", "no rule book for '" + jurisdiction.get()
                    + "'; there are " + String.join(", ", current.all().stream().map(RuleBook::jurisdiction)
                            .toList()));
        }
        settle();
        return proposals.list(jurisdiction.map(Set::of).orElse(Set.of()), state);
    }

    /** Adds {@code person}'s support, once; reaching the threshold opens the vote at once. */
    public Proposal support(String person, String id) {
        Proposal proposal = get(id);
        if (proposal.state() != ProposalState.OPEN) {
            throw new ConflictException("a proposal that is " + proposal.state().id() + " takes no supports; only"
                    + " an open one does");
        }
        requireResident(person, proposal.jurisdiction(), "support proposals there");
        if (!proposals.support(id, person, clock.instant())) {
            throw new ConflictException("you already support this proposal; a support, like a signature, is given"
                    + " once and not withdrawn");
        }
        Proposal supported = find(id);
        if (supported.supports() >= supported.supportsNeeded()) {
            openVoting(supported);
        }
        return find(id);
    }

    public boolean supports(String person, String id) {
        return proposals.supports(id, person);
    }

    /** Adds a resident's comment, kept and shown as the plain text it is. */
    public Comment comment(String person, String username, String id, String body) {
        Proposal proposal = get(id);
        if (proposal.state().isFinal()) {
            throw new ConflictException("the debate of a proposal that is " + proposal.state().id() + " is closed");
        }
        requireResident(person, proposal.jurisdiction(), "take part in its debates");
        if (body.isBlank()) {
            throw new InvalidInputException("body", "missing (required): the comment's text");
        }
        if (body.length() > MAX_COMMENT) {
            throw new InvalidInputException("body", "at most " + MAX_COMMENT + " characters, not " + body.length());
        }
        Comment comment = new Comment(UUID.randomUUID().toString(), id, username, body, clock.instant());
        proposals.comment(comment);
        return comment;
    }

    public List<Comment> comments(String id) {
        find(id);
        return proposals.comments(id);
    }

    /** Withdraws a proposal, which only its author may do, and only before its vote. */
    public Proposal withdraw(String person, String id) {
        Proposal proposal = get(id);
        if (!proposal.author().equals(person)) {
            throw new NotPermittedException("only the author of a proposal may withdraw it");
        }
        proposal.state().moveTo(ProposalState.WITHDRAWN);
        if (!proposals.move(id, proposal.state(), ProposalState.WITHDRAWN, clock.instant())) {
            throw new ConflictException("the proposal changed state meanwhile; it is now " + find(id).state().id());
        }
        return find(id);
    }

    /**
     * Casts {@code person}'s ballot, or replaces the one they cast before: the last counts. Returns the new ballot's
     * tracker, which only the voter learns.
     */
    public String vote(String person, String id, Choice choice) {
        Proposal proposal = get(id);
        if (proposal.state() != ProposalState.VOTING) {
            throw new ConflictException("a proposal that is " + proposal.state().id() + " takes no votes"
                    + proposal.voting().map(voting -> "; its vote closed at " + voting.closesAt()).orElse(""));
        }
        if (!proposals.eligible(id, person)) {
            throw new NotPermittedException("you were not a resident of " + proposal.jurisdiction()
                    + " or a jurisdiction below it when this vote opened, so you may not vote on it");
        }
        Optional<Proposals.Replaced> replaced = proposals.sealedTracker(id, person).map(sealed ->
                new Proposals.Replaced(sealed, trackers.open(id, person, sealed).orElseThrow(() ->
                        new ConflictException("your earlier ballot can no longer be told from the others (the key"
                                + " that sealed its tracker is erased), so it stands as cast"))));
        String tracker = Tokens.randomHex(16);
        if (!proposals.cast(id, person, trackers.seal(id, person, tracker), new Ballot(tracker, choice), replaced)) {
            throw new ConflictException("another ballot of yours was cast at the same moment; look at your ballot"
                    + " and vote again if it is not the one you meant");
        }
        return tracker;
    }

    /** {@code person}'s own ballot on a proposal, if they voted. */
    public Optional<MyBallot> myBallot(String person, String id) {
        find(id);
        return proposals.sealedTracker(id, person).flatMap(sealed -> trackers.open(id, person, sealed))
                .flatMap(tracker -> proposals.ballots(id).stream().filter(ballot -> ballot.tracker().equals(tracker))
                        .findFirst().map(ballot -> new MyBallot(tracker, ballot.choice())));
    }

    /** The board of a closed vote; refused while the vote is still open, so that no one counts as it goes. */
    public Board board(String id) {
        Proposal proposal = get(id);
        if (proposal.tally().isEmpty()) {
            throw new ConflictException("the ballots are published when the vote closes"
                    + proposal.voting().map(voting -> ", at " + voting.closesAt()).orElse("; this proposal has had"
                            + " no vote"));
        }
        return new Board(proposals.ballots(id), proposal.tally().get());
    }

    /** Expires open proposals whose debate ended, and closes votes whose time is up; returns how many. */
    public int settle() {
        Instant now = clock.instant();
        int settled = 0;
        for (Proposal proposal : proposals.due(ProposalState.OPEN, now)) {
            settled += settle(proposal) ? 1 : 0;
        }
        for (Proposal proposal : proposals.due(ProposalState.VOTING, now)) {
            settled += settle(proposal) ? 1 : 0;
        }
        return settled;
    }

    /**
     * Expires a proposal whose debate ended, or closes a vote whose time is up, adopting what it carried; one at a
     * time, so that nothing is adopted twice.
     */
    private synchronized boolean settle(Proposal proposal) {
        Instant now = clock.instant();
        if (proposal.state() == ProposalState.OPEN && !now.isBefore(proposal.debateEndsAt())) {
            return proposals.move(proposal.id(), ProposalState.OPEN, ProposalState.EXPIRED, proposal.debateEndsAt());
        }
        Optional<Voting> voting = proposal.voting();
        if (proposal.state() == ProposalState.VOTING && voting.isPresent()
                && !now.isBefore(voting.get().closesAt())) {
            Charter charter = legislation.inForce().forJurisdiction(proposal.jurisdiction()).orElseThrow().charter();
            Tally tally = Tally.of(proposals.ballots(proposal.id()), voting.get().eligible(), charter);
            Proposal current = find(proposal.id());
            if (current.state() != ProposalState.VOTING) {
                return false;
            }
            ProposalState result = tally.carried() ? adopt(current, voting.get().closesAt()) : ProposalState.REJECTED;
            boolean closed = proposals.close(proposal.id(), tally, result, voting.get().closesAt());
            if (closed) {
                record.recordByCharter(proposal.jurisdiction(), Act.VOTE_CLOSED, "closed the vote on \""
                        + proposal.draft().title() + "\" at its deadline: " + result.id());
            }
            return closed;
        }
        return false;
    }

    /**
     * Adopts what a vote carried; if the books have changed since so that the change no longer applies (another
     * proposal added the rule it adds, say), the proposal lapses and the books stay as they are.
     */
    private ProposalState adopt(Proposal proposal, Instant closedAt) {
        try {
            legislation.adopt(proposal, closedAt);
            return ProposalState.ADOPTED;
        } catch (ProposalRefusedException e) {
            return ProposalState.LAPSED;
        }
    }

    private void openVoting(Proposal proposal) {
        Instant now = clock.instant();
        RuleBooks current = legislation.inForce();
        RuleBook book = check.check(proposal.draft(), current, now).orRefuse().book();
        SortedSet<String> eligible = residents.livingIn(current.atOrBelow(proposal.jurisdiction()));
        Voting voting = new Voting(now, now.plus(book.charter().voting()), eligible.size(),
                Tokens.sha256(String.join("\n", eligible)), Tokens.sha256(RuleBookText.of(book)));
        proposals.openVoting(proposal.id(), voting, eligible);
        record.recordByCharter(proposal.jurisdiction(), Act.VOTE_OPENED, "opened the vote on \""
                + proposal.draft().title() + "\", its support reached, for " + eligible.size() + " residents until "
                + voting.closesAt());
    }

    private void requireResident(String person, String jurisdiction, String toDo) {
        Optional<Residence> residence = residents.residenceOf(person);
        if (residence.isEmpty()
                || !legislation.inForce().atOrBelow(jurisdiction).contains(residence.get().jurisdiction())) {
            throw new NotPermittedException("only residents of " + jurisdiction + " (or of a jurisdiction below it)"
                    + " may " + toDo + (residence.map(home -> "; the registry has you living in "
                            + home.jurisdiction()).orElse("; no registry has recorded where you live")));
        }
    }

    private Proposal find(String id) {
        if (!PROPOSAL_ID.matcher(id).matches()) {
            throw new NotFoundException("no proposal with id '" + id + "'");
        }
        return proposals.find(id).orElseThrow(() -> new NotFoundException("no proposal with id '" + id + "'"));
    }
}
