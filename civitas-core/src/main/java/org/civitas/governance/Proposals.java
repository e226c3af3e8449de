package org.civitas.governance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** Where proposals, their debate and their votes are kept. */
public interface Proposals {

    /** Keeps a new proposal. */
    void create(Proposal proposal);

    Optional<Proposal> find(String id);

    /** The proposals in any of {@code jurisdictions} (all, if empty) in {@code state} (any, if empty), newest first. */
    List<Proposal> list(Collection<String> jurisdictions, Optional<ProposalState> state);

    /** The proposals in {@code state} whose debate or vote ended at or before {@code at}. */
    List<Proposal> due(ProposalState state, Instant at);

    /** Records {@code person}'s support; says whether it is new (a second support by the same person is not). */
    boolean support(String proposal, String person, Instant at);

    /** Whether {@code person} supports the proposal. */
    boolean supports(String proposal, String person);

    void comment(Comment comment);

    /** The comments on a proposal, oldest first. */
    List<Comment> comments(String proposal);

    /** Moves a proposal from {@code from} to {@code to}; says whether it was in {@code from}. */
    boolean move(String proposal, ProposalState from, ProposalState to, Instant at);

    /**
     * Opens the vote of an open proposal, with the people who may vote; says whether the proposal was still open (of
     * two openings at once, one wins).
     */
    boolean openVoting(String proposal, Voting voting, SortedSet<String> eligible);

    boolean eligible(String proposal, String person);

    /** The sealed tracker of {@code person}'s ballot, if they voted. */
    Optional<String> sealedTracker(String proposal, String person);

    /** A voter's earlier ballot, which a new one replaces: its tracker, sealed as kept and open. */
    record Replaced(String sealedTracker, String tracker) {
    }

    /**
     * Casts {@code person}'s ballot, replacing {@code replaced} if they voted before: the voter and the ballot are
     * written together, or neither. Says whether the voter's earlier ballot was still the one expected; if another
     * was cast meanwhile, nothing is written.
     */
    boolean cast(String proposal, String person, String sealedTracker, Ballot ballot, Optional<Replaced> replaced);

    /** The ballots cast, by tracker. */
    List<Ballot> ballots(String proposal);

    /**
     * Closes the vote of a proposal in voting with its tally, moving it to {@code result}; says whether it was still
     * in voting.
     */
    boolean close(String proposal, Tally tally, ProposalState result, Instant at);
}
