package vn.ledger.command.security;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.ledger.command.rule.RuleViolation;

/** The local user store in {@code command_model.app_user}; passwords are kept only as bcrypt hashes. */
@Component
class UserStore implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    UserStore(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    Optional<LedgerUser> find(String username) {
        return jdbc.query("SELECT username, password_hash, role, unit_ids FROM command_model.app_user WHERE username = ?",
                (rs, row) -> new LedgerUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        new HashSet<>(Arrays.asList((UUID[]) rs.getArray(4).getArray()))),
                username).stream().findFirst();
    }

    boolean exists(String username) {
        return find(username).isPresent();
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
