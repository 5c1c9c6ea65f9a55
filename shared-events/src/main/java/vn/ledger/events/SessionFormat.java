package vn.ledger.events;

/** How members take part in a session: in person (trực tiếp), online (trực tuyến) or both. */
public enum SessionFormat {
    IN_PERSON,
    ONLINE,
    HYBRID
}
