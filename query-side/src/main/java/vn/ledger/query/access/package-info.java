/**
 * Whose records the signed-in reader may see: read from the authorities of the current authentication
 * ({@code ROLE_<role>}, {@code UNIT_<uuid>}), the contract the command side's users keep without either side
 * depending on the other.
 */
package vn.ledger.query.access;
