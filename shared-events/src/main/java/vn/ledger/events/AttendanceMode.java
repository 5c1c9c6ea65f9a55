package vn.ledger.events;

/** How a present member attended: in person or online. */
public enum AttendanceMode {
    IN_PERSON,
    ONLINE
}
