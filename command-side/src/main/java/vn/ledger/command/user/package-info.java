/**
 * The local users: the office creates them ({@code POST /api/v1/users}), and the first {@code OFFICE} user,
 * {@code admin}, is made at the first start. Signing them in is {@code vn.ledger.security}'s, shared with the query
 * service, which reads the same user store.
 */
package vn.ledger.command.user;
