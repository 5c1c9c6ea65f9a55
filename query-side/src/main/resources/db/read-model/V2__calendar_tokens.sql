-- Calendar feed tokens (see vn.ledger.query.calendar): a phone's calendar cannot sign in, so each feed URL carries a
-- random token that stands for its user. Only the token's SHA-256 is kept, never the token itself: whoever reads this
-- table cannot subscribe to anything. The token reads with the role and units its user had when it was made
-- (role without the ROLE_ prefix; unit_ids from the UNIT_<uuid> authorities, which restrict a SECRETARY). A revoked
-- token keeps its row and revoked_at, so it stays revoked; revoking it again changes nothing.
CREATE TABLE calendar_token (
    token_hash BYTEA        PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    username   VARCHAR(255) NOT NULL,
    role       VARCHAR(50)  NOT NULL,
    unit_ids   UUID[]       NOT NULL DEFAULT '{}',
    created_at TIMESTAMPTZ  NOT NULL,
    revoked_at TIMESTAMPTZ
);
