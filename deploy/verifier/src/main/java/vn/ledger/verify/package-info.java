/**
 * Everything needed to check the ledger's tamper evidence, in plain Java: RFC 6962/9162 Merkle hashing and proofs,
 * the leaf encoding of an event, C2SP signed checkpoints, the verification bundle's layout, and the offline
 * verifier's command line. The command side depends on it, so the service and the verifier cannot disagree.
 */
package vn.ledger.verify;
