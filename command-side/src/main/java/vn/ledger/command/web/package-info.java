/** How the command side answers failures: RFC 7807 problems with a stable code, never a stack trace. */
package vn.ledger.command.web;
