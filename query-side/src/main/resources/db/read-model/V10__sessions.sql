-- sessions-v1: each session as it stands, for the session list and detail, one row per natural key.
-- Free texts have no length limit and only what every event of its kind carries is required: the command side
-- validates the rest, and a value these tables could not hold would stop the processor.

-- One row per session. status is one of the values of SessionStatus (see its Javadoc); version is the sequence
-- number of the session's latest event (the aggregate's version, as in the commands' ETag), last_position the
-- global position of that event in the log.
CREATE TABLE session_v1 (
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
    last_position            BIGINT
);
-- the list is read newest first, optionally for one quarter or status
CREATE INDEX session_v1_scheduled ON session_v1 (scheduled_at DESC, session_id);
CREATE INDEX session_v1_quarter ON session_v1 (quarter, scheduled_at DESC);
CREATE INDEX session_v1_status ON session_v1 (status, scheduled_at DESC);

-- The units a session was scheduled for, in the order the schedule named them.
CREATE TABLE session_unit_v1 (
    session_id UUID    NOT NULL,
    unit_id    UUID    NOT NULL,
    ordinal    INTEGER NOT NULL,
    PRIMARY KEY (session_id, unit_id)
);
CREATE INDEX session_unit_v1_unit ON session_unit_v1 (unit_id);

-- Each member's latest attendance entry per session, recorded or corrected.
CREATE TABLE session_attendance_v1 (
    session_id UUID        NOT NULL,
    member_id  UUID        NOT NULL,
    status     VARCHAR(20) NOT NULL,
    mode       VARCHAR(20),
    note       TEXT,
    PRIMARY KEY (session_id, member_id)
);

-- The latest guest count of each session, one row per category (every category once counted).
CREATE TABLE session_guest_v1 (
    session_id  UUID        NOT NULL,
    category    VARCHAR(30) NOT NULL,
    attendances INTEGER     NOT NULL,
    PRIMARY KEY (session_id, category)
);

-- Each showing of a performance with its latest audience.
CREATE TABLE session_performance_v1 (
    performance_id    UUID PRIMARY KEY,
    session_id        UUID NOT NULL,
    title             TEXT,
    genre             TEXT,
    performer_unit_id UUID,
    venue             TEXT,
    performed_on      DATE,
    audience          INTEGER NOT NULL
);
CREATE INDEX session_performance_v1_session ON session_performance_v1 (session_id);

-- The roster's unit names as they stand now, so that the list can name a session's units.
CREATE TABLE session_unit_name_v1 (
    unit_id UUID PRIMARY KEY,
    name    TEXT
);
