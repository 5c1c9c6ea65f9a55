package vn.ledger.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ledger.query.web.QueryRejection;

/** The reader's scope from the {@code ROLE_} and {@code UNIT_} authorities of the signed-in user. */
class ReaderScopeTest {

    private static final UUID MINE = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withoutAnAuthenticationTheReaderIsUnrestricted() {
        assertThat(ReaderScope.current().unrestricted()).isTrue();
        assertThat(ReaderScope.current().allows(OTHER)).isTrue();
    }

    @Test
    void aSecretaryIsRestrictedToTheUnitsOfTheirAuthorities() {
        signIn("ROLE_SECRETARY", "UNIT_" + MINE, "UNIT_not-a-uuid");
        ReaderScope scope = ReaderScope.current();
        assertThat(scope.units()).isEqualTo(Set.of(MINE));
        assertThat(scope.allows(MINE)).isTrue();
        assertThat(scope.allows(OTHER)).isFalse();
        assertThat(scope.allowsAny(List.of(OTHER, MINE))).isTrue();
        assertThatThrownBy(() -> scope.require(OTHER)).isInstanceOfSatisfying(QueryRejection.class, rejection -> {
            assertThat(rejection.status()).isEqualTo(403);
            assertThat(rejection.code()).isEqualTo("forbidden-unit");
        });
        assertThatThrownBy(() -> scope.requireAny(List.of(OTHER), "a session")).isInstanceOf(QueryRejection.class);
    }

    @Test
    void aSecretaryWithoutUnitsSeesNoUnit() {
        signIn("ROLE_SECRETARY");
        assertThat(ReaderScope.current().units()).isEmpty();
        assertThat(ReaderScope.current().allowsAny(List.of(MINE))).isFalse();
    }

    @Test
    void everyOtherRoleReadsAllWhateverUnitsItCarries() {
        for (String role : List.of("OFFICE", "REVIEWER", "AUDITOR")) {
            signIn("ROLE_" + role, "UNIT_" + MINE);
            assertThat(ReaderScope.current().unrestricted()).as(role).isTrue();
            assertThat(ReaderScope.current().allows(OTHER)).as(role).isTrue();
        }
    }

    private static void signIn(String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "reader", null, AuthorityUtils.createAuthorityList(authorities)));
    }
}
