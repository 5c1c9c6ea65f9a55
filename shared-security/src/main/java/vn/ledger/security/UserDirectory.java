package vn.ledger.security;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The local users as sign-in reads them, from {@code command_model.app_user} (bcrypt hashes only). Read only: the
 * command side creates users; the query service's database role may read this one table of the command model and
 * nothing else of it.
 */
@Component
public class UserDirectory implements UserDetailsService {

    /** The user store's table, written by the command side. */
    public static final String TABLE = "command_model.app_user";

    private final JdbcTemplate jdbc;

    UserDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<LedgerUser> find(String username) {
        return jdbc.query("SELECT username, password_hash, role, unit_ids FROM " + TABLE + " WHERE username = ?",
                (rs, row) -> new LedgerUser(rs.getString(1), rs.getString(2), rs.getString(3),
                        new HashSet<>(Arrays.asList((UUID[]) rs.getArray(4).getArray()))),
                username).stream().findFirst();
    }
}
