package vn.ledger.command.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The audit tables and the event table in memory, with the queries' meaning, so the sealer's and the signer's logic
 * is tested without a database (the HTTP tests of {@code deploy/standalone} run it against PostgreSQL).
 */
class InMemoryAuditStore extends AuditStore {

    /** Committed events by global index. */
    final TreeMap<Long, StoredEvent> events = new TreeMap<>();
    final List<Leaf> leaves = new ArrayList<>();
    final Map<String, byte[]> nodes = new HashMap<>();
    final TreeMap<Long, SafePoint.Gap> gaps = new TreeMap<>();
    final TreeMap<Long, StoredCheckpoint> checkpoints = new TreeMap<>();
    long treeSize;
    long highWater;
    String origin = "ledger.local/test";
    boolean lockedByAnotherProcess;

    InMemoryAuditStore() {
        super(null);
    }

    /** Commits an event at {@code globalIndex}. */
    StoredEvent commit(long globalIndex) {
        StoredEvent event = new StoredEvent(globalIndex, "event-" + globalIndex,
                ("{\"n\":" + globalIndex + "}").getBytes(StandardCharsets.UTF_8),
                "{\"userId\":\"admin\"}".getBytes(StandardCharsets.UTF_8));
        events.put(globalIndex, event);
        return event;
    }

    List<Long> sealedOrder() {
        return leaves.stream().map(Leaf::globalIndex).toList();
    }

    @Override
    boolean tryLock(long key) {
        return !lockedByAnotherProcess;
    }

    @Override
    void lock(long key) {}

    @Override
    State stateForUpdate() {
        return state();
    }

    @Override
    State stateForShare() {
        return state();
    }

    @Override
    State state() {
        return new State(treeSize, highWater, origin);
    }

    @Override
    void updateState(long treeSize, long highWater) {
        this.treeSize = treeSize;
        this.highWater = highWater;
    }

    @Override
    List<StoredEvent> eventsAfter(long highWater, int limit) {
        return events.tailMap(highWater, false).values().stream().limit(limit).toList();
    }

    @Override
    List<StoredEvent> lateEvents(long highWater, int limit) {
        return events.headMap(highWater, true).values().stream()
                .filter(event -> gaps.values().stream().anyMatch(gap ->
                        gap.first() <= event.globalIndex() && event.globalIndex() <= gap.last()))
                .filter(event -> leaves.stream().noneMatch(leaf -> leaf.globalIndex() == event.globalIndex()))
                .limit(limit)
                .toList();
    }

    @Override
    List<SafePoint.Gap> gapsBetween(long from, long to) {
        return gaps.values().stream()
                .filter(gap -> gap.last() >= from && gap.first() <= to)
                .sorted(Comparator.comparingLong(SafePoint.Gap::first))
                .toList();
    }

    @Override
    void recordGaps(List<SafePoint.Gap> newGaps) {
        newGaps.forEach(gap -> gaps.putIfAbsent(gap.first(), gap));
    }

    @Override
    int forgetGaps(long highWater, Instant cutoff) {
        int before = gaps.size();
        gaps.values().removeIf(gap -> gap.last() <= highWater && gap.firstSeen().isBefore(cutoff));
        return before - gaps.size();
    }

    @Override
    long pendingGaps() {
        return gaps.size();
    }

    @Override
    void insertLeaves(List<Leaf> newLeaves, Instant sealedAt) {
        for (Leaf leaf : newLeaves) {
            if (leaf.leafIndex() != leaves.size()) {
                throw new IllegalStateException("leaf " + leaf.leafIndex() + " out of order");
            }
            if (leaves.stream().anyMatch(sealed -> sealed.globalIndex() == leaf.globalIndex())) {
                throw new IllegalStateException("event " + leaf.globalIndex() + " sealed twice");
            }
            leaves.add(leaf);
        }
    }

    @Override
    void insertNodes(List<Node> newNodes) {
        for (Node node : newNodes) {
            if (nodes.putIfAbsent(node.level() + "/" + node.index(), node.hash()) != null) {
                throw new IllegalStateException("node " + node.level() + "/" + node.index() + " written twice");
            }
        }
    }

    @Override
    byte[] node(int level, long index) {
        byte[] hash = level == 0 ? leaves.get(Math.toIntExact(index)).leafHash() : nodes.get(level + "/" + index);
        if (hash == null) {
            throw new IllegalStateException("no node " + level + "/" + index);
        }
        return hash;
    }

    @Override
    Optional<Leaf> leafOf(String eventId) {
        return leaves.stream().filter(leaf -> leaf.eventId().equals(eventId)).findFirst();
    }

    @Override
    boolean eventExists(String eventId) {
        return events.values().stream().anyMatch(event -> event.eventId().equals(eventId));
    }

    @Override
    Optional<StoredCheckpoint> latestCheckpoint() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.lastEntry().getValue());
    }

    @Override
    Optional<StoredCheckpoint> checkpoint(long treeSize) {
        return Optional.ofNullable(checkpoints.get(treeSize));
    }

    @Override
    void insertCheckpoint(StoredCheckpoint checkpoint) {
        if (checkpoints.putIfAbsent(checkpoint.treeSize(), checkpoint) != null) {
            throw new IllegalStateException("a second checkpoint of " + checkpoint.treeSize());
        }
    }

    @Override
    void exportLeaves(long treeSize, Consumer<ExportedLeaf> consumer) {
        for (Leaf leaf : leaves.subList(0, Math.toIntExact(treeSize))) {
            StoredEvent event = events.get(leaf.globalIndex());
            consumer.accept(event == null
                    ? new ExportedLeaf(leaf.leafIndex(), leaf.eventId(), leaf.globalIndex(), leaf.leafHash(), null,
                            null)
                    : new ExportedLeaf(leaf.leafIndex(), event.eventId(), event.globalIndex(), leaf.leafHash(),
                            event.payload(), event.metadata()));
        }
    }
}
