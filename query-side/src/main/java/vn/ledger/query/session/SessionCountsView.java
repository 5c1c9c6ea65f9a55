package vn.ledger.query.session;

/**
 * A session's numbers as they stand, corrections included; counted in attendances (lượt người).
 *
 * @param membersPresent members whose entry says present (in person or online)
 * @param membersRecorded members with an attendance entry, present or absent
 * @param guests guests of every category together
 * @param performanceAudience the audiences of the session's showings together
 */
record SessionCountsView(long membersPresent, long membersRecorded, long guests, long performanceAudience) {}
