/**
 * A thematic session's record: scheduling, member attendance and performances, guarded by the {@code Session}
 * aggregate and offered over HTTP under {@code /api/v1/sessions}.
 */
package vn.ledger.command.session;
