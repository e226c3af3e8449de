-- Each proposal's published impact, worked out once from the year of history before it was submitted and kept: it
-- stays what it was when the books change, and a server need not replay it again after a restart.
CREATE TABLE proposal_impacts (
    proposal         VARCHAR(64) PRIMARY KEY REFERENCES proposals (id),
    window_from      TIMESTAMP WITH TIME ZONE NOT NULL,
    window_to        TIMESTAMP WITH TIME ZONE NOT NULL,
    people           BIGINT           NOT NULL,
    affected         BIGINT           NOT NULL,
    mean_change      DOUBLE PRECISION NOT NULL,
    median_change    DOUBLE PRECISION NOT NULL,
    cross_below_1000 BIGINT           NOT NULL,
    cross_above_1000 BIGINT           NOT NULL,
    matched_events   BIGINT           NOT NULL
);

-- Its breakdowns, in order: the bands of change, the histograms before and after. A cell about too few people to
-- publish has no count.
CREATE TABLE proposal_impact_cells (
    proposal   VARCHAR(64) NOT NULL REFERENCES proposal_impacts (proposal),
    breakdown  VARCHAR(10) NOT NULL,
    position   INTEGER     NOT NULL,
    lower_edge DOUBLE PRECISION,
    upper_edge DOUBLE PRECISION,
    people     BIGINT,
    PRIMARY KEY (proposal, breakdown, position)
);

CREATE TABLE proposal_impact_districts (
    proposal    VARCHAR(64)  NOT NULL REFERENCES proposal_impacts (proposal),
    district    VARCHAR(256) NOT NULL,
    people      BIGINT,
    mean_change DOUBLE PRECISION,
    PRIMARY KEY (proposal, district)
);

-- What the proposal does to each person it scored, which each person sees of themselves alone.
CREATE TABLE proposal_impact_people (
    proposal     VARCHAR(64)  NOT NULL REFERENCES proposal_impacts (proposal),
    person       VARCHAR(256) NOT NULL,
    score_before DOUBLE PRECISION NOT NULL,
    score_after  DOUBLE PRECISION NOT NULL,
    change       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (proposal, person)
);
