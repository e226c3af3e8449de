-- Grants: a person lets a named party see chosen categories of their data, or their score, for a stated purpose,
-- until an expiry or until they revoke it.
CREATE TABLE grants (
    id         VARCHAR(64)   PRIMARY KEY,
    person     VARCHAR(256)  NOT NULL,
    party      VARCHAR(100)  NOT NULL REFERENCES accounts (username) ON DELETE CASCADE,
    categories VARCHAR(2000) NOT NULL,
    score      BOOLEAN       NOT NULL,
    purpose    VARCHAR(64)   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX grants_by_person ON grants (person, created_at);
CREATE INDEX grants_by_party ON grants (party, person);
