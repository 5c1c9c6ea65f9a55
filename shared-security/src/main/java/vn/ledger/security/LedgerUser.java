package vn.ledger.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: a role and, for a secretary, the units assigned to them. */
public record LedgerUser(String username, String passwordHash, String role, Set<UUID> unitIds) implements UserDetails {

    public LedgerUser {
        unitIds = Set.copyOf(unitIds);
    }

    /**
     * {@code ROLE_<role>}, then one {@code UNIT_<uuid>} per assigned unit: the query side reads a secretary's units
     * from these, without knowing this class.
     */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        unitIds.stream().map(UUID::toString).sorted()
                .forEach(unitId -> authorities.add(new SimpleGrantedAuthority("UNIT_" + unitId)));
        return List.copyOf(authorities);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "LedgerUser[" + username + ", " + role + ", " + unitIds + "]"; // never the hash
    }
}
