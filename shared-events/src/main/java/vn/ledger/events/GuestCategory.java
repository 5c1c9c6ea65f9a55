package vn.ledger.events;

/** Guests are counted by category, never by name. */
public enum GuestCategory {
    /** non-member public (quần chúng) */
    PUBLIC,
    /** cadres, civil servants and public employees (cán bộ, công chức, viên chức) */
    CIVIL_SERVANTS,
    /** grassroots culture-society officials */
    CULTURE_OFFICIALS,
    /** representatives of the "Gia đình phát triển bền vững" clubs of hamlets */
    CLUB_REPRESENTATIVES,
    OTHER
}
