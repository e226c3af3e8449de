-- What case workers record in a case: the steps taken and the outcome, by badge number.
CREATE TABLE support_notes (
    offer  VARCHAR(64)   NOT NULL REFERENCES support_offers (id),
    at     TIMESTAMP WITH TIME ZONE NOT NULL,
    badge  VARCHAR(32)   NOT NULL,
    kind   VARCHAR(16)   NOT NULL,
    text   VARCHAR(2000) NOT NULL
);

CREATE INDEX support_notes_by_offer ON support_notes (offer, at);
