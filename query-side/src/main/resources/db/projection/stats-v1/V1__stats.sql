-- stats-v1: the facts the statistics are computed from, in one generation schema (stats_v1_gN).
-- Every row is a version: valid from the event-log position that wrote it (valid_from) until the position that
-- replaced it (valid_to, NULL while current). "As of position n" is valid_from <= n AND (valid_to IS NULL OR
-- valid_to > n), so every statistic can be answered as it stood at any earlier position.

CREATE TABLE session (
    session_id   UUID       NOT NULL,
    scheduled_on DATE       NOT NULL,
    quarter      VARCHAR(7) NOT NULL,
    held         BOOLEAN    NOT NULL,
    cancelled    BOOLEAN    NOT NULL,
    valid_from   BIGINT     NOT NULL,
    valid_to     BIGINT,
    PRIMARY KEY (session_id, valid_from)
);
CREATE INDEX session_quarter ON session (quarter);

CREATE TABLE session_unit (
    session_id UUID   NOT NULL,
    unit_id    UUID   NOT NULL,
    valid_from BIGINT NOT NULL,
    valid_to   BIGINT,
    PRIMARY KEY (session_id, unit_id, valid_from)
);
CREATE INDEX session_unit_unit ON session_unit (unit_id);

CREATE TABLE attendance (
    session_id UUID        NOT NULL,
    member_id  UUID        NOT NULL,
    status     VARCHAR(20) NOT NULL,
    mode       VARCHAR(20),
    valid_from BIGINT      NOT NULL,
    valid_to   BIGINT,
    PRIMARY KEY (session_id, member_id, valid_from)
);

CREATE TABLE guest (
    session_id  UUID        NOT NULL,
    category    VARCHAR(30) NOT NULL,
    attendances INTEGER     NOT NULL CHECK (attendances >= 0),
    valid_from  BIGINT      NOT NULL,
    valid_to    BIGINT,
    PRIMARY KEY (session_id, category, valid_from)
);

CREATE TABLE performance (
    performance_id    UUID       NOT NULL,
    session_id        UUID       NOT NULL,
    title             TEXT       NOT NULL,
    genre             TEXT       NOT NULL,
    performer_unit_id UUID       NOT NULL,
    venue             TEXT       NOT NULL,
    performed_on      DATE       NOT NULL,
    quarter           VARCHAR(7) NOT NULL,
    audience          INTEGER    NOT NULL CHECK (audience >= 0),
    valid_from        BIGINT     NOT NULL,
    valid_to          BIGINT,
    PRIMARY KEY (performance_id, valid_from)
);
CREATE INDEX performance_quarter ON performance (quarter);

-- the roster as the statistics need it: names for the units, and who was expected at a session on its date
CREATE TABLE unit (
    unit_id             UUID   NOT NULL,
    name                TEXT,
    kind                VARCHAR(20),
    parent_unit_id      UUID,
    merged_into_unit_id UUID,
    merged_on           DATE,
    valid_from          BIGINT NOT NULL,
    valid_to            BIGINT,
    PRIMARY KEY (unit_id, valid_from)
);

CREATE TABLE member (
    member_id   UUID   NOT NULL,
    full_name   TEXT   NOT NULL,
    admitted_on DATE   NOT NULL,
    valid_from  BIGINT NOT NULL,
    valid_to    BIGINT,
    PRIMARY KEY (member_id, valid_from)
);

-- a member belongs to unit_id from from_date (inclusive) until to_date (exclusive; NULL while current)
CREATE TABLE membership (
    member_id  UUID   NOT NULL,
    from_date  DATE   NOT NULL,
    unit_id    UUID   NOT NULL,
    to_date    DATE,
    valid_from BIGINT NOT NULL,
    valid_to   BIGINT,
    PRIMARY KEY (member_id, from_date, valid_from)
);
CREATE INDEX membership_unit ON membership (unit_id);

-- exempt from activities from from_date to to_date, both inclusive
CREATE TABLE exemption (
    member_id  UUID   NOT NULL,
    from_date  DATE   NOT NULL,
    to_date    DATE   NOT NULL,
    valid_from BIGINT NOT NULL,
    valid_to   BIGINT,
    PRIMARY KEY (member_id, from_date, valid_from)
);
