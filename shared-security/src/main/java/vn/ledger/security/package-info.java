/**
 * Who may do what, the same in every process: HTTP Basic against the local user store (bcrypt hashes, read only
 * here), or OIDC bearer JWTs when an issuer is configured; the web application's sign-in form and session cookie;
 * roles per {@code api.md}; 401, 403 and 429 answered as problems and counted. Used by the command side (and so the
 * standalone and the command service) and by the query service; creating users is the command side's.
 */
package vn.ledger.security;
