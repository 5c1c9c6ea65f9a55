package vn.ledger.command.roster;

import org.springframework.jdbc.core.JdbcTemplate;
import vn.ledger.events.ExemptionGranted;
import vn.ledger.events.MemberAdmitted;
import vn.ledger.events.MemberTransferred;
import vn.ledger.events.UnitRegistered;

/**
 * The benchmark's generator keeps {@code command_model} in step with the roster events it appends through the
 * command side's own {@link RosterProjection} (same package, so its package-private handlers are reachable): the
 * lookups are written by exactly the code that writes them when the events come from commands.
 */
public final class RosterWriter {

    private final RosterProjection projection;

    public RosterWriter(JdbcTemplate jdbc) {
        this.projection = new RosterProjection(jdbc);
    }

    public void apply(Object event) {
        if (event instanceof UnitRegistered e) {
            projection.on(e);
        } else if (event instanceof MemberAdmitted e) {
            projection.on(e);
        } else if (event instanceof MemberTransferred e) {
            projection.on(e);
        } else if (event instanceof ExemptionGranted e) {
            projection.on(e);
        }
    }
}
