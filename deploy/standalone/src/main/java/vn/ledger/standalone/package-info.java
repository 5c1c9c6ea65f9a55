/** The standalone launcher: both sides, one port, and the embedded PostgreSQL unless an external one is given. */
package vn.ledger.standalone;
