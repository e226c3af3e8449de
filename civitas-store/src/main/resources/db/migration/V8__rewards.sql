-- Claim tokens spent, by their nonce: each is good once. Nothing here names the person who claimed.
CREATE TABLE reward_redemptions (
    nonce         VARCHAR(64)   PRIMARY KEY,
    jurisdiction  VARCHAR(256)  NOT NULL,
    reward        VARCHAR(256)  NOT NULL,
    provider      VARCHAR(256)  NOT NULL,
    redeemed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A marker of each claim, made with a key of the claimant's own: a person claims a reward once a period, and nothing
-- here tells who.
CREATE TABLE reward_claims (
    marker      VARCHAR(64)  PRIMARY KEY,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
