-- Attestations of good deeds, waiting for their person or confirmed; a declined one is deleted.
CREATE TABLE attestations (
    id            VARCHAR(64)   PRIMARY KEY,
    giver         VARCHAR(256)  NOT NULL,
    person        VARCHAR(256)  NOT NULL,
    jurisdiction  VARCHAR(256)  NOT NULL,
    kind          VARCHAR(256)  NOT NULL,
    note          VARCHAR(500)  NOT NULL,
    given_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at  TIMESTAMP WITH TIME ZONE,
    counted       BOOLEAN       NOT NULL
);

CREATE INDEX attestations_by_giver ON attestations (giver, given_at);
CREATE INDEX attestations_by_person ON attestations (person, given_at);
