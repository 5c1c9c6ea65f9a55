package vn.ledger.command.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import vn.ledger.verify.CompactRange;
import vn.ledger.verify.Merkle;

/** The audit tables of {@code V10__audit.sql}, and the events they seal. Callers bring the transaction. */
class AuditStore {

    /** The key of the PostgreSQL advisory lock that lets one sealer run at a time, across processes. */
    static final long SEALER_LOCK = 0x6c65646765725345L; // "ledgerSE"
    /** The key that lets one process sign at a time. */
    static final long SIGNER_LOCK = 0x6c65646765725349L; // "ledgerSI"

    /** Where the sealer stands. */
    record State(long treeSize, long highWater, String origin) {}

    /** An event as stored, with the bytes its leaf is made of. */
    record StoredEvent(long globalIndex, String eventId, byte[] payload, byte[] metadata) {}

    /** A sealed leaf. */
    record Leaf(long leafIndex, long globalIndex, String eventId, byte[] leafHash) {}

    /** A perfect subtree above the leaves. */
    record Node(int level, long index, byte[] hash) {}

    /** A signed tree head as stored. */
    record StoredCheckpoint(long treeSize, byte[] rootHash, String origin, byte[] publicKey, byte[] signature,
                            String note, Instant signedAt) {}

    private final JdbcTemplate jdbc;

    AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the lock for the rest of the transaction if nobody holds it; answers whether it did. */
    boolean tryLock(long key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, key));
    }

    /** Waits for the lock and holds it for the rest of the transaction. */
    void lock(long key) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", key);
    }

    /** The sealer's state, locked so that no one moves the tree until this transaction ends. */
    State stateForUpdate() {
        return jdbc.queryForObject("SELECT tree_size, high_water, origin FROM event_store.audit_state FOR UPDATE",
                (rs, row) -> new State(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    /** The sealer's state, which the sealer cannot change until this transaction ends. */
    State stateForShare() {
        return jdbc.queryForObject("SELECT tree_size, high_water, origin FROM event_store.audit_state FOR SHARE",
                (rs, row) -> new State(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    State state() {
        return jdbc.queryForObject("SELECT tree_size, high_water, origin FROM event_store.audit_state",
                (rs, row) -> new State(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    void updateState(long treeSize, long highWater) {
        jdbc.update("UPDATE event_store.audit_state SET tree_size = ?, high_water = ?", treeSize, highWater);
    }

    /** The next events after the high water mark, in global order. */
    List<StoredEvent> eventsAfter(long highWater, int limit) {
        return jdbc.query("""
                SELECT global_index, event_identifier, payload, meta_data FROM event_store.domain_event_entry
                WHERE global_index > ? ORDER BY global_index LIMIT ?
                """, AuditStore::storedEvent, highWater, limit);
    }

    /** Events that committed late into a gap the sealer had passed, and are not sealed yet. */
    List<StoredEvent> lateEvents(long highWater, int limit) {
        return jdbc.query("""
                SELECT e.global_index, e.event_identifier, e.payload, e.meta_data
                FROM event_store.audit_gap g
                JOIN event_store.domain_event_entry e
                  ON e.global_index BETWEEN g.first_index AND LEAST(g.last_index, ?)
                WHERE g.first_index <= ?
                  AND NOT EXISTS (SELECT 1 FROM event_store.audit_leaf l WHERE l.global_index = e.global_index)
                ORDER BY e.global_index LIMIT ?
                """, AuditStore::storedEvent, highWater, highWater, limit);
    }

    /** The recorded gaps that overlap [from, to], in order. */
    List<SafePoint.Gap> gapsBetween(long from, long to) {
        return jdbc.query("""
                SELECT first_index, last_index, first_seen FROM event_store.audit_gap
                WHERE last_index >= ? AND first_index <= ? ORDER BY first_index
                """, (rs, row) -> new SafePoint.Gap(rs.getLong(1), rs.getLong(2),
                rs.getTimestamp(3).toInstant()), from, to);
    }

    void recordGaps(List<SafePoint.Gap> gaps) {
        jdbc.batchUpdate("""
                INSERT INTO event_store.audit_gap (first_index, last_index, first_seen) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """, gaps, gaps.size(), (statement, gap) -> {
            statement.setLong(1, gap.first());
            statement.setLong(2, gap.last());
            statement.setTimestamp(3, Timestamp.from(gap.firstSeen()));
        });
    }

    /** Stops watching passed gaps first seen before {@code cutoff}: their transactions rolled back long ago. */
    int forgetGaps(long highWater, Instant cutoff) {
        return jdbc.update("DELETE FROM event_store.audit_gap WHERE last_index <= ? AND first_seen < ?",
                highWater, Timestamp.from(cutoff));
    }

    long pendingGaps() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM event_store.audit_gap", Long.class);
        return count == null ? 0 : count;
    }

    void insertLeaves(List<Leaf> leaves, Instant sealedAt) {
        Timestamp at = Timestamp.from(sealedAt);
        jdbc.batchUpdate("""
                INSERT INTO event_store.audit_leaf (leaf_index, global_index, event_identifier, leaf_hash, sealed_at)
                VALUES (?, ?, ?, ?, ?)
                """, leaves, leaves.size(), (statement, leaf) -> {
            statement.setLong(1, leaf.leafIndex());
            statement.setLong(2, leaf.globalIndex());
            statement.setString(3, leaf.eventId());
            statement.setBytes(4, leaf.leafHash());
            statement.setTimestamp(5, at);
        });
    }

    void insertNodes(List<Node> nodes) {
        jdbc.batchUpdate("INSERT INTO event_store.audit_node (level, node_index, hash) VALUES (?, ?, ?)",
                nodes, nodes.size(), (statement, node) -> {
                    statement.setInt(1, node.level());
                    statement.setLong(2, node.index());
                    statement.setBytes(3, node.hash());
                });
    }

    /** The right edge of the tree of {@code treeSize} leaves: O(log n) rows. */
    CompactRange rightEdge(long treeSize) {
        List<byte[]> hashes = new ArrayList<>();
        for (CompactRange.Position position : CompactRange.positions(treeSize)) {
            hashes.add(node(position.level(), position.index()));
        }
        return new CompactRange(treeSize, hashes);
    }

    /** The hash of a perfect subtree; level 0 is a leaf's. */
    byte[] node(int level, long index) {
        List<byte[]> hashes = level == 0
                ? jdbc.query("SELECT leaf_hash FROM event_store.audit_leaf WHERE leaf_index = ?",
                        (rs, row) -> rs.getBytes(1), index)
                : jdbc.query("SELECT hash FROM event_store.audit_node WHERE level = ? AND node_index = ?",
                        (rs, row) -> rs.getBytes(1), level, index);
        if (hashes.isEmpty()) {
            throw new IllegalStateException("the audit tree has no node " + level + "/" + index);
        }
        return hashes.get(0);
    }

    /** The tree's nodes, each read at most once per use. */
    Merkle.Nodes nodes() {
        Map<String, byte[]> read = new HashMap<>();
        return (level, index) -> read.computeIfAbsent(level + "/" + index, key -> node(level, index));
    }

    Optional<Leaf> leafOf(String eventId) {
        return jdbc.query("""
                SELECT leaf_index, global_index, event_identifier, leaf_hash FROM event_store.audit_leaf
                WHERE event_identifier = ?
                """, (rs, row) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)), eventId)
                .stream().findFirst();
    }

    boolean eventExists(String eventId) {
        return !jdbc.queryForList("SELECT 1 FROM event_store.domain_event_entry WHERE event_identifier = ?",
                eventId).isEmpty();
    }

    Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.query("""
                SELECT tree_size, root_hash, origin, public_key, signature, note, signed_at
                FROM event_store.audit_checkpoint ORDER BY tree_size DESC LIMIT 1
                """, AuditStore::checkpoint).stream().findFirst();
    }

    Optional<StoredCheckpoint> checkpoint(long treeSize) {
        return jdbc.query("""
                SELECT tree_size, root_hash, origin, public_key, signature, note, signed_at
                FROM event_store.audit_checkpoint WHERE tree_size = ?
                """, AuditStore::checkpoint, treeSize).stream().findFirst();
    }

    void insertCheckpoint(StoredCheckpoint checkpoint) {
        jdbc.update("""
                INSERT INTO event_store.audit_checkpoint
                    (tree_size, root_hash, origin, public_key, signature, note, signed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.origin(), checkpoint.publicKey(),
                checkpoint.signature(), checkpoint.note(), Timestamp.from(checkpoint.signedAt()));
    }

    /** One leaf of an export: what was sealed, and the event as it is stored now (null fields when it is gone). */
    record ExportedLeaf(long leafIndex, String eventId, long position, byte[] leafHash, byte[] payload,
                        byte[] metadata) {}

    /** Streams the first {@code treeSize} leaves in order, with their events as stored now. */
    void exportLeaves(long treeSize, Consumer<ExportedLeaf> consumer) {
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT l.leaf_index, coalesce(e.event_identifier, l.event_identifier),
                           coalesce(e.global_index, l.global_index), l.leaf_hash, e.payload, e.meta_data
                    FROM event_store.audit_leaf l
                    LEFT JOIN event_store.domain_event_entry e ON e.global_index = l.global_index
                    WHERE l.leaf_index < ? ORDER BY l.leaf_index
                    """);
            statement.setFetchSize(500); // a cursor, not the whole log in memory (needs the caller's transaction)
            statement.setLong(1, treeSize);
            return statement;
        }, (RowCallbackHandler) rs -> consumer.accept(new ExportedLeaf(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getBytes(4), rs.getBytes(5), rs.getBytes(6))));
    }

    private static StoredEvent storedEvent(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4));
    }

    private static StoredCheckpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5),
                rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
