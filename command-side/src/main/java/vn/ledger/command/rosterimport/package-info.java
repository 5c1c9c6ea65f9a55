/**
 * Roster import: an office loads its units and members from a spreadsheet (XLSX or CSV) in one step. A dry run
 * answers the plan (units and members to create, members to transfer, what is unchanged, and every row error); an
 * apply carries out the same plan as ordinary commands in one transaction, all or nothing, with the import's id in
 * every event's metadata. The Party card number (số thẻ đảng viên) is a member's natural key, so importing the same
 * file again writes nothing and a changed file writes only its differences.
 */
package vn.ledger.command.rosterimport;
