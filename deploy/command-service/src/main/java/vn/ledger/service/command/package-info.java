/** The command service's launcher: the command side alone, against an external PostgreSQL. */
package vn.ledger.service.command;
