-- stats-v1, for the whole domain: the roster's units (for their current names) and the guests counted per session.

-- One row per unit, as it stands now. Only unit_id is required, so that each of the unit's events can upsert the
-- row on its own; names have no length limit here: the command side validates them, and a name this table could
-- not hold would stop the processor.
CREATE TABLE stats_unit_v1 (
    unit_id             UUID PRIMARY KEY,
    name                TEXT,
    kind                VARCHAR(20),
    parent_unit_id      UUID,
    merged_into_unit_id UUID,
    merged_on           DATE
);

-- The latest guest count of each session, one row per category; a later count of the session replaces it.
CREATE TABLE stats_guest_v1 (
    session_id  UUID        NOT NULL,
    category    VARCHAR(30) NOT NULL,
    attendances INTEGER     NOT NULL CHECK (attendances >= 0),
    PRIMARY KEY (session_id, category)
);
