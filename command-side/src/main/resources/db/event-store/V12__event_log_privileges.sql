-- The log is append-only by privilege as well as by trigger: the role that migrates and writes it (ledger_command of
-- deploy/sql/roles.sql when the services run apart) may add and read events, never change, delete or truncate them.
-- A superuser (the standalone's embedded database) is above privileges; the trigger still stops it.
REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM CURRENT_USER;

-- The query service signs users in from command_model.app_user as the role ledger_query (deploy/sql/roles.sql), when
-- that role exists; it may read nothing else of the command model. roles.sql grants the same when it runs later.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_query') THEN
        GRANT SELECT ON command_model.app_user TO ledger_query;
    END IF;
END
$$;
