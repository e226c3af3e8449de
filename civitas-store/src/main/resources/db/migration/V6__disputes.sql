-- A person's disputes about their own events: what they said, the source's answer, and where each stands. A person
-- disputes an event once, and again only after its source reinstated it with new evidence.
CREATE TABLE disputes (
    id                 VARCHAR(64)    PRIMARY KEY,
    person             VARCHAR(256)   NOT NULL,
    source             VARCHAR(256)   NOT NULL,
    event_id           VARCHAR(256)   NOT NULL,
    event_type         VARCHAR(256)   NOT NULL,
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    jurisdiction       VARCHAR(256)   NOT NULL,
    reason             VARCHAR(2000)  NOT NULL,
    evidence           VARCHAR(10000) NOT NULL,
    state              VARCHAR(16)    NOT NULL,
    opened_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline           TIMESTAMP WITH TIME ZONE NOT NULL,
    answer             VARCHAR(10000),
    answered_at        TIMESTAMP WITH TIME ZONE,
    resolved_at        TIMESTAMP WITH TIME ZONE,
    reinstatement      VARCHAR(10000),
    reinstated_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX disputes_by_person ON disputes (person, source, event_id, opened_at);
CREATE INDEX disputes_by_source ON disputes (source, opened_at);
CREATE INDEX disputes_by_state ON disputes (state, deadline);

-- Each reviewer's decision, once per dispute, with the corrected attributes of a correction.
CREATE TABLE dispute_decisions (
    dispute    VARCHAR(64)    NOT NULL REFERENCES disputes (id),
    reviewer   VARCHAR(256)   NOT NULL,
    badge      VARCHAR(32)    NOT NULL,
    outcome    VARCHAR(16)    NOT NULL,
    reason     VARCHAR(2000)  NOT NULL,
    corrected  VARCHAR(20000),
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dispute, reviewer)
);
