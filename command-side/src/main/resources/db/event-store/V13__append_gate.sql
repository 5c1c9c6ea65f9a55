-- The gate a roster import closes: every statement that appends events first takes a shared transaction-level
-- advisory lock; an import takes it exclusively (RosterImports), so it waits for the appends in flight to commit and
-- holds new ones back until it commits. The log's positions then stay in commit order across the import, which is
-- what LOCK TABLE ... IN EXCLUSIVE MODE gave, but without the privileges that lock needs (up to PostgreSQL 16 it
-- takes UPDATE, DELETE or TRUNCATE on the table, which V12 and deploy/sql/roles.sql deny to every role).
-- The key is the constant append_gate_key(); an advisory lock needs no privilege, and a transaction never blocks
-- on its own locks, so the import's own appends pass the gate it holds.
CREATE FUNCTION append_gate_key() RETURNS bigint
    LANGUAGE sql IMMUTABLE AS 'SELECT 7265646765::bigint';

CREATE FUNCTION pass_append_gate() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(event_store.append_gate_key());
    RETURN NULL;
END;
$$;

CREATE TRIGGER domain_event_entry_append_gate
    BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION pass_append_gate();
