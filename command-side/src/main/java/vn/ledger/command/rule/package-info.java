/** The base of every business-rule rejection: a stable problem code and the kind of failure it is. */
package vn.ledger.command.rule;
