-- Where each person lives, by district, as a registry last recorded it: for statistics by district, never to find
-- anyone.
CREATE TABLE residences (
    person   VARCHAR(256) PRIMARY KEY,
    district VARCHAR(100) NOT NULL
);

-- Offers of help made to people whose score fell, and what they answered. An accepted offer is a case for the case
-- workers; an open or declined one is seen by the person alone.
CREATE TABLE support_offers (
    id          VARCHAR(64)  PRIMARY KEY,
    person      VARCHAR(256) NOT NULL,
    kind        VARCHAR(64)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX support_offers_by_person ON support_offers (person, opened_at);
CREATE INDEX support_offers_by_status ON support_offers (status, answered_at);
