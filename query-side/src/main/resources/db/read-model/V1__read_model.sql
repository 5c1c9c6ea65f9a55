-- The read model's own bookkeeping: the processors' tracking tokens, and which generation of each projection's
-- tables readers use. A projection's tables live in a schema per generation (stats_v1_g1, stats_v1_g2, ...), made
-- by Flyway from db/projection/<name>/; a rebuild fills the next generation beside the active one and switches.
-- A view's rows and its processor's token are written in one transaction, so a view is updated exactly once.

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE projection_generation (
    projection        VARCHAR(100) PRIMARY KEY,
    active_generation INTEGER      NOT NULL,
    switched_at       TIMESTAMPTZ  NOT NULL
);
