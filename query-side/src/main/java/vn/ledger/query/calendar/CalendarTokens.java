package vn.ledger.query.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import vn.ledger.query.access.ReaderScope;

/**
 * The feed tokens in {@code read_model.calendar_token}. A token is 32 bytes from {@link SecureRandom} in base64url
 * without padding (43 characters); only its SHA-256 is stored, so the table cannot be used to read a feed. A token
 * stands for the role and units its user had when it was made: the feeds read with that scope until it is revoked.
 */
@Component
class CalendarTokens {

    /** Who a valid token stands for, with the role and units captured when it was made. */
    record Holder(String username, String role, Set<UUID> unitIds) {

        Holder {
            unitIds = Set.copyOf(unitIds);
        }

        /** The same rule as for a signed-in reader: a {@code SECRETARY} reads only their units. */
        ReaderScope scope() {
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(ReaderScope.ROLE_PREFIX + role));
            unitIds.forEach(unit -> authorities.add(new SimpleGrantedAuthority(ReaderScope.UNIT_PREFIX + unit)));
            return ReaderScope.of(authorities);
        }
    }

    static final int TOKEN_BYTES = 32;
    /** What {@link #TOKEN_BYTES} random bytes look like in base64url without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String TABLE = "read_model.calendar_token";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CalendarTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes a new token for {@code holder} and answers it: the only time the token itself is known here. */
    String issue(Holder holder) {
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        String token = ENCODER.encodeToString(random);
        jdbc.update("""
                INSERT INTO %s (token_hash, username, role, unit_ids, created_at) VALUES (?, ?, ?, ?, ?)
                """.formatted(TABLE), hash(token), holder.username(), holder.role(),
                holder.unitIds().toArray(UUID[]::new), Timestamp.from(clock.instant()));
        return token;
    }

    /** Whom {@code token} stands for; empty when it is missing, malformed, unknown or revoked. */
    Optional<Holder> holder(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT username, role, unit_ids FROM %s WHERE token_hash = ? AND revoked_at IS NULL
                """.formatted(TABLE), (rs, row) -> new Holder(rs.getString(1), rs.getString(2),
                        units(rs.getArray(3))), (Object) hash(token)).stream().findFirst();
    }

    /**
     * Revokes {@code token} if it is {@code username}'s. True when it is theirs, revoked now or before (a revoked
     * token keeps the moment it was first revoked); false when it is unknown or another user's.
     */
    boolean revoke(String username, String token) {
        if (!wellFormed(token)) {
            return false;
        }
        return jdbc.update("""
                UPDATE %s SET revoked_at = coalesce(revoked_at, ?) WHERE token_hash = ? AND username = ?
                """.formatted(TABLE), Timestamp.from(clock.instant()), hash(token), username) > 0;
    }

    private static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Set<UUID> units(Array array) throws SQLException {
        Set<UUID> units = new LinkedHashSet<>();
        if (array != null) {
            for (Object unit : (Object[]) array.getArray()) {
                units.add((UUID) unit);
            }
        }
        return units;
    }
}
