-- sessions-v1: each session as it stands, for the session list and detail, one row per natural key. The tables of
-- one generation live in its own schema (sessions_v1_g<N>, see ProjectionRegistry), so names are unqualified.
-- Free texts have no length limit and only what every event of its kind carries is required: the command side
-- validates the rest, and a value these tables could not hold would stop the processor.

-- One row per session. status is one of the values of SessionStatus (see its Javadoc). version counts the
-- session's events from 0 (SessionScheduled) up, one per event, so it is the sequence number of the session's
-- latest event: the aggregate's version, as in the commands' ETag. last_position is the global position of that
-- event in the log; an event at or before it has been applied already and changes nothing.
CREATE TABLE session (
    session_id               UUID        PRIMARY KEY,
    topic                    TEXT,
    scheduled_at             TIMESTAMPTZ NOT NULL,
    scheduled_on             DATE        NOT NULL,
    quarter                  VARCHAR(7)  NOT NULL,
    format                   VARCHAR(20),
    venue                    TEXT,
    online_url               TEXT,
    presenter                TEXT,
    host                     TEXT,
    basis_documents          TEXT[]      NOT NULL DEFAULT '{}',
    status                   VARCHAR(20) NOT NULL
        CHECK (status IN ('PLANNED', 'HELD', 'CANCELLED', 'SUBMITTED', 'RETURNED', 'ACKNOWLEDGED')),
    cancel_reason            TEXT,
    minutes_summary          TEXT,
    submitted_at             TIMESTAMPTZ,
    review_decision          VARCHAR(20),
    review_comment           TEXT,
    reviewed_at              TIMESTAMPTZ,
    discussion_contributions INTEGER,
    discussion_summary       TEXT,
    version                  BIGINT      NOT NULL,
    last_position            BIGINT      NOT NULL
);
-- the list is read newest first, optionally for one quarter or status
CREATE INDEX session_scheduled ON session (scheduled_at DESC, session_id);
CREATE INDEX session_quarter ON session (quarter, scheduled_at DESC);
CREATE INDEX session_status ON session (status, scheduled_at DESC);

-- The units a session was scheduled for, in the order the schedule named them.
CREATE TABLE session_unit (
    session_id UUID    NOT NULL,
    unit_id    UUID    NOT NULL,
    ordinal    INTEGER NOT NULL,
    PRIMARY KEY (session_id, unit_id)
);
CREATE INDEX session_unit_unit ON session_unit (unit_id);

-- Each member's latest attendance entry per session, recorded or corrected.
CREATE TABLE session_attendance (
    session_id UUID        NOT NULL,
    member_id  UUID        NOT NULL,
    status     VARCHAR(20) NOT NULL,
    mode       VARCHAR(20),
    note       TEXT,
    PRIMARY KEY (session_id, member_id)
);

-- The latest guest count of each session, one row per category (every category once counted).
CREATE TABLE session_guest (
    session_id  UUID        NOT NULL,
    category    VARCHAR(30) NOT NULL,
    attendances INTEGER     NOT NULL,
    PRIMARY KEY (session_id, category)
);

-- Each showing of a performance with its latest audience.
CREATE TABLE session_performance (
    performance_id    UUID PRIMARY KEY,
    session_id        UUID NOT NULL,
    title             TEXT,
    genre             TEXT,
    performer_unit_id UUID,
    venue             TEXT,
    performed_on      DATE,
    audience          INTEGER NOT NULL
);
CREATE INDEX session_performance_session ON session_performance (session_id);

-- The roster's unit names as they stand now, so that the list can name a session's units.
CREATE TABLE session_unit_name (
    unit_id UUID PRIMARY KEY,
    name    TEXT
);
