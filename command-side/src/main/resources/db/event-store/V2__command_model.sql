-- The command side's own lookups, which it needs to check rules that span aggregates. Kept by a subscribing
-- processor in the same transaction as the events; rebuilt from the log like any view. Not a read model: the
-- query side never reads it.

CREATE TABLE command_model.unit (
    unit_id             UUID         PRIMARY KEY,
    name                VARCHAR(300) NOT NULL,
    kind                VARCHAR(20)  NOT NULL,
    parent_unit_id      UUID,
    merged_into_unit_id UUID,
    merged_on           DATE
);

CREATE TABLE command_model.member (
    member_id   UUID         PRIMARY KEY,
    full_name   VARCHAR(300) NOT NULL,
    admitted_on DATE         NOT NULL
);

-- a member belongs to unit_id from valid_from (inclusive) to valid_to (exclusive; NULL while current)
CREATE TABLE command_model.membership (
    member_id  UUID NOT NULL,
    unit_id    UUID NOT NULL,
    valid_from DATE NOT NULL,
    valid_to   DATE,
    PRIMARY KEY (member_id, valid_from)
);
CREATE INDEX membership_unit ON command_model.membership (unit_id, valid_from);

-- exempt from valid_from to valid_to, both inclusive
CREATE TABLE command_model.exemption (
    member_id  UUID NOT NULL,
    valid_from DATE NOT NULL,
    valid_to   DATE NOT NULL,
    PRIMARY KEY (member_id, valid_from)
);

CREATE TABLE command_model.app_user (
    username      VARCHAR(100) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    unit_ids      UUID[]       NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(100) NOT NULL
);

-- the first answer to each Idempotency-Key of a user, stored in the transaction that wrote the command's events
CREATE TABLE command_model.idempotency_key (
    username       VARCHAR(100)  NOT NULL,
    key            VARCHAR(200)  NOT NULL,
    request_hash   CHAR(64)      NOT NULL,
    status         INTEGER       NOT NULL,
    content_type   VARCHAR(100),
    etag           VARCHAR(40),
    location       VARCHAR(300),
    body           BYTEA         NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (username, key)
);
