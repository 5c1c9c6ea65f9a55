package vn.ledger.command.user;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.ledger.command.rule.RuleViolation;
import vn.ledger.security.LedgerUser;
import vn.ledger.security.UserDirectory;

/**
 * Writes the local user store in {@code command_model.app_user}; passwords are kept only as bcrypt hashes. Sign-in
 * reads it through {@link UserDirectory}.
 */
@Component
class UserStore {

    private final JdbcTemplate jdbc;
    private final UserDirectory directory;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    UserStore(JdbcTemplate jdbc, UserDirectory directory, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    boolean exists(String username) {
        return directory.find(username).isPresent();
    }

    LedgerUser create(String username, String password, String role, Collection<UUID> unitIds, String createdBy) {
        Set<UUID> units = Set.copyOf(unitIds);
        try {
            jdbc.update("""
                    INSERT INTO command_model.app_user (username, password_hash, role, unit_ids, created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, username, passwordEncoder.encode(password), role, uuidArray(units),
                    Timestamp.from(clock.instant()), createdBy);
        } catch (DuplicateKeyException e) {
            throw new UsernameTaken(username);
        }
        return new LedgerUser(username, "", role, units);
    }

    private Array uuidArray(Collection<UUID> ids) {
        return jdbc.execute((ConnectionCallback<Array>) connection ->
                connection.createArrayOf("uuid", ids.toArray()));
    }

    static final class UsernameTaken extends RuleViolation {
        UsernameTaken(String username) {
            super("username-taken", Kind.CONFLICT, "username", "The username " + username + " is taken.");
        }
    }
}
