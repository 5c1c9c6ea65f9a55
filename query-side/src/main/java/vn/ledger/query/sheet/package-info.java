/**
 * The attendance sheet of a session (the printable sign-in list, PDF or XLSX) and the checklist of its expected
 * members with a search by any part of a name, diacritics or not. Both read the session from {@code sessions-v1} and
 * its members from the current rows of {@code stats-v1}, in one snapshot, with the statistics' definition of who is
 * expected: in one of the session's units on its date, admitted by then, and not exempt that day.
 */
package vn.ledger.query.sheet;
