-- A member's year (participation) walks the sessions of the member's units, five years of them, to find the year's:
-- with these two indexes the units' sessions and the sessions' dates and states are read from the indexes alone
-- (index-only scans, once vacuum has marked the pages all-visible) instead of a heap page per session and per
-- version, about 400 of the 500 pages a cold member's year read before.
DROP INDEX session_unit_unit;
CREATE INDEX session_unit_unit ON session_unit (unit_id) INCLUDE (session_id, valid_from, valid_to);
CREATE INDEX session_state ON session (session_id, valid_from) INCLUDE (scheduled_on, held, cancelled, valid_to);
