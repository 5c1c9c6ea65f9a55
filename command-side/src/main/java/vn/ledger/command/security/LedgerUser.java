package vn.ledger.command.security;

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

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role));
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
