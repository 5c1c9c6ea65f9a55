package vn.ledger.query.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ledger.query.web.QueryRejection;

/**
 * The records a reader may see. A {@code SECRETARY} reads only the records of the units assigned to them
 * ({@code UNIT_<uuid>} authorities); every other role reads all. Without an authentication (the query side on its
 * own, as in its tests) the reader is unrestricted.
 *
 * @param units the units a restricted reader may see; {@code null} when the reader sees all
 */
public record ReaderScope(Set<UUID> units) {

    public static final String ROLE_PREFIX = "ROLE_";
    public static final String UNIT_PREFIX = "UNIT_";
    /** The one role restricted to its units. */
    public static final String RESTRICTED_ROLE = "SECRETARY";
    public static final String FORBIDDEN_UNIT = "forbidden-unit";

    public static final ReaderScope ALL = new ReaderScope(null);

    public ReaderScope {
        units = units == null ? null : Set.copyOf(units);
    }

    /** The scope of the signed-in user of the current request. */
    public static ReaderScope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return ALL;
        }
        return of(authentication.getAuthorities());
    }

    /** The scope of {@code authorities}: restricted to the {@code UNIT_} ones for a secretary, else all. */
    public static ReaderScope of(Collection<? extends GrantedAuthority> authorities) {
        boolean secretary = false;
        Set<UUID> units = new LinkedHashSet<>();
        for (GrantedAuthority granted : authorities) {
            String authority = granted.getAuthority();
            if (authority == null) {
                continue;
            }
            if (authority.equals(ROLE_PREFIX + RESTRICTED_ROLE)) {
                secretary = true;
            } else if (authority.startsWith(UNIT_PREFIX)) {
                try {
                    units.add(UUID.fromString(authority.substring(UNIT_PREFIX.length())));
                } catch (IllegalArgumentException notAUnit) {
                    // not a unit id: grants nothing
                }
            }
        }
        return secretary ? new ReaderScope(units) : ALL;
    }

    public boolean unrestricted() {
        return units == null;
    }

    public boolean allows(UUID unitId) {
        return units == null || (unitId != null && units.contains(unitId));
    }

    /** Whether a record of {@code unitIds} (e.g. a session's units) involves one of the reader's units. */
    public boolean allowsAny(Collection<UUID> unitIds) {
        return units == null || unitIds.stream().anyMatch(this::allows);
    }

    /** 403 {@code forbidden-unit} unless the reader may see {@code unitId}. */
    public void require(UUID unitId) {
        if (!allows(unitId)) {
            throw forbidden("You may not read the records of unit " + unitId + ".");
        }
    }

    /** 403 {@code forbidden-unit} unless the record of {@code unitIds} involves one of the reader's units. */
    public void requireAny(Collection<UUID> unitIds, String what) {
        if (!allowsAny(unitIds)) {
            throw forbidden("You may not read " + what + ": it involves none of your units.");
        }
    }

    public static QueryRejection forbidden(String message) {
        return new QueryRejection(403, FORBIDDEN_UNIT, message);
    }
}
