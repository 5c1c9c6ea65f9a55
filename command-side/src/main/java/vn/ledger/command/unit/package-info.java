/**
 * The committee's units: cells and sub-committees in a tree, renamed and merged over time, and commended. Offered
 * under {@code /api/v1/units} and {@code /api/v1/commendations}.
 */
package vn.ledger.command.unit;
