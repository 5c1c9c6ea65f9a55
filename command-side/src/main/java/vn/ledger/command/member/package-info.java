/**
 * Members (đảng viên): admitted to a cell, transferred between units, exempt from activities for a period. Offered
 * under {@code /api/v1/members}.
 */
package vn.ledger.command.member;
