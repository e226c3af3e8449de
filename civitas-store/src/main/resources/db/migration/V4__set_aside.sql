-- Ledger entries the vault's projection could not take in (they cannot be read as events, or the vault cannot hold
-- them), kept with their place and the reason, so that the projection goes on past them instead of stopping there.
-- Written in the transaction that moves the vault's position past them, so none is lost and none recorded twice.
-- 'civitas repair' projects them again; one that still cannot be read stays here as unreadable, and its person's
-- vault shows it as an entry that could not be read.
CREATE TABLE set_aside_entries (
    sequence     BIGINT        PRIMARY KEY,
    person       VARCHAR(256),
    reason       VARCHAR(1000) NOT NULL,
    state        VARCHAR(20)   NOT NULL,
    set_aside_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX set_aside_entries_by_state ON set_aside_entries (state, sequence);
