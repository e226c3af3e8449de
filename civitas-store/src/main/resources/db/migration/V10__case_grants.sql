-- A grant's party is an account, or a support case its person accepted ('case:' and the case's id), which no account
-- names: the party is no longer tied to the accounts table. Otherwise the grants are as before.
CREATE TABLE grants_to_parties (
    id         VARCHAR(64)   PRIMARY KEY,
    person     VARCHAR(256)  NOT NULL,
    party      VARCHAR(100)  NOT NULL,
    categories VARCHAR(2000) NOT NULL,
    score      BOOLEAN       NOT NULL,
    purpose    VARCHAR(64)   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);

INSERT INTO grants_to_parties (id, person, party, categories, score, purpose, created_at, expires_at, revoked_at)
    SELECT id, person, party, categories, score, purpose, created_at, expires_at, revoked_at FROM grants;
DROP TABLE grants;
ALTER TABLE grants_to_parties RENAME TO grants;

CREATE INDEX grants_by_person ON grants (person, created_at);
CREATE INDEX grants_by_party ON grants (party, person);
