-- The database roles of the separate services (README, "Running as separate services"): each service connects as its
-- own role, and the query service cannot write the event log. Run this as the database's owner or a superuser,
-- connected to the ledger's database, before the services first start:
--
--   psql -v ON_ERROR_STOP=1 -d ledger -f deploy/sql/roles.sql
--   psql -d ledger -c "ALTER ROLE ledger_command PASSWORD '...'" -c "ALTER ROLE ledger_query PASSWORD '...'"
--
-- It never sets passwords. It is idempotent: running it again changes nothing, and it also converts a database the
-- standalone made (one role owning everything) by handing each schema's objects to the role that now runs that side.
--
-- ledger_command, the command service: owns the schemas event_store and command_model, which its Flyway migrates;
--   may append to and read the event log, never change, delete or truncate an event (the log's trigger rejects
--   that for every role besides).
-- ledger_query, the query service: may read the event log (every table of event_store) and the users
--   (command_model.app_user), nothing else of the command model; owns read_model, and may create the schemas of the
--   projections' blue/green generations (stats_v1_g1, ...), which it owns.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_command') THEN
        CREATE ROLE ledger_command LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_query') THEN
        CREATE ROLE ledger_query LOGIN;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO ledger_command, ledger_query', current_database());
    -- a rebuild makes a new generation's schema
    EXECUTE format('GRANT CREATE ON DATABASE %I TO ledger_query', current_database());
END
$$;

CREATE SCHEMA IF NOT EXISTS event_store AUTHORIZATION ledger_command;
CREATE SCHEMA IF NOT EXISTS command_model AUTHORIZATION ledger_command;
CREATE SCHEMA IF NOT EXISTS read_model AUTHORIZATION ledger_query;
ALTER SCHEMA event_store OWNER TO ledger_command;
ALTER SCHEMA command_model OWNER TO ledger_command;
ALTER SCHEMA read_model OWNER TO ledger_query;

-- Objects made before the roles (a standalone's database): each side's role owns its tables (and so their
-- sequences and indexes), the event store's trigger function, and the projection generations' schemas.
DO $$
DECLARE
    item record;
BEGIN
    FOR item IN
        SELECT n.nspname AS schema_name, c.relname AS table_name,
               CASE WHEN n.nspname IN ('event_store', 'command_model') THEN 'ledger_command'
                    ELSE 'ledger_query' END AS new_owner
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p')
          AND (n.nspname IN ('event_store', 'command_model', 'read_model') OR n.nspname ~ '^[a-z0-9_]+_v[0-9]+_g[0-9]+$')
    LOOP
        EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', item.schema_name, item.table_name, item.new_owner);
    END LOOP;
    FOR item IN SELECT nspname AS schema_name FROM pg_namespace WHERE nspname ~ '^[a-z0-9_]+_v[0-9]+_g[0-9]+$' LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO ledger_query', item.schema_name);
    END LOOP;
    FOR item IN
        SELECT p.oid::regprocedure AS function_name
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'event_store'
    LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO ledger_command', item.function_name);
    END LOOP;
END
$$;

-- The query service reads the event log: the tables there now, and every table ledger_command makes there later.
GRANT USAGE ON SCHEMA event_store TO ledger_query;
GRANT SELECT ON ALL TABLES IN SCHEMA event_store TO ledger_query;
ALTER DEFAULT PRIVILEGES FOR ROLE ledger_command IN SCHEMA event_store GRANT SELECT ON TABLES TO ledger_query;
-- ... and the users, to sign them in; nothing else of the command model (idempotency keys, roster imports, lookups).
GRANT USAGE ON SCHEMA command_model TO ledger_query;

-- Tables the command service's Flyway has made already; on a new database its migration V12 does the same when it
-- makes them (db/event-store in command-side).
DO $$
BEGIN
    IF to_regclass('command_model.app_user') IS NOT NULL THEN
        GRANT SELECT ON command_model.app_user TO ledger_query;
    END IF;
    IF to_regclass('event_store.domain_event_entry') IS NOT NULL THEN
        -- the owner keeps INSERT and SELECT only
        REVOKE UPDATE, DELETE, TRUNCATE ON event_store.domain_event_entry FROM ledger_command;
    END IF;
END
$$;
