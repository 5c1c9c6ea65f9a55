-- The member's natural key and details from MemberAdmitted revision 2 (NULL for members admitted before it), so
-- that a roster import can find a member by card number and tell what differs.
ALTER TABLE command_model.member
    ADD COLUMN card_number   VARCHAR(30),
    ADD COLUMN status        VARCHAR(20),
    ADD COLUMN date_of_birth DATE,
    ADD COLUMN phone         VARCHAR(30);
CREATE UNIQUE INDEX member_card_number ON command_model.member (card_number) WHERE card_number IS NOT NULL;

-- One roster import: queued when the file passed its dry run, applied in one transaction (all or nothing).
-- rows_done is written from a separate transaction while the import runs, for the status URL; the final state is
-- written in the transaction that appends the import's events, so SUCCEEDED means its events are in the log.
CREATE TABLE command_model.roster_import (
    import_id      UUID         PRIMARY KEY,
    username       VARCHAR(100) NOT NULL,
    file_name      VARCHAR(300),
    state          VARCHAR(20)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    rows_total     INTEGER      NOT NULL,
    rows_done      INTEGER      NOT NULL DEFAULT 0,
    summary        JSONB,
    errors         JSONB        NOT NULL DEFAULT '[]',
    created_at     TIMESTAMPTZ  NOT NULL,
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ
);
