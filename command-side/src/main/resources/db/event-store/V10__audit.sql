-- Tamper evidence (docs/audit.md): the sealer folds every event into an RFC 6962 Merkle tree, and checkpoints of
-- that tree are signed with a key kept outside the database.

-- The leaves, in seal order (not always global_index order: an event may commit after a later one).
CREATE TABLE event_store.audit_leaf (
    leaf_index       BIGINT       PRIMARY KEY,
    global_index     BIGINT       NOT NULL UNIQUE,
    event_identifier VARCHAR(255) NOT NULL UNIQUE,
    leaf_hash        BYTEA        NOT NULL,
    sealed_at        TIMESTAMPTZ  NOT NULL
);

-- The hashes of the perfect subtrees above the leaves: node (level, node_index) covers the 2^level leaves from
-- node_index * 2^level. Written once, when its last leaf is sealed; a root or a proof reads O(log n) of them.
CREATE TABLE event_store.audit_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    PRIMARY KEY (level, node_index)
);

-- Where the sealer stands: tree_size leaves; every global_index up to high_water is sealed or in audit_gap.
-- origin names this log in its signed checkpoints (C2SP tlog-checkpoint), unless LEDGER_AUDIT_ORIGIN overrides it.
CREATE TABLE event_store.audit_state (
    singleton  BOOLEAN      PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    tree_size  BIGINT       NOT NULL,
    high_water BIGINT       NOT NULL,
    origin     VARCHAR(200) NOT NULL
);
INSERT INTO event_store.audit_state (tree_size, high_water, origin)
VALUES (0, 0, 'ledger.local/' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16));

-- Ranges of global_index the sealer found missing (rolled back, or not yet committed), and since when. Below
-- high_water they are watched: an event that commits there late is sealed then.
CREATE TABLE event_store.audit_gap (
    first_index BIGINT      PRIMARY KEY,
    last_index  BIGINT      NOT NULL CHECK (last_index >= first_index),
    first_seen  TIMESTAMPTZ NOT NULL
);

-- Signed tree heads: one per tree size.
CREATE TABLE event_store.audit_checkpoint (
    tree_size  BIGINT       PRIMARY KEY,
    root_hash  BYTEA        NOT NULL,
    origin     VARCHAR(200) NOT NULL,
    public_key BYTEA        NOT NULL,
    signature  BYTEA        NOT NULL,
    note       TEXT         NOT NULL,
    signed_at  TIMESTAMPTZ  NOT NULL
);

-- Leaves, nodes and checkpoints are append-only, like the events they seal.
CREATE TRIGGER audit_leaf_append_only
    BEFORE UPDATE OR DELETE ON event_store.audit_leaf
    FOR EACH ROW EXECUTE FUNCTION event_store.reject_event_change();
CREATE TRIGGER audit_node_append_only
    BEFORE UPDATE OR DELETE ON event_store.audit_node
    FOR EACH ROW EXECUTE FUNCTION event_store.reject_event_change();
CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON event_store.audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION event_store.reject_event_change();
CREATE TRIGGER audit_leaf_no_truncate
    BEFORE TRUNCATE ON event_store.audit_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION event_store.reject_event_change();
CREATE TRIGGER audit_node_no_truncate
    BEFORE TRUNCATE ON event_store.audit_node
    FOR EACH STATEMENT EXECUTE FUNCTION event_store.reject_event_change();
CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON event_store.audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION event_store.reject_event_change();
