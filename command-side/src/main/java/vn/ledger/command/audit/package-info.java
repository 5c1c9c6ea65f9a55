/**
 * Tamper evidence for the event log ({@code docs/audit.md}): a sealer folds every stored event into an RFC 6962
 * Merkle tree, checkpoints of the tree are signed with an Ed25519 key kept outside the database (also as C2SP
 * tlog-checkpoint notes), and inclusion proofs, consistency proofs and verification bundles are served for the
 * offline verifier ({@code deploy/verifier}), whose code does all the hashing here too.
 */
package vn.ledger.command.audit;
