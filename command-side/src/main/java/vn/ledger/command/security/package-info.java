/**
 * Who may do what: HTTP Basic against the local user store (bcrypt hashes), or OIDC bearer JWTs when an issuer is
 * configured, roles per {@code api.md}, the bootstrap {@code admin} user, and 401/403 answered as problems.
 */
package vn.ledger.command.security;
