-- Where people live now also names the jurisdiction whose residents they are among: who may propose, support and
-- vote there. Residences recorded before name none until the vault is projected again.
ALTER TABLE residences ADD COLUMN jurisdiction VARCHAR(256) NOT NULL DEFAULT '';
CREATE INDEX residences_by_jurisdiction ON residences (jurisdiction, person);

-- Proposals to change a jurisdiction's rule book, and their debate. A rule to add or change is kept as the text its
-- author sent.
CREATE TABLE proposals (
    id               VARCHAR(64)   PRIMARY KEY,
    jurisdiction     VARCHAR(256)  NOT NULL,
    author           VARCHAR(256)  NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    rationale        VARCHAR(10000) NOT NULL,
    change_kind      VARCHAR(10)   NOT NULL,
    rule_id          VARCHAR(256)  NOT NULL,
    rule_text        VARCHAR(20000),
    amnesty          BOOLEAN       NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    debate_ends_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    supports_needed  BIGINT        NOT NULL,
    voting_opened_at TIMESTAMP WITH TIME ZONE,
    voting_closes_at TIMESTAMP WITH TIME ZONE,
    eligible         BIGINT,
    eligible_hash    VARCHAR(64),
    book_hash        VARCHAR(64),
    yes_votes        BIGINT,
    no_votes         BIGINT,
    abstentions      BIGINT,
    quorum_met       BOOLEAN,
    closed_at        TIMESTAMP WITH TIME ZONE
);

CREATE INDEX proposals_by_jurisdiction ON proposals (jurisdiction, submitted_at);
CREATE INDEX proposals_by_state ON proposals (state, debate_ends_at);

-- The example events a proposal gives, with the points each must earn under the book it proposes.
CREATE TABLE proposal_scenarios (
    proposal VARCHAR(64)   NOT NULL REFERENCES proposals (id),
    position INT           NOT NULL,
    event    VARCHAR(70000) NOT NULL,
    points   BIGINT        NOT NULL,
    PRIMARY KEY (proposal, position)
);

-- A support is a signature: once per resident, never withdrawn.
CREATE TABLE proposal_supports (
    proposal     VARCHAR(64)  NOT NULL REFERENCES proposals (id),
    person       VARCHAR(256) NOT NULL,
    supported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (proposal, person)
);

CREATE TABLE proposal_comments (
    id         VARCHAR(64)   PRIMARY KEY,
    proposal   VARCHAR(64)   NOT NULL REFERENCES proposals (id),
    author     VARCHAR(100)  NOT NULL,
    body       VARCHAR(5000) NOT NULL,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX proposal_comments_by_proposal ON proposal_comments (proposal, written_at);

-- Who may vote on a proposal, fixed when its vote opens.
CREATE TABLE proposal_eligible (
    proposal VARCHAR(64)  NOT NULL REFERENCES proposals (id),
    person   VARCHAR(256) NOT NULL,
    PRIMARY KEY (proposal, person)
);

-- Who has voted, with their ballot's tracker sealed under a key of their own: only they can read it, and erasing
-- their keys erases the link. Nothing else joins a person to a ballot.
CREATE TABLE proposal_voters (
    proposal       VARCHAR(64)  NOT NULL REFERENCES proposals (id),
    person         VARCHAR(256) NOT NULL,
    sealed_tracker VARCHAR(200) NOT NULL,
    PRIMARY KEY (proposal, person)
);

-- The ballots, by tracker: the board published when the vote closes.
CREATE TABLE proposal_ballots (
    proposal VARCHAR(64) NOT NULL REFERENCES proposals (id),
    tracker  VARCHAR(64) NOT NULL,
    choice   VARCHAR(10) NOT NULL,
    PRIMARY KEY (proposal, tracker)
);
