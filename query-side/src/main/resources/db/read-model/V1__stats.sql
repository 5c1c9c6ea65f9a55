-- The read model: tracking tokens of the query side's processors and the tables of the statistics views.
-- A view's tables and its processor's token are written in one transaction, so a view is updated exactly once.

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

-- stats-v1: the facts the statistics are computed from, one row per natural key.
CREATE TABLE stats_session_v1 (
    session_id   UUID       PRIMARY KEY,
    scheduled_on DATE       NOT NULL,
    quarter      VARCHAR(7) NOT NULL,
    held         BOOLEAN    NOT NULL DEFAULT FALSE,
    cancelled    BOOLEAN    NOT NULL DEFAULT FALSE
);
CREATE INDEX stats_session_v1_quarter ON stats_session_v1 (quarter);

CREATE TABLE stats_session_unit_v1 (
    session_id UUID NOT NULL,
    unit_id    UUID NOT NULL,
    PRIMARY KEY (session_id, unit_id)
);
CREATE INDEX stats_session_unit_v1_unit ON stats_session_unit_v1 (unit_id);

CREATE TABLE stats_attendance_v1 (
    session_id UUID        NOT NULL,
    member_id  UUID        NOT NULL,
    status     VARCHAR(20) NOT NULL,
    mode       VARCHAR(20),
    PRIMARY KEY (session_id, member_id)
);

CREATE TABLE stats_performance_v1 (
    performance_id    UUID         PRIMARY KEY,
    session_id        UUID         NOT NULL,
    title             VARCHAR(300) NOT NULL,
    genre             VARCHAR(100) NOT NULL,
    performer_unit_id UUID         NOT NULL,
    venue             VARCHAR(300) NOT NULL,
    performed_on      DATE         NOT NULL,
    quarter           VARCHAR(7)   NOT NULL,
    audience          INTEGER      NOT NULL CHECK (audience >= 0)
);
CREATE INDEX stats_performance_v1_quarter ON stats_performance_v1 (quarter);
