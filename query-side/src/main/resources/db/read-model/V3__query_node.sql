-- The query-side instances that are running, each with when it last said so (vn.ledger.query.readmodel.
-- SegmentBalancer): an instance holding more than its share of a processor's segments hands the surplus over to the
-- others, so several instances share the work. Times are the database's own clock, the same for every instance.
CREATE TABLE query_node (
    node_id VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);
