/**
 * How the command side answers failures: RFC 7807 problems with a stable code, never a stack trace; also what no
 * controller answers ({@code /error}) and what Tomcat refuses before the application sees it.
 */
package vn.ledger.command.web;
