-- Files a person attaches to their dispute as evidence, numbered from 1 within it, with the content's SHA-256.
CREATE TABLE dispute_files (
    dispute    VARCHAR(64)  NOT NULL REFERENCES disputes (id),
    number     INTEGER      NOT NULL,
    name       VARCHAR(100) NOT NULL,
    media_type VARCHAR(64)  NOT NULL,
    size       INTEGER      NOT NULL,
    sha256     VARCHAR(64)  NOT NULL,
    content    BYTEA        NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (dispute, number)
);
