/**
 * The quarterly report of the thematic sessions as a file to download (CSV, XLSX or PDF, in Vietnamese or English):
 * the committee's totals, the units' table and the performances of a quarter, from the statistics views at one
 * position of the event log, live or as of an earlier moment, like the statistics endpoints.
 */
package vn.ledger.query.report;
